import { WelfareReviewQueue } from './review-queue.component.js';

export { WelfareReviewQueue };

WelfareReviewQueue.define('welfare-review-queue');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-review-queue': WelfareReviewQueue;
  }
}
