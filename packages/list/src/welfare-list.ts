import { WelfareList } from './list.component.js';

export { WelfareList };

WelfareList.define('welfare-list');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-list': WelfareList;
  }
}
