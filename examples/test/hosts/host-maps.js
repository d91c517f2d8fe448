/*
 * The host page's own Leaflet maps (the page's copy of Leaflet, global `L`). One is made
 * now, before <welfare-map> loads its bundled Leaflet; `makeHostMap('host-after')` makes
 * the other later, when the test asks. No tiles: nothing leaves the machine.
 */
window.hostMaps = {};
window.makeHostMap = function (id) {
  var map = L.map(id, { center: [45.31, 9.5], zoom: 12 });
  L.marker([45.31, 9.5]).addTo(map);
  window.hostMaps[id] = map;
  return map;
};
window.makeHostMap('host-before');
