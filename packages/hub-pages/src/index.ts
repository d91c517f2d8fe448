export { WelfareOfferForm } from './offer-form/welfare-offer-form.js';
export { WelfareHoursBuilder } from './hours-builder/welfare-hours-builder.js';
export { WelfarePlacePicker } from './place-picker/welfare-place-picker.js';
