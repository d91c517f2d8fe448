/**
 * Printing a service and a selection (issue 18), from the built bundle, on the planning
 * office's page:
 *   - one service's view prints on one A4 page: name, organisation, address, hours in
 *     words, contacts and the link written out, and nothing of the page behind it;
 *   - the printed QR code decodes (jsQR) to that same link;
 *   - a selection of ten services prints on at most two A4 pages;
 *   - printed from the browser's own menu (no Stampa, no Ctrl+P) right after the view
 *     opens on a computer, the sheet still has its QR code.
 * Pages are counted in the PDF bytes (`/Type /Page` objects, not `/Pages`), as in
 * print.test.mjs. `page.pdf()` exists in Chromium only, so this file runs there.
 *
 *   node --test examples/test/service-print.test.mjs   (after `npm run build`)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { newPage, settle, start } from './harness.mjs';

const PAGE = 'examples/ufficio-di-piano.html';

let env;
let page;
before(async () => {
  env = await start();
  page = await newPage(env.browser, { width: 1280, height: 900 });
  // The browser's print dialog would block the page: the test prints with page.pdf().
  await page.evaluateOnNewDocument(() => {
    window.print = () => void (window.__printed = (window.__printed ?? 0) + 1);
  });
});
after(async () => {
  await page?.close();
  await env?.close();
});

const pagesOf = (pdf) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
const pdf = () => page.pdf({ format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } });

/** Opens the page from `query`, waits for the view, presses its "Stampa" and waits for the QR code. */
async function printFrom(query) {
  await page.emulateMediaType('screen');
  await page.goto(`${env.origin}/${PAGE}${query}`, { waitUntil: 'load' });
  await settle(page);
  await page.waitForFunction(() => document.querySelector('welfare-service-view')?.shadowRoot?.querySelector('dialog[open] [part~="print"]'), { timeout: 30_000 });
  await page.evaluate(() => document.querySelector('welfare-service-view').shadowRoot.querySelector('[part~="print"]').click());
  await page.waitForFunction(() => window.__printed && document.querySelector('welfare-service-view').shadowRoot.querySelector('.sheet svg path'), { timeout: 30_000 });
  await page.emulateMediaType('print');
}

/** What is visible on paper (runs in the page). */
function printed() {
  const visible = (el) => el.checkVisibility() && el.getClientRects().length > 0;
  const view = document.querySelector('welfare-service-view');
  const others = [...document.body.children].filter((el) => el !== view && visible(el)).map((el) => el.localName);
  const sheet = view.shadowRoot.querySelector('.sheet');
  return { others, dialog: visible(view.shadowRoot.querySelector('dialog')), text: sheet.innerText, sheet: visible(sheet) };
}

describe(`${PAGE}: printing`, () => {
  it('prints one service on one A4 page, with what a person needs and the link written out', async () => {
    await printFrom('?servizio=svc-001');
    const p = await page.evaluate(printed);
    assert.deepEqual(p.others, [], 'nothing of the page behind the view is printed');
    assert.equal(p.dialog, false, 'the dialog itself (buttons) is not printed');
    assert.ok(p.sheet);
    for (const words of ['Sportello casa di Lodi', 'Comune di Lodi', 'Piazza del Broletto 1, Lodi', 'lun–ven 9:00–12:30 e 14:00–17:00', 'Telefono: 0371 000107', 'servizio=svc-001', 'Informazioni verificate il 27 ottobre 2026']) {
      assert.ok(p.text.includes(words), `printed: ${words}\n---\n${p.text}`);
    }
    assert.doesNotMatch(p.text, /Mo-Fr/, 'hours in words, never in the feed syntax');
    assert.equal(pagesOf(await pdf()), 1);
  });

  it('prints a QR code that decodes to the link', async () => {
    const link = await page.evaluate(() => location.href);
    const svg = await page.evaluateHandle(() => document.querySelector('welfare-service-view').shadowRoot.querySelector('.sheet svg'));
    const png = PNG.sync.read(Buffer.from(await svg.screenshot({ type: 'png' })));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(code, 'the QR code is readable');
    assert.equal(code.data, link);
  });

  it('has the QR code when printed from the browser\'s own menu, without Stampa or Ctrl+P', async () => {
    await page.emulateMediaType('screen');
    await page.goto('about:blank');
    const chunks = [];
    const seen = (r) => chunks.push(r.url().split('/').pop());
    page.on('request', seen);
    try {
      await page.goto(`${env.origin}/${PAGE}?servizio=svc-002`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('welfare-service-view')?.shadowRoot?.querySelector('dialog[open] h2'), { timeout: 30_000 });
      await page.waitForNetworkIdle({ idleTime: 1_500, timeout: 30_000 });
      // The menu gives the page only its beforeprint event, then lays the sheet out.
      const drawn = await page.evaluate(() => {
        dispatchEvent(new Event('beforeprint'));
        return Boolean(document.querySelector('welfare-service-view').shadowRoot.querySelector('.sheet svg path'));
      });
      assert.ok(drawn, `the QR code is in the sheet as the print begins (fetched: ${chunks.join(', ')})`);
      assert.ok(chunks.some((f) => /^qr-.*\.js$/.test(f)), `the QR code's chunk was fetched: ${chunks.join(', ')}`);
      assert.equal(await page.evaluate(() => window.__printed ?? 0), 0, 'nothing pressed Stampa');
    } finally {
      page.off('request', seen);
    }
  });

  it('prints a selection of ten services on at most two A4 pages', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `svc-${String(i + 1).padStart(3, '0')}`);
    await printFrom(`?selezione=${ids.join(',')}`);
    const p = await page.evaluate(printed);
    assert.deepEqual(p.others, []);
    const shown = await page.evaluate(() => document.querySelector('welfare-service-view').shadowRoot.querySelectorAll('.sheet .entry').length);
    assert.equal(shown, 10);
    const pages = pagesOf(await pdf());
    assert.ok(pages >= 1 && pages <= 2, `ten services on ${pages} A4 pages`);
  });
});
