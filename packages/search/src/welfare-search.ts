import { WelfareSearch } from './search.component.js';

export { WelfareSearch };

WelfareSearch.define('welfare-search');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-search': WelfareSearch;
  }
}
