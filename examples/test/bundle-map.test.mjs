/**
 * The map as the built bundle ships it. The browser tests (web-test-runner) run the
 * TypeScript sources against Leaflet as published; the bundle runs a Leaflet that
 * rollup.config.mjs trims (tooltips, GeoJSON export, canvas and VML renderers, box zoom,
 * WMS and some controls are removed). This test drives everything the map does with
 * the trimmed Leaflet, so a removal that goes too far fails here:
 *   markers and clusters appear; choosing in the list opens the popup (Popup, overlays);
 *   Enter on a focused marker opens its popup (keyboard); the zoom buttons zoom
 *   (Control.Zoom, animation); "Vicino a me" draws the accuracy circle (its size at the
 *   zoom, its centre) and the position; no uncaught error or console error on the way.
 * And what a person sees there: every marker, cluster and the position is visible and
 * clickable (the element at its centre is itself), at several zooms; Enter on a cluster
 * leaves no old cluster behind.
 *
 * Needs the built bundle (`npm run build`). Run alone with
 *   node --test examples/test/bundle-map.test.mjs
 * and in the other engines (examples/test/engine.mjs) with WELFARE_BROWSERS=firefox, or
 * WELFARE_BROWSERS=webkit under xvfb-run -a.
 *
 * @engines chromium firefox webkit
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { after, before, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { aboutOutsideRequest, givePosition, launchBrowser, loopbackOnly } from './engine.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(repo);
const { startServer } = await import('../../scripts/serve.mjs');

let server;
let browser;
let page;
const errors = [];

before(async () => {
  assert.ok(existsSync('packages/welfare-elements/dist/welfare-elements.js'), 'run `npm run build` first');
  server = await startServer({ port: 0 });
  browser = await launchBrowser({ server, root: repo });
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  // Tiles would come from openstreetmap.org: never fetched here.
  await loopbackOnly(page);
  page.on('pageerror', (e) => {
    if (!aboutOutsideRequest(e.message)) errors.push(`uncaught: ${e.message}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !aboutOutsideRequest(m.text())) errors.push(`console: ${m.text()}`);
  });
  await givePosition(page);
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/elements/map.html`, { waitUntil: 'load' });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
});

/** Runs `fn(mapShadowRoot, listShadowRoot)` in the page, for the first map of the page. */
const inPage = (fn, ...args) =>
  page.evaluate(
    (source, ...rest) => {
      const map = document.querySelector('welfare-map').shadowRoot;
      const list = document.querySelector('welfare-list').shadowRoot;
      return new Function('map', 'list', 'args', `return (${source})(map, list, args)`)(map, list, rest);
    },
    fn.toString(),
    ...args,
  );

const waitIn = (fn, ...args) =>
  page.waitForFunction(
    (source, ...rest) => {
      const map = document.querySelector('welfare-map')?.shadowRoot;
      const list = document.querySelector('welfare-list')?.shadowRoot;
      return map && list && new Function('map', 'list', 'args', `return (${source})(map, list, args)`)(map, list, rest);
    },
    // Generous: on CI's fresh machine the first map of the run (Leaflet's chunk, the feed,
    // markers drawn in slices) can take longer than on a warm one; a wait only costs time
    // when something is wrong.
    { timeout: 30_000, polling: 50 },
    fn.toString(),
    ...args,
  );

it('shows markers and clusters', async () => {
  await waitIn((map) => map.querySelectorAll('.leaflet-marker-icon').length > 0);
  const labels = await inPage((map) => [...map.querySelectorAll('.leaflet-marker-icon button')].map((b) => b.getAttribute('aria-label')));
  assert.ok(labels.length > 0 && labels.every((l) => l && l.length > 3), `every marker has a name: ${labels.join(' | ')}`);
});

/** For each marker, cluster and the position with its centre in the map: what is at that centre. */
const hitTest = (map) => {
  const view = map.querySelector('.map').getBoundingClientRect();
  const covered = [];
  let checked = 0;
  for (const t of map.querySelectorAll('.leaflet-marker-icon button, .leaflet-marker-icon .origin')) {
    const r = t.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    // Centres on the map's edge are half cut off: a pan away, like those under the controls.
    if (x < view.left + 2 || x > view.right - 2 || y < view.top + 2 || y > view.bottom - 2) continue;
    const hit = map.elementFromPoint(x, y);
    // Under the zoom buttons or the credits (closer in, anything can be): a pan away.
    if (hit?.closest('.leaflet-control')) continue;
    checked++;
    if (!hit || !(hit === t || t.contains(hit))) {
      covered.push(`"${t.getAttribute('aria-label')}" under "${hit?.closest('button, .origin')?.getAttribute('aria-label') ?? hit?.className}"`);
    }
  }
  return { checked, covered };
};

