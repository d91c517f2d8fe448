import { WelfareMutualAid } from './mutual-aid.component.js';

export { WelfareMutualAid };

WelfareMutualAid.define('welfare-mutual-aid');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-mutual-aid': WelfareMutualAid;
  }
}
