export { WelfareMap } from './welfare-map.js';
export { OSM_TILES, resolveTiles } from './tiles.js';
export { drawPlaceMap } from './service-map.js';
