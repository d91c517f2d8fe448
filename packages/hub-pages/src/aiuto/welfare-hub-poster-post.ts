import { WelfareHubPosterPost } from './poster-post.component.js';

export { WelfareHubPosterPost };

WelfareHubPosterPost.define('welfare-hub-poster-post');

declare global {
  interface HTMLElementTagNameMap {
    'welfare-hub-poster-post': WelfareHubPosterPost;
  }
}
