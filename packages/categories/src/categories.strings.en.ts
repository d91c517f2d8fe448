import { formatNumber } from '@welfare-elements/core';
import type { CategoriesStrings } from './categories.strings.js';

export const categoriesEn: CategoriesStrings = {
  label: 'Service categories',
  all: 'All',
  foldLabel: 'Categories',
  chosen: (n: number) => `${n} chosen`,
  services: (n: number) => (n === 1 ? 'service' : 'services'),
  tileName: (name: string, n: number) => `${name}, ${formatNumber(n, 'en')} ${n === 1 ? 'service' : 'services'}`,
  found: (n: number) => (n === 0 ? 'No services found' : n === 1 ? '1 service found' : `${formatNumber(n, 'en')} services found`),
};
