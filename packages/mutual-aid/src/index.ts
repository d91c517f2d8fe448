export { WelfareMutualAid } from './welfare-mutual-aid.js';
export { WelfareMutualAidForm } from './welfare-mutual-aid-form.js';
