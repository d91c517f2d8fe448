import { WelfareMutualAidForm } from './form.component.js';

export { WelfareMutualAidForm };

WelfareMutualAidForm.define('welfare-mutual-aid-form');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-mutual-aid-form': WelfareMutualAidForm;
  }
}
