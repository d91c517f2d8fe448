import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validateFeed } from '../dist/validate.js';
import { readFeed } from '@welfare-elements/core/feed/reader.js';
import { MUTUAL_AID_TOPICS, MUTUAL_AID_KINDS, looksLikeContact, readMutualAid } from '@welfare-elements/core/mutual-aid/post.js';

/** How the board reads the section: the feed reader keeps it as it came, readMutualAid applies the rules. */
const board = (raw) => {
  const { feed } = readFeed(raw, { today: TODAY });
  return readMutualAid(feed.mutualAid, new Set(feed.organizations.map((o) => o.id)), TODAY);
};

const TODAY = '2026-12-01';
const post = (id, extra = {}) => ({
  id, kind: 'offro', topic: 'spesa', text: 'Accompagno una persona anziana a fare la spesa.', comune: 'Lodi',
  availability: 'il martedì mattina', published: '2026-11-20', expires: '2026-12-20', mediator: 'csv-lodi', ...extra,
});
const feed = (mutualAid) => ({
  version: 1,
  organizations: [{ id: 'csv-lodi', name: 'CSV Lombardia Sud', kind: 'third-sector' }],
  services: [{ id: 'svc-1', name: 'Sportello' }],
  ...(mutualAid === undefined ? {} : { mutualAid }),
});
const codes = (result) => result.issues.map((i) => [i.code, i.path, i.severity]);

test('mutual aid: valid posts pass the CLI check with no issue', () => {
  const result = validateFeed(feed([post('a'), post('b', { kind: 'cerco', topic: 'pratiche', availability: undefined })]), { today: TODAY });
  assert.deepEqual(codes(result), []);
});

test('mutual aid: a post with a phone number or an email is an error in the CLI and dropped by the reader', () => {
  const posts = [
    post('phone', { text: 'Chiamatemi al 333 123 4567' }),
    post('email', { availability: 'scrivete a mario.rossi@example.org' }),
    post('ok'),
  ];
  const result = validateFeed(feed(posts), { today: TODAY });
  assert.deepEqual(codes(result).filter((c) => c[2] === 'error'), [
    ['mutual_aid_contact', '$.mutualAid[0]', 'error'],
    ['mutual_aid_contact', '$.mutualAid[1]', 'error'],
  ]);
  const read = board(feed(posts));
  assert.deepEqual(read.posts.map((p) => p.id), ['ok']);
  assert.equal(read.issues.length, 2);
  assert.doesNotMatch(JSON.stringify(read.posts), /333 123|example\.org/);
});

test('mutual aid: the reader keeps only the published fields, hides expired posts, drops unknown mediators and sorts newest first', () => {
  const read = board(feed([
    post('old', { published: '2026-11-01' }),
    post('new', { published: '2026-11-28', name: 'Mario Rossi', address: 'Via Roma 1' }),
    post('expired', { published: '2026-10-01', expires: '2026-10-31' }),
    post('stranger', { mediator: 'nobody' }),
    post('old', { text: 'a repeated id' }),
    post('bad-topic', { topic: 'soldi' }),
  ]));
  assert.deepEqual(read.posts.map((p) => p.id), ['new', 'old']);
  assert.equal(read.expired, 1);
  assert.deepEqual(Object.keys(read.posts[0]).sort(), ['availability', 'comune', 'expires', 'id', 'kind', 'mediator', 'published', 'text', 'topic']);
  assert.deepEqual(read.issues.map((i) => i.path), ['$.mutualAid[3]', '$.mutualAid[4]', '$.mutualAid[5]']);
  assert.match(read.issues[0].reason, /mediator "nobody"/);
  const result = validateFeed(feed([post('x', { mediator: 'nobody' }), post('y', { expires: '2026-11-30' })]), { today: TODAY });
  assert.deepEqual(codes(result), [
    ['mutual_aid_unknown_mediator', '$.mutualAid[0].mediator', 'error'],
    ['mutual_aid_expired', '$.mutualAid[1].expires', 'warning'],
  ]);
});

test('mutual aid: a feed without the section reads as before (no mutualAid field)', () => {
  const read = readFeed(feed(undefined), { today: TODAY });
  assert.equal('mutualAid' in read.feed, false);
  assert.deepEqual(read.issues, []);
});

test('mutual aid: the JSON Schema lists exactly the kinds and topics of the shared rules', () => {
  const schema = JSON.parse(readFileSync(new URL('../schema/feed-v1.schema.json', import.meta.url), 'utf8'));
  const def = schema.$defs.mutualAidPost.properties;
  assert.deepEqual(def.topic.enum, [...MUTUAL_AID_TOPICS]);
  assert.deepEqual(def.kind.enum, [...MUTUAL_AID_KINDS]);
  const schemaOnly = validateFeed(feed([post('long', { text: 'x'.repeat(501) })]), { today: TODAY });
  assert.ok(schemaOnly.errors >= 1);
});

test('mutual aid: contacts are recognised as people type them; dates and short numbers are not contacts', () => {
  for (const t of ['333 123 4567', '0371/123456', '+39 (0371) 12.34.56', 'tel 3331234567', 'a.b@c.it', 'SCRIVI A X@Y.COM']) assert.ok(looksLikeContact(t), t);
  for (const t of ['dal 2026-12-01 al 2026-12-20', 'martedì 10-12', 'due ore a settimana', 'via email?', 'CAP 26900']) assert.ok(!looksLikeContact(t), t);
});