/** Waits until the markers stop changing (they are drawn in slices). */
const settledMarkers = async () => {
  let last;
  let same = 0;
  await waitIn(() => true);
  for (let i = 0; i < 100 && same < 3; i++) {
    await new Promise((ok) => setTimeout(ok, 60));
    const now = await inPage((map) => [...map.querySelectorAll('.leaflet-marker-icon button')].map((b) => b.getAttribute('aria-label')).join('|'));
    same = now === last ? same + 1 : 0;
    last = now;
  }
};

it('opens the popup of the service chosen in the list', async () => {
  await waitIn((map, list) => list.querySelector('button[part="name"]'));
  const name = await inPage((map, list) => {
    const b = list.querySelector('button[part="name"]');
    b.click();
    return b.textContent.trim();
  });
  await waitIn((map, list, [n]) => map.querySelector('.leaflet-popup .popup-name')?.textContent.trim() === n, name);
});

it('opens a popup with Enter on a focused marker', async () => {
  await inPage((map) => map.querySelector('.leaflet-popup-close-button')?.click());
  await waitIn((map) => !map.querySelector('.leaflet-popup'));
  await waitIn((map) => map.querySelector('.leaflet-marker-icon button.marker:not(.access-point)'));
  const label = await inPage((map) => {
    const b = map.querySelector('.leaflet-marker-icon button.marker:not(.access-point)');
    b.focus();
    return b.getAttribute('aria-label');
  });
  await page.keyboard.press('Enter');
  await waitIn((map) => map.querySelector('.leaflet-popup .popup-name'));
  const popupName = await inPage((map) => map.querySelector('.leaflet-popup .popup-name').textContent.trim());
  assert.ok(label.includes(popupName), `popup "${popupName}" belongs to marker "${label}"`);
});

/** The map's zoom (Leaflet's own view of it). */
const zoomOf = () => page.evaluate(() => document.querySelector('welfare-map').leaflet.view.map.getZoom());

/** One press of a zoom button, as a person would, and the wait until that zoom is over. */
async function zoomStep(direction) {
  const from = await zoomOf();
  // At the last zoom level the button is disabled and a press does nothing.
  const pressed = await inPage((map, list, [d]) => {
    const button = map.querySelector(`.leaflet-control-zoom-${d}`);
    if (button.classList.contains('leaflet-disabled')) return false;
    button.click();
    return true;
  }, direction);
  if (!pressed) return;
  await page.waitForFunction(
    (z, d) => {
      const el = document.querySelector('welfare-map');
      const now = el.leaflet.view.map.getZoom();
      return (d === 'in' ? now > z : now < z) && !el.shadowRoot.querySelector('.leaflet-map-pane.leaflet-zoom-anim');
    },
    { timeout: 30_000, polling: 50 },
    from,
    direction,
  );
}

it('zooms in and out with the zoom buttons', async () => {
  // What a person sees of a zoom: the markers move. Their positions in the map, in px.
  const where = (map) => {
    const box = map.querySelector('.leaflet-container').getBoundingClientRect();
    return [...map.querySelectorAll('.leaflet-marker-icon')]
      .map((m) => m.getBoundingClientRect())
      .map((r) => `${Math.round(r.left - box.left)},${Math.round(r.top - box.top)}`)
      .sort()
      .join(' ');
  };
  const label = await inPage((map) => map.querySelector('.leaflet-control-zoom-in')?.getAttribute('aria-label'));
  assert.match(label, /ingrandisci|zoom/i);
  // Leaflet drops a zoom asked for during a zoom animation: zoomStep waits for each to end.
  const click = zoomStep;
  const movedFrom = (then) =>
    waitIn((map, list, [source, before]) => new Function(`return (${source})`)()(map) !== before, where.toString(), then);
  // The tests before left the map zoomed in on one service, by a popup near the edge:
  // close it and zoom out, as a person would, until several markers are in view.
  await inPage((map) => map.querySelector('.leaflet-popup-close-button')?.click());
  for (let i = 0; i < 10 && (await inPage(where)).split(' ').length < 3; i++) await click('out');
  // A pan (the popup's) may still be running: wait until the markers stand still.
  let before = await inPage(where);
  for (let last; before !== last; ) {
    last = before;
    await new Promise((ok) => setTimeout(ok, 300));
    before = await inPage(where);
  }
  assert.ok(before.split(' ').length >= 3, `zooming out brings several markers into view: ${before}`);
  await click('in');
  await movedFrom(before);
  await click('out');
  // Back where it was: the same markers in the same places.
  await waitIn((map, list, [source, then]) => new Function(`return (${source})`)()(map) === then, where.toString(), before);
});

