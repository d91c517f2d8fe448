import { WelfareCategories } from './categories.component.js';

export { WelfareCategories };

WelfareCategories.define('welfare-categories');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-categories': WelfareCategories;
  }
}
