export { WelfareAccessPoints } from './welfare-access-points.js';