it('keeps every marker and cluster visible and clickable, at several zooms', async () => {
  await page.evaluate(() => document.querySelector('welfare-map').scrollIntoView());
  await inPage((map) => map.querySelector('.leaflet-popup-close-button')?.click());
  // From the whole district (the earlier tests went close in), then closer step by step.
  // Each step waits for the zoom to be done (a fixed pause was a guess that a slower
  // machine could outrun: the hit test would then run mid-animation).
  for (let i = 0; i < 12 && (await zoomOf()) > 10; i++) await zoomStep('out');
  await settledMarkers();
  const problems = [];
  let checked = 0;
  for (let step = 0; step < 4; step++) {
    const seen = await inPage(hitTest);
    checked += seen.checked;
    problems.push(...seen.covered.map((c) => `step ${step}: ${c}`));
    await zoomStep('in');
    await settledMarkers();
  }
  for (let step = 0; step < 4; step++) await zoomStep('out');
  await settledMarkers();
  assert.ok(checked > 10, `only ${checked} markers checked`);
  assert.deepEqual(problems, []);
  // Clusters are named by place, once (no title repeating the name).
  const names = await inPage((map) => [...map.querySelectorAll('button[part~="cluster"]')].map((b) => [b.getAttribute('aria-label'), b.title]));
  assert.ok(names.length > 0);
  for (const [name, title] of names) {
    assert.match(name, /^\d+ (servizi|punti di accesso)( e \d+ punt[oi] di accesso)?, zona \S/);
    assert.equal(title, '');
  }
});

it('Enter on a cluster zooms in, moves focus into it and leaves no old cluster behind', async () => {
  await settledMarkers();
  // The biggest cluster in view (a small one may be services at one address: a list opens).
  const label = await inPage((map) => {
    const view = map.querySelector('.map').getBoundingClientRect();
    const inView = [...map.querySelectorAll('button[part~="cluster"]')].filter((c) => {
      const r = c.getBoundingClientRect();
      return r.left > view.left && r.right < view.right && r.top > view.top && r.bottom < view.bottom;
    });
    const count = (c) => Number(c.getAttribute('aria-label').match(/^\d+/)[0]);
    const c = inView.sort((a, b) => count(b) - count(a))[0];
    c.focus();
    return c.getAttribute('aria-label');
  });
  await new Promise((ok) => setTimeout(ok, 300));
  await page.keyboard.press('Enter');
  await waitIn((map, list, [l]) => {
    const active = map.activeElement;
    return active && active.getAttribute('aria-label') !== l && active.closest('.leaflet-marker-icon');
  }, label);
  await settledMarkers();
  const still = await inPage((map, list, [l]) => [...map.querySelectorAll('.leaflet-marker-icon button')].some((b) => b.getAttribute('aria-label') === l), label);
  assert.equal(still, false, `"${label}" stayed on the map`);
  assert.deepEqual((await inPage(hitTest)).covered, []);
});

/**
 * The accuracy circle is 800 m (the stubbed accuracy) at the map's zoom, as L.circle drew
 * it (metres on a sphere of 6371 km, Mercator's stretch 1 / cos(lat) at Lodi), and centred
 * where the position is (its marker; the dot itself may step aside from markers).
 */
