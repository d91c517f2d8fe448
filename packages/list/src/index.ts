export { WelfareList } from './welfare-list.js';
