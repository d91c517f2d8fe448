import { WelfarePlacePicker } from './place-picker.component.js';

export { WelfarePlacePicker };

WelfarePlacePicker.define('welfare-place-picker');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-place-picker': WelfarePlacePicker;
  }
}
