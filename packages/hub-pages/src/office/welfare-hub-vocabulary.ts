import { WelfareHubVocabulary } from './vocabulary.component.js';

export { WelfareHubVocabulary };

WelfareHubVocabulary.define('welfare-hub-vocabulary');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hub-vocabulary': WelfareHubVocabulary;
  }
}
