import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { icsFold, noticesIcs, noticesRss, readNotices } from '../dist/index.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const DEMO = fileURLToPath(new URL('../../../examples/data/servizi.json', import.meta.url));
const TODAY = '2026-12-01';
const NOW = new Date('2026-12-01T09:30:00Z');

const LONG = 'Le famiglie in difficoltà con l\'affitto; possono chiedere il contributo, anche online.\nSeconda riga: «àèìòù» € e ancora testo per superare i 75 ottetti di una riga.';
const feed = () =>
  readNotices(
    {
      version: 1,
      title: 'Servizi & avvisi <Lodi>',
      services: [{ id: 'svc-1', name: 'Sportello casa' }],
      accessPoints: [{ id: 'ap-1', name: 'Punto di accesso' }],
      notices: [
        { id: 'old', text: 'Scaduto', validThrough: '2026-11-30', kind: 'deadline' },
        { id: 'news', title: 'Nuovo <orario> & "altro"', text: 'Testo con \u0001 carattere di controllo', date: '2026-11-24' },
        { id: 'bando', kind: 'deadline', title: { it: 'Bando affitti', en: 'Rent call' }, text: LONG, date: '2026-11-16', validThrough: '2027-01-31', services: ['svc-1'], link: 'https://example.org/bando?a=1&b=2' },
        { id: 'open-day', kind: 'event', title: 'Open day', text: 'Incontri', date: '2026-11-28', validFrom: '2026-12-12', validThrough: '2026-12-13', accessPoints: ['ap-1'] },
        { id: 'closure', kind: 'closure', title: 'Chiuso', text: 'Lavori', date: '2026-11-27', validThrough: '2027-01-06', services: ['svc-1'] },
        { text: 'Senza id' },
      ],
    },
    TODAY,
  );

/** Parses XML, failing on any well-formedness error or warning. */
function parseXml(text) {
  const problems = [];
  const doc = new DOMParser({ onError: (level, msg) => problems.push(`${level}: ${msg}`), errorHandler: { warning: (m) => problems.push(m), error: (m) => problems.push(m), fatalError: (m) => problems.push(m) } }).parseFromString(text, 'text/xml');
  assert.deepEqual(problems, [], 'the XML is well formed');
  // xmldom 0.8 lets a bare "&" and control characters through: check them here.
  assert.doesNotMatch(text, /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i, 'every & starts an entity');
  assert.doesNotMatch(text, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/, 'no character XML 1.0 forbids');
  return doc;
}
const child = (node, name) => Array.from({ length: node.childNodes.length }, (_, i) => node.childNodes.item(i)).filter((n) => n.nodeName === name);
const textOf = (node, name) => child(node, name)[0]?.textContent;

test('RSS 2.0: well-formed, one item per current notice, newest first, with the required channel elements', () => {
  const xml = noticesRss(feed(), { today: TODAY, link: 'https://www.esempio.it/notizie', now: NOW });
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0">/);
  const doc = parseXml(xml);
  const rss = doc.documentElement;
  assert.equal(rss.nodeName, 'rss');
  assert.equal(rss.getAttribute('version'), '2.0');
  const [channel] = child(rss, 'channel');
  assert.equal(textOf(channel, 'title'), 'Servizi & avvisi <Lodi> - Avvisi');
  assert.equal(textOf(channel, 'link'), 'https://www.esempio.it/notizie');
  assert.equal(textOf(channel, 'language'), 'it');
  assert.equal(textOf(channel, 'lastBuildDate'), 'Tue, 01 Dec 2026 09:30:00 GMT');
  const items = child(channel, 'item');
  assert.deepEqual(items.map((i) => textOf(i, 'title')), ['Evento: Open day', 'Chiusura: Chiuso', 'Notizia: Nuovo <orario> & "altro"', 'Scadenza: Bando affitti', 'Notizia']);
  for (const item of items) {
    assert.ok(textOf(item, 'guid'), 'every item has a guid');
    assert.equal(child(item, 'guid')[0].getAttribute('isPermaLink'), 'false');
    const pub = textOf(item, 'pubDate');
    if (pub) assert.match(pub, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  }
  const bando = items[3];
  assert.equal(textOf(bando, 'link'), 'https://example.org/bando?a=1&b=2');
  assert.equal(textOf(bando, 'pubDate'), 'Mon, 16 Nov 2026 00:00:00 GMT');
  assert.match(textOf(bando, 'description'), /^Scade il 31 gennaio\. Le famiglie .* Riguarda: Sportello casa\.$/s);
  assert.equal(textOf(items[2], 'description'), 'Testo con  carattere di controllo');
  assert.equal(textOf(items[4], 'guid').length, 16);
  assert.ok(!xml.includes('Scaduto'), 'expired notices are left out');
});

test('RSS in English', () => {
  const doc = parseXml(noticesRss(feed(), { today: TODAY, link: 'https://example.org/news', now: NOW, lang: 'en' }));
  const [channel] = child(doc.documentElement, 'channel');
  assert.equal(textOf(channel, 'language'), 'en');
  const titles = child(channel, 'item').map((i) => textOf(i, 'title'));
  assert.ok(titles.includes('Deadline: Rent call'));
  assert.match(textOf(child(channel, 'item')[0], 'description'), /^From 12 to 13 December\./);
});

/** Checks RFC 5545 framing and returns the unfolded content lines. */
function checkIcs(text) {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'every line break is CRLF');
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `at most 75 octets: ${line}`);
  const lines = text.slice(0, -2).replace(/\r\n /g, '').split('\r\n');
  for (const line of lines) assert.match(line, /^[A-Z-]+(;[A-Z-]+=[^:;]+)*:/, `a content line: ${line}`);
  const stack = [];
  for (const line of lines) {
    if (line.startsWith('BEGIN:')) stack.push(line.slice(6));
    if (line.startsWith('END:')) assert.equal(stack.pop(), line.slice(4));
  }
  assert.equal(stack.length, 0, 'BEGIN and END balance');
  return lines;
}
const unescape = (v) => v.replace(/\\([\\;,nN])/g, (_, c) => (c === 'n' || c === 'N' ? '\n' : c));

