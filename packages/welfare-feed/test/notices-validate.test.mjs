import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateFeed } from '../dist/validate.js';

const TODAY = '2026-12-01';
const base = (notices) => ({
  version: 1,
  categories: [{ id: 'casa', name: 'Casa' }],
  organizations: [{ id: 'comune', name: 'Comune', kind: 'public' }],
  services: [{ id: 'svc-1', name: 'Sportello casa' }],
  accessPoints: [{ id: 'ap-1', name: 'Punto di accesso' }],
  notices,
});
const check = (notices, lang = 'it') => validateFeed(base(notices), { today: TODAY, lang });
const found = (result) => result.issues.map((i) => [i.code, i.path, i.severity]);

test('notices: a notice with only id and text, and one with every field, pass', () => {
  const result = check([
    { id: 'old', text: 'Avviso di una volta' },
    {
      id: 'all', kind: 'closure', title: { it: 'Chiuso', en: 'Closed' }, text: { it: 'Chiuso per lavori', en: 'Closed for works' },
      date: '2026-11-20', validFrom: '2026-11-30', validThrough: '2027-01-06', services: ['svc-1'], accessPoints: ['ap-1'],
      organization: 'comune', comune: 'Lodi', categories: ['casa'], link: 'https://example.org/avviso', hours: 'Mo 09:00-12:00',
    },
    { kind: 'deadline', text: 'Bando', validThrough: '2027-01-31' },
    { kind: 'event', text: 'Open day', validFrom: '2026-12-12' },
  ]);
  assert.deepEqual(result.issues, []);
});

test('notices: unknown kind, reversed dates, unknown ids, bad link, no text, bad hours are reported', () => {
  const result = check([
    { id: 'a', kind: 'chiusura', text: 'Tipo sbagliato' },
    { id: 'b', kind: 'event', text: 'Date', validFrom: '2026-12-10', validThrough: '2026-12-01' },
    { id: 'c', kind: 'closure', text: 'Ids', services: ['svc-9'], accessPoints: ['ap-9'], categories: ['cibo'], organization: 'nessuno' },
    { id: 'd', text: 'Link', link: 'javascript:alert(1)' },
    { id: 'e', date: '2026-11-01' },
    { id: 'f', kind: 'closure', text: 'Orari', hours: 'quando capita' },
    { id: 'g', text: 'Orari su una notizia', hours: 'Mo 09:00-12:00' },
    { id: 'h', text: 'Scaduto', validThrough: '2026-11-30' },
    { id: 'i', text: 'Data', date: '1 dicembre' },
  ]);
  assert.deepEqual(found(result), [
    ['schema_enum', '$.notices[0].kind', 'error'],
    ['schema_format', '$.notices[8].date', 'error'],
    ['notice_dates_reversed', '$.notices[1].validFrom', 'error'],
    ['notice_unknown_service', '$.notices[2].services[0]', 'error'],
    ['notice_unknown_access_point', '$.notices[2].accessPoints[0]', 'error'],
    ['unknown_category', '$.notices[2].categories[0]', 'error'],
    ['unknown_organization', '$.notices[2].organization', 'error'],
    ['notice_link', '$.notices[3].link', 'error'],
    ['notice_no_text', '$.notices[4]', 'error'],
    ['hours_invalid', '$.notices[5].hours', 'error'],
    ['notice_hours_ignored', '$.notices[6].hours', 'warning'],
    ['notice_expired', '$.notices[7].validThrough', 'warning'],
  ]);
  assert.match(result.issues[0].message, /"news", "closure", "deadline", "event"/);
  const en = check([{ id: 'b', kind: 'event', text: 'x', validFrom: '2026-12-10', validThrough: '2026-12-01' }], 'en');
  assert.match(en.issues[0].message, /start date \(2026-12-10\) is after the end date/);
});

test('notices: the demo feed\'s notices are valid', () => {
  const feed = JSON.parse(readFileSync(new URL('../../../examples/data/servizi.json', import.meta.url), 'utf8'));
  const result = validateFeed(feed, { today: TODAY });
  assert.deepEqual(result.issues.filter((i) => i.path.startsWith('$.notices')), []);
  assert.ok(feed.notices.some((n) => n.kind === 'closure' && n.validFrom <= TODAY && n.validThrough >= TODAY));
  for (const kind of ['news', 'closure', 'deadline', 'event']) assert.ok(feed.notices.some((n) => (n.kind ?? 'news') === kind), kind);
});
