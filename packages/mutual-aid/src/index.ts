export { WelfareMutualAid } from './welfare-mutual-aid.js';
