import { WelfareHoursBuilder } from './hours-builder.component.js';

export { WelfareHoursBuilder };

WelfareHoursBuilder.define('welfare-hours-builder');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hours-builder': WelfareHoursBuilder;
  }
}
