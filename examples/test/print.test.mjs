/**
 * Printing the comune example filtered to one category (issue 11, item 12), from the built
 * bundle: on paper the services are a clean list (name, organisation, address, hours,
 * phone, website as text) with no form fields, buttons, map or "Vicino a me", and ten
 * services take at most two A4 pages.
 *
 *   node --test examples/test/print.test.mjs   (after `npm run build`)
 *
 * Pages are counted in the PDF bytes (`/Type /Page` objects, not `/Pages`) of a PDF of the
 * services alone (the page's header, notices and access points hidden for that count),
 * made with 1 cm margins, about what a browser's print dialog uses.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newPage, scrollThrough, settle, start } from './harness.mjs';

const PAGE = 'examples/comune.html?wcat=cibo';

let env;
let page;
before(async () => {
  env = await start();
  page = await newPage(env.browser, { width: 1280, height: 800 });
  await page.goto(`${env.origin}/${PAGE}`, { waitUntil: 'load' });
  await settle(page);
  await scrollThrough(page);
  await settle(page);
  await page.emulateMediaType('print');
});
after(async () => {
  await page?.close();
  await env?.close();
});

/** What is visible under print media, across shadow roots (runs in the page). */
function printed() {
  const all = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const seen = (el) => el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
  const controls = all
    .filter((el) => el.matches('input, select, textarea, button:not([part~="name"]), .leaflet-container, .leaflet-control'))
    .filter(seen)
    .map((el) => `${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''} "${el.textContent.trim().slice(0, 30)}"`);
  const hosts = all.filter((el) => /^welfare-(search|categories|map)$/.test(el.localName)).filter(seen).map((el) => el.localName);
  const list = document.querySelector('welfare-list').shadowRoot;
  const items = [...list.querySelectorAll('[part~="item"]')].map((item) => {
    const web = item.querySelector('a[href^="http"]');
    return {
      name: item.querySelector('[part="name"]')?.textContent.trim(),
      shown: seen(item),
      address: seen(item.querySelector('[part~="address"]') ?? item),
      text: item.innerText,
      website: web ? { href: web.href, printed: getComputedStyle(web, '::after').content } : null,
    };
  });
  return { controls, hosts, items, nearMe: all.filter((el) => seen(el) && /Vicino a me/.test(el.textContent) && !el.children.length).length };
}

describe(`${PAGE} printed`, () => {
  it('is a clean list: no form fields, buttons, map or "Vicino a me"', async () => {
    const p = await page.evaluate(printed);
    assert.deepEqual(p.controls, [], 'controls visible on paper');
    assert.deepEqual(p.hosts, [], 'search, board and map are not printed');
    assert.equal(p.nearMe, 0, '"Vicino a me" is not printed');
  });

  it('prints each service with its name, address, phone and website written out', async () => {
    const p = await page.evaluate(printed);
    assert.ok(p.items.length >= 8, `the filter gives about ten services (${p.items.length})`);
    for (const item of p.items) {
      assert.ok(item.shown && item.name, `${item.name} is printed`);
      assert.ok(item.address, `${item.name}: address printed`);
      assert.match(item.text, /Telefono|Phone/, `${item.name}: phone printed`);
      if (item.website) assert.ok(item.website.printed.includes(item.website.href), `${item.name}: website address printed (${item.website.printed})`);
    }
    assert.ok(p.items.some((i) => i.website), 'at least one service has a website to print');
  });

  it('fits ten services on at most two A4 pages', async () => {
    const length = await page.evaluate(() => document.querySelector('welfare-list').shadowRoot.querySelectorAll('[part~="item"]').length);
    // The services alone: the page's other sections (header, notices, access points) are its own.
    await page.addStyleTag({ content: '@media print { header, footer, section:not(:has(welfare-list)), main > :not(:has(welfare-list)) { display: none !important; } }' });
    const pdf = Buffer.from(await page.pdf({ format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } }));
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1, 'the PDF has pages');
    assert.ok(pages <= 2, `${length} services printed on ${pages} A4 pages`);
  });
});