async function circleMatchesZoom() {
  const zoom = await zoomOf();
  const expected = (2 * 800 * 256 * 2 ** zoom) / (2 * Math.PI * 6371000 * Math.cos((45.3097 * Math.PI) / 180));
  const drawn = await inPage((map) => {
    const circle = map.querySelector('.wm-accuracy').getBoundingClientRect();
    const home = map.querySelector('.origin').parentElement.getBoundingClientRect();
    return {
      width: circle.width,
      height: circle.height,
      dx: circle.left + circle.width / 2 - (home.left + home.width / 2),
      dy: circle.top + circle.height / 2 - (home.top + home.height / 2),
    };
  });
  const size = `circle ${drawn.width}×${drawn.height} px at zoom ${zoom}; 800 m is ${expected} px`;
  assert.ok(Math.abs(drawn.width - expected) < 2 && Math.abs(drawn.height - expected) < 2, size);
  assert.ok(Math.abs(drawn.dx) < 1 && Math.abs(drawn.dy) < 1, `the circle is centred on the position: ${drawn.dx}, ${drawn.dy}`);
}

it('"Vicino a me" draws the position and the accuracy circle', async () => {
  await inPage((map) => map.querySelector('button[part="near-me"]').click());
  await waitIn((map) => map.querySelector('.wm-accuracy') && map.querySelector('.origin'));
  await settledMarkers();
  await circleMatchesZoom();
  const seen = await inPage(hitTest);
  assert.deepEqual(seen.covered, []);
  // The position is among what was checked: nothing covers it.
  const origin = await inPage((map) => {
    const o = map.querySelector('.origin');
    const r = o.getBoundingClientRect();
    return map.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === o;
  });
  assert.equal(origin, true, 'something covers the position');
  // The circle follows a zoom (animated: its size moves with the markers).
  await zoomStep('out');
  await circleMatchesZoom();
});

/** The map's centre in pixels of its projection at the current zoom (Leaflet's own view). */
const centrePx = () =>
  page.evaluate(() => {
    const m = document.querySelector('welfare-map').leaflet.view.map;
    const p = m.project(m.getCenter());
    return { x: p.x, y: p.y };
  });

/** Waits until the map's centre satisfies `test(centre, from)`. */
const centreWhere = (test, from) =>
  page.waitForFunction(
    (source, f) => {
      const m = document.querySelector('welfare-map').leaflet.view.map;
      return new Function(`return (${source})`)()(m.project(m.getCenter()), f);
    },
    { timeout: 30_000, polling: 50 },
    test.toString(),
    from,
  );

it('pans with the arrow keys and follows a mouse drag', async () => {
  // Leaflet's Keyboard and Drag handlers, trimmed of the view limits the map never sets
  // (rollup.config.mjs withoutViewLimits): a press pans by 80 px, a drag moves the view.
  await inPage((map) => map.querySelector('.leaflet-popup-close-button')?.click());
  await inPage((map) => map.querySelector('.map').focus());
  // Leaflet ignores a key during a pan: each key is pressed once the view stands still.
  const standing = async () => {
    let now = await centrePx();
    for (let last; JSON.stringify(now) !== JSON.stringify(last); ) {
      last = now;
      await new Promise((ok) => setTimeout(ok, 300));
      now = await centrePx();
    }
    return now;
  };
  const start = await standing();
  await page.keyboard.press('ArrowRight');
  await centreWhere((p, f) => p.x > f.x + 79.5, start);
  // The centre passes +79.5 px before the eased pan has ended: the next key waits for its end
  // (on a busy CI machine ArrowDown came during the last frames and was ignored).
  const right = await standing();
  await page.keyboard.press('ArrowDown');
  await centreWhere((p, f) => p.y > f.y + 79.5 && Math.abs(p.x - f.x) < 0.5, right);
  // The WebKit page of these tests (engine.mjs) has no mouse; its keys are checked above.
  if (!page.mouse) return;
  const at = await inPage((map) => {
    const r = map.querySelector('.leaflet-container').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  const before = await centrePx();
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x - 150, at.y, { steps: 6 });
  await page.mouse.up();
  // Dragging the map to the left shows what was to its right (it may glide on, never back).
  const after = await centreWhere((p, f) => p.x > f.x + 120, before).then(centrePx);
  assert.ok(Math.abs(after.y - before.y) < 20, `a level drag keeps the height: ${before.y} -> ${after.y}`);
});

it('raised no error on the way', () => {
  assert.deepEqual(errors, []);
});
