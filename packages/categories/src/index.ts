export { WelfareCategories } from './welfare-categories.js';
export { categoryIcon } from './icons.js';
