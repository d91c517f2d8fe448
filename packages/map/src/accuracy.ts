/**
 * The circle of the position's accuracy around "near me", drawn by CSS inside a marker.
 * Leaflet's L.circle would bring its whole vector stack (SVG renderer, Path,
 * CircleMarker, Circle: about 2 KB gzip on every page with a map) for this one shape.
 */
import * as L from 'leaflet/dist/leaflet-src.esm.js';

/** The Earth's radius that L.circle uses (L.CRS.Earth.R), so the circle is the same size. */
const EARTH_RADIUS = 6371000;

/**
 * A circle of `metres` around `at`, not interactive, below the markers. Its size follows
 * the zoom: drawn at the map's zoom at once (`zoom`, also a pinch and the end of an
 * animation), and scaled during Leaflet's zoom animation (`zoomanim`, the target zoom)
 * by a transform with the markers' easing (engine.styles.ts), as Leaflet scales its SVG.
 */
export function accuracyCircle(map: L.Map, at: L.LatLng, metres: number): L.Marker {
  const ring = document.createElement('span');
  ring.className = 'wm-accuracy';
  const marker = L.marker(at, {
    icon: L.divIcon({ html: ring, className: 'wm-accuracy-icon', iconSize: [0, 0] }),
    interactive: false,
    keyboard: false,
    pane: 'overlayPane',
  });
  // Half the north-south extent in pixels, as L.circle measures it (Mercator stretches
  // east-west and north-south alike, so it is a circle).
  const degrees = (metres / EARTH_RADIUS) * (180 / Math.PI);
  const radius = (zoom: number) =>
    (map.project([at.lat - degrees, at.lng], zoom).y - map.project([at.lat + degrees, at.lng], zoom).y) / 2;
  let drawn = 0;
  const draw = () => {
    drawn = radius(map.getZoom());
    ring.style.width = ring.style.height = `${2 * drawn}px`;
    ring.style.margin = `${-drawn}px`;
    ring.style.transform = '';
  };
  const animate = (e: L.ZoomAnimEvent) => {
    ring.style.transform = `scale(${radius(e.zoom) / drawn})`;
  };
  marker.on('add', () => {
    draw();
    map.on('zoom', draw).on('zoomanim', animate);
  });
  marker.on('remove', () => map.off('zoom', draw).off('zoomanim', animate));
  return marker;
}
