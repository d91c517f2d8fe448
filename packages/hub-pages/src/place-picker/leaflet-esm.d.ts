/** Leaflet's ESM build has no types of its own: it exports what the UMD build does. */
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