test('iCalendar: CRLF, folding at 75 octets, escaping, DTSTAMP and UID; deadlines and events only', () => {
  const ics = noticesIcs(feed(), { today: TODAY, now: NOW });
  const lines = checkIcs(ics);
  assert.deepEqual(lines.slice(0, 3), ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//welfare-elements//welfare-feed//IT']);
  const events = ics.replace(/\r\n /g, '').split('BEGIN:VEVENT').slice(1).map((e) => Object.fromEntries(e.split('\r\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)])));
  assert.equal(events.length, 2, 'the deadline and the event; news and closures are not calendar entries');
  const [openDay, bando] = events;
  assert.equal(bando['DTSTART;VALUE=DATE'], '20270131');
  assert.equal(bando['DTEND;VALUE=DATE'], '20270201');
  assert.equal(bando['DTSTAMP'], '20261201T093000Z');
  assert.match(bando['UID'], /^bando-[0-9a-f]{12}@welfare-feed$/);
  assert.equal(bando['SUMMARY'], 'Scadenza: Bando affitti');
  assert.equal(unescape(bando['DESCRIPTION']), `${LONG}\nRiguarda: Sportello casa.`);
  assert.ok(!/(?<!\\)[;,]/.test(bando['DESCRIPTION']), 'commas and semicolons are escaped');
  assert.equal(bando['URL'], 'https://example.org/bando?a=1&b=2');
  assert.equal(openDay['DTSTART;VALUE=DATE'], '20261212');
  assert.equal(openDay['DTEND;VALUE=DATE'], '20261214');
  assert.notEqual(bando['UID'], openDay['UID']);
});

test('icsFold never splits a UTF-8 character and keeps short lines whole', () => {
  assert.equal(icsFold('SUMMARY:breve'), 'SUMMARY:breve');
  const long = `DESCRIPTION:${'à'.repeat(100)}`;
  const folded = icsFold(long);
  for (const line of folded.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75);
  assert.equal(folded.replace(/\r\n /g, ''), long);
});

test('welfare-feed notices: RSS by default (needs --link), --format ics, --lang en, -o', () => {
  const run = (args) => spawnSync(process.execPath, [CLI, 'notices', DEMO, '--today', TODAY, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'it_IT.UTF-8' } });
  const missing = run([]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--link/);
  const rss = run(['--link', 'https://ufficiodipiano.example.org/notizie']);
  assert.equal(rss.status, 0, rss.stderr);
  const doc = parseXml(rss.stdout);
  const titles = child(child(doc.documentElement, 'channel')[0], 'item').map((i) => textOf(i, 'title'));
  assert.ok(titles.includes('Chiusura: Sportello casa di Lodi chiuso per lavori'), titles.join('\n'));
  const en = run(['--link', 'https://ufficiodipiano.example.org/notizie', '--lang', 'en']);
  assert.match(en.stdout, /<language>en<\/language>/);
  const dir = mkdtempSync(join(tmpdir(), 'welfare-notices-'));
  const out = join(dir, 'avvisi.ics');
  const ics = run(['--format', 'ics', '-o', out]);
  assert.equal(ics.status, 0, ics.stderr);
  const lines = checkIcs(readFileSync(out, 'utf8'));
  assert.ok(lines.includes('SUMMARY:Scadenza: Contributo affitto 2027: domande entro il 31 gennaio'));
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '[1, 2]');
  assert.equal(spawnSync(process.execPath, [CLI, 'notices', bad, '--format', 'ics'], { encoding: 'utf8' }).status, 2);
});
