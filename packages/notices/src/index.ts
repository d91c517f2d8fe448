export { WelfareNotices } from './welfare-notices.js';
