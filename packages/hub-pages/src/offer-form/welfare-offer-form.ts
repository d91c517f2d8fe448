import { WelfareOfferForm } from './offer-form.component.js';

export { WelfareOfferForm };

WelfareOfferForm.define('welfare-offer-form');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-offer-form': WelfareOfferForm;
  }
}
