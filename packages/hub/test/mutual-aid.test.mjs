/**
 * Mutual aid in the hub (issue 19): posting → moderation → publication → report → renewal,
 * withdrawal and expiry; a mediator cannot see or act on another territory's queue; the
 * abuse checks (delay, honeypot, rate limits per address and per contact, the word list);
 * no email or phone ever in /feed.json; expired and withdrawn posts keep no personal data,
 * not in the database and not in a backup made afterwards. Answers ("Scrivi a chi ha
 * pubblicato"): the same abuse checks, seen only by the post's mediators with both
 * contacts, relayed by mail when the hub has an SMTP server, deleted with the post.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { backup } from '../dist/index.js';
import { hubFixture } from './support/hub.mjs';

let fixture;
before(async () => {
  fixture = await hubFixture();
});
after(async () => {
  await fixture?.close();
  await smtp?.close();
});

/** An SMTP server on loopback that keeps what it receives (as in mail.test.mjs). */
async function smtpServer() {
  const received = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, url: `smtp://127.0.0.1:${server.server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
let smtp;

/** The mail's body, quoted-printable undone. */
const mailBody = (raw) =>
  raw
    .slice(raw.indexOf('\r\n\r\n') + 4)
    .replace(/=\r\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));

const EMAIL = 'maria.rossi@example.org';
const PHONE = '333 123 4567';
const CONTACT_IN_FEED = /maria\.rossi|example\.org|333 ?123|@/;

/** The office designates Caritas for Lodi and the Comune di Lodi for Codogno. */
async function world(overrides = {}) {
  const f = await fixture.fresh(overrides);
  const admin = await f.admin();
  assert.equal((await admin.put('/api/mutual-aid/mediators/caritas', { comuni: ['Lodi'] })).status, 200);
  assert.equal((await admin.put('/api/mutual-aid/mediators/comune-lodi', { comuni: ['Codogno'] })).status, 200);
  return { ...f, office: admin };
}

/** A person fills the form: fetches it, takes their time (5 s), sends it. */
async function submit(f, fields = {}, { address = '198.51.100.7', wait = 5_000 } = {}) {
  const visitor = f.client({ address });
  const form = await visitor.get('/api/public/mutual-aid/form');
  assert.equal(form.status, 200);
  f.clock.advance(wait);
  return visitor.post('/api/public/mutual-aid/posts', {
    kind: 'offro', topic: 'spesa', text: 'Accompagno una persona anziana a fare la spesa.', availability: 'il martedì mattina',
    comune: 'Lodi', contact: EMAIL, consent: true, token: form.body.token, website: '', ...fields,
  });
}

async function feed(f) {
  await f.hub.publisher.schedule();
  await f.hub.publisher.idle();
  const r = await f.hub.app.request('/feed.json');
  const text = await r.text();
  return { text, json: JSON.parse(text) };
}

test('posting → moderation by the mediator of its comune → publication without contact → report → back in the queue', async () => {
  const f = await world();
  const form = await f.client().get('/api/public/mutual-aid/form');
  assert.deepEqual(form.body.comuni, ['Codogno', 'Lodi']);

  const posted = await submit(f, { contact: PHONE });
  assert.equal(posted.status, 201, posted.text);
  assert.equal(posted.body.state, 'pending');
  assert.equal(posted.body.expires, '2026-12-02');
  const { id, key } = posted.body;

  // Nothing is published before a mediator approves.
  assert.equal((await feed(f)).json.mutualAid, undefined);

  // Caritas (Lodi) sees it with the contact; the Comune di Lodi (Codogno) does not, and cannot act on it.
  const caritas = await f.caritas();
  const queue = await caritas.get('/api/mutual-aid/queue');
  assert.deepEqual(queue.body.posts.map((p) => [p.id, p.state, p.contact]), [[id, 'pending', PHONE]]);
  const comune = await f.comune();
  assert.deepEqual((await comune.get('/api/mutual-aid/queue')).body.posts, []);
  for (const action of ['approve', 'reject', 'done']) {
    assert.equal((await comune.post(`/api/mutual-aid/posts/${id}/${action}`, { reason: 'no' })).status, 404, action);
  }
  // An editor whose organisation mediates nothing has no queue; the office does not read contacts either.
  await f.admin().then((a) => a.put('/api/mutual-aid/mediators/comune-lodi', { comuni: [] }));
  assert.equal((await comune.get('/api/mutual-aid/queue')).status, 403);
  assert.equal((await f.admin().then((a) => a.get('/api/mutual-aid/queue'))).status, 403);

  // Editing for privacy: a phone number left in the text is refused; a clean text is published.
  const leaky = await caritas.post(`/api/mutual-aid/posts/${id}/approve`, { text: 'Chiamate Maria al 333 1234567' });
  assert.equal(leaky.status, 422);
  const approved = await caritas.post(`/api/mutual-aid/posts/${id}/approve`, { text: 'Accompagno a fare la spesa, anche in auto.' });
  assert.equal(approved.status, 200, approved.text);
  assert.equal(approved.body.state, 'published');

  const published = await feed(f);
  assert.deepEqual(published.json.mutualAid, [{
    id, kind: 'offro', topic: 'spesa', text: 'Accompagno a fare la spesa, anche in auto.', comune: 'Lodi',
    availability: 'il martedì mattina', published: '2026-11-02', expires: '2026-12-02', mediator: 'caritas',
  }]);
  assert.doesNotMatch(published.text, CONTACT_IN_FEED);
  assert.doesNotMatch(published.text, /333/);

  // "Segnala": back in the queue, out of the feed, until a mediator looks again.
  assert.equal((await f.client({ address: '203.0.113.9' }).post(`/api/public/mutual-aid/posts/${id}/report`)).status, 204);
  assert.equal((await feed(f)).json.mutualAid, undefined);
  const back = (await caritas.get('/api/mutual-aid/queue')).body.posts[0];
  assert.deepEqual([back.state, back.reported], ['pending', true]);
  assert.equal((await f.client().post(`/api/public/mutual-aid/posts/${id}/report`)).status, 404, 'only published posts are reported');
  assert.equal((await caritas.post(`/api/mutual-aid/posts/${id}/approve`, {})).status, 200);
  assert.equal((await feed(f)).json.mutualAid.length, 1);

  // The poster reads and renews by their key; a wrong key reveals nothing.
  const visitor = f.client();
  const wrongKey = await visitor.post(`/api/public/mutual-aid/posts/${id}/status`, { key: 'sbagliata' });
  assert.equal(wrongKey.status, 404);
  assert.equal(wrongKey.body.code, 'link-invalid', 'the poster\'s page says it in its own language');
  f.clock.advance(10 * 86_400_000);
  const renewed = await visitor.post(`/api/public/mutual-aid/posts/${id}/renew`, { key });
  assert.equal(renewed.body.expires, '2026-12-12');
  assert.equal((await feed(f)).json.mutualAid[0].expires, '2026-12-12');

  // Rejection: with a reason the poster can read; the contact and the text are gone.
  const mediator = await f.caritas(); // ten days later: a new session
  const second = (await submit(f, { text: 'Cerco compagnia per il cinema.', kind: 'cerco', topic: 'compagnia' }, { address: '198.51.100.8' })).body;
  assert.equal((await mediator.post(`/api/mutual-aid/posts/${second.id}/reject`, {})).status, 422, 'a reason is required');
  assert.equal((await mediator.post(`/api/mutual-aid/posts/${second.id}/reject`, { reason: 'Rivolgiti allo sportello.' })).status, 200);
  const status = await visitor.post(`/api/public/mutual-aid/posts/${second.id}/status`, { key: second.key });
  assert.deepEqual([status.body.state, status.body.reason, status.body.text], ['rejected', 'Rivolgiti allo sportello.', null]);
  const row = (await f.db.query('SELECT contact, text FROM mutual_aid_posts WHERE id = $1', [second.id])).rows[0];
  assert.deepEqual(row, { contact: null, text: null });
});

test('withdrawal by the poster\'s key and expiry after 30 days delete the personal data, also from later backups', async () => {
  const f = await world();
  const caritas = await f.caritas();
  const a = (await submit(f, { contact: EMAIL }, { address: '198.51.100.1' })).body;
  const b = (await submit(f, { contact: PHONE, text: 'Aiuto con i compiti.', topic: 'studio' }, { address: '198.51.100.2' })).body;
  for (const p of [a, b]) assert.equal((await caritas.post(`/api/mutual-aid/posts/${p.id}/approve`, {})).status, 200);
  assert.equal((await feed(f)).json.mutualAid.length, 2);

  assert.equal((await f.client().post(`/api/public/mutual-aid/posts/${a.id}/withdraw`, { key: a.key })).status, 204);
  assert.deepEqual((await feed(f)).json.mutualAid.map((p) => p.id), [b.id]);
  assert.equal((await f.client().post(`/api/public/mutual-aid/posts/${a.id}/status`, { key: a.key })).status, 404, 'the key is gone too');

  f.clock.advance(31 * 86_400_000);
  assert.equal((await feed(f)).json.mutualAid, undefined, 'expired: out of the feed');
  const { rows } = await f.db.query('SELECT id, state, contact, token_hash, text, availability FROM mutual_aid_posts ORDER BY id');
  assert.deepEqual(rows.map((r) => r.state).sort(), ['expired', 'withdrawn']);
  for (const r of rows) assert.deepEqual([r.contact, r.token_hash, r.text, r.availability], [null, null, null, null], r.id);
  const saved = JSON.stringify(await backup(f.db));
  assert.match(saved, /mutual_aid_posts/);
  assert.doesNotMatch(saved, /maria\.rossi|333 123 4567|Aiuto con i compiti/);
});

test('abuse: too fast, honeypot, rate limits per address and per contact, the word list, contacts in the text', async () => {
  const f = await world();
  // Each refusal names what went wrong with a `code`, which the form says in its own language.
  const refused = async (fields, options) => {
    const r = await submit(f, fields, options);
    return [r.status, r.body?.code];
  };
  assert.deepEqual(await refused({}, { wait: 1_000 }), [400, 'form-too-fast'], 'sent one second after the form was shown');
  assert.deepEqual(await refused({ website: 'http://spam.example' }), [400, 'refused'], 'honeypot');
  assert.deepEqual(await refused({ token: '1.abc' }), [400, 'form-invalid'], 'forged token');
  assert.deepEqual(await refused({ consent: false }), [422, 'consent-missing']);
  assert.deepEqual(await refused({ contact: 'nessuno' }), [422, 'contact-invalid']);
  assert.deepEqual(await refused({ text: 'Scrivetemi a mario@example.org' }), [422, 'contact-in-text']);
  assert.deepEqual(await refused({ comune: 'Milano' }), [422, 'no-mediator'], 'no mediator for that comune');
  assert.deepEqual(await refused({ topic: 'soldi' }), [422, 'incomplete']);

  const admin = f.admin;
  assert.deepEqual((await (await admin()).put('/api/mutual-aid/words', { words: ['Truffa', 'truffa', ' '] })).body.words, ['truffa']);
  assert.deepEqual(await refused({ text: 'Non è una TRUFFA, giuro.' }, { address: '198.51.100.50' }), [422, 'word']);

  // Per address: 5 posts an hour (different contacts), the 6th waits.
  for (let i = 0; i < 5; i++) assert.equal((await submit(f, { contact: `persona${i}@example.org` }, { address: '198.51.100.60' })).status, 201, `post ${i}`);
  const sixth = await submit(f, { contact: 'persona6@example.org' }, { address: '198.51.100.60' });
  assert.equal(sixth.status, 429);
  assert.equal(sixth.body.code, 'too-many');
  assert.ok(sixth.body.minutes > 0);
  assert.ok(Number(sixth.headers.get('retry-after')) > 0);
  // Per contact: 3 a day, whatever the address (spaces in a number do not make it another).
  for (let i = 0; i < 3; i++) assert.equal((await submit(f, { contact: '333 765 4321' }, { address: `198.51.100.${70 + i}` })).status, 201);
  assert.equal((await submit(f, { contact: '3337654321' }, { address: '198.51.100.80' })).status, 429);
  f.clock.advance(25 * 60 * 60_000);
  assert.equal((await submit(f, { contact: '3337654321' }, { address: '198.51.100.80' })).status, 201, 'the next day');
});

/**
 * `n` forms shown to one visitor, filled in and sent all at once (Promise.all), as a script
 * would send them; `body(i)` is the i-th request's body without its token.
 */
async function atOnce(f, n, path, body, { address = () => '198.51.100.120' } = {}) {
  const visitors = Array.from({ length: n }, (_, i) => f.client({ address: address(i) }));
  const forms = await Promise.all(visitors.map((v) => v.get('/api/public/mutual-aid/form')));
  f.clock.advance(5_000);
  const answers = await Promise.all(visitors.map((v, i) => v.post(path, { ...body(i), token: forms[i].body.token })));
  const accepted = answers.filter((r) => r.status === 201);
  const refused = answers.filter((r) => r.status !== 201);
  for (const r of refused) {
    assert.equal(r.status, 429, r.text);
    assert.equal(r.body.code, 'too-many');
    assert.match(r.body.detail, /^Troppe richieste: riprova tra \d+ minuti\.$/);
  }
  return { accepted: accepted.length, refused: refused.length };
}

test('requests sent at the same moment: exactly the allowed number is accepted (posts and answers, per address and per contact), the rest are told to wait', async () => {
  const f = await world();
  const fields = { kind: 'offro', topic: 'spesa', text: 'Aiuto con la spesa.', comune: 'Lodi', consent: true, website: '' };
  const posts = '/api/public/mutual-aid/posts';
  // 12 posts from one address (different contacts): 5 an hour.
  assert.deepEqual(await atOnce(f, 12, posts, (i) => ({ ...fields, contact: `insieme${i}@example.org` })), { accepted: 5, refused: 7 });
  // 8 posts with one contact from different addresses: 3 a day.
  assert.deepEqual(await atOnce(f, 8, posts, () => ({ ...fields, contact: '333 999 0000' }), { address: (i) => `198.51.100.${130 + i}` }), { accepted: 3, refused: 5 });
  assert.equal(Number((await f.db.query('SELECT count(*) AS n FROM mutual_aid_posts')).rows[0].n), 8, 'the refused posts were not saved');

  const caritas = await f.caritas();
  const [post] = (await caritas.get('/api/mutual-aid/queue')).body.posts;
  assert.equal((await caritas.post(`/api/mutual-aid/posts/${post.id}/approve`, {})).status, 200);
  const messages = `/api/public/mutual-aid/posts/${post.id}/messages`;
  const text = 'Posso aiutare io.';
  // 15 answers from one address (different contacts): 10 an hour.
  assert.deepEqual(await atOnce(f, 15, messages, (i) => ({ text, consent: true, contact: `vicino${i}@example.net` }), { address: () => '203.0.113.120' }), { accepted: 10, refused: 5 });
  // 9 answers with one contact from different addresses: 5 a day.
  assert.deepEqual(await atOnce(f, 9, messages, () => ({ text, consent: true, contact: 'stesso@example.net' }), { address: (i) => `203.0.113.${130 + i}` }), { accepted: 5, refused: 4 });
  assert.equal(Number((await f.db.query('SELECT count(*) AS n FROM mutual_aid_messages')).rows[0].n), 15);
});

test('posts sent at the same moment tell each mediator once by mail, not once per post', async () => {
  smtp ??= await smtpServer();
  const f = await world({ smtpUrl: smtp.url, mailFrom: 'Aiuto reciproco <aiuto@piano.example>' });
  smtp.received.length = 0;
  const fields = { kind: 'offro', topic: 'spesa', text: 'Aiuto con la spesa.', comune: 'Lodi', consent: true, website: '' };
  const sent = await atOnce(f, 4, '/api/public/mutual-aid/posts', (i) => ({ ...fields, contact: `mail${i}@example.org` }), { address: (i) => `198.51.100.${140 + i}` });
  assert.deepEqual(sent, { accepted: 4, refused: 0 });
  assert.deepEqual(smtp.received.map((m) => m.to.join()).sort(), ['altro@caritas.example', 'editor@caritas.example']);
});

test('only the office designates mediators and edits the word list', async () => {
  const f = await world();
  const caritas = await f.caritas();
  assert.equal((await caritas.put('/api/mutual-aid/mediators/caritas', { comuni: ['Codogno'] })).status, 403);
  assert.equal((await caritas.put('/api/mutual-aid/words', { words: [] })).status, 403);
  assert.equal((await caritas.get('/api/mutual-aid/mediators')).status, 403);
  const listed = await (await f.admin()).get('/api/mutual-aid/mediators');
  assert.deepEqual(listed.body.mediators, [{ organisationId: 'caritas', comuni: ['Lodi'] }, { organisationId: 'comune-lodi', comuni: ['Codogno'] }]);
  assert.equal((await (await f.admin()).put('/api/mutual-aid/mediators/nessuno', { comuni: ['Lodi'] })).status, 404);
});

const NEIGHBOUR = 'luca.verdi@example.net';

/** Someone reading the board answers a post: fetches the form token, takes their time, sends. */
async function answer(f, id, fields = {}, { address = '203.0.113.9', wait = 5_000 } = {}) {
  const visitor = f.client({ address });
  const form = await visitor.get('/api/public/mutual-aid/form');
  f.clock.advance(wait);
  return visitor.post(`/api/public/mutual-aid/posts/${id}/messages`, {
    text: 'Buongiorno, abito vicino: il martedì posso accompagnarla io.', contact: NEIGHBOUR, consent: true, token: form.body.token, website: '', ...fields,
  });
}

test('answers: only to a published post, seen by its mediators with both contacts, relayed by mail, never in the feed, deleted with the post', async () => {
  smtp ??= await smtpServer();
  const f = await world({ smtpUrl: smtp.url, mailFrom: 'Aiuto reciproco <aiuto@piano.example>' });
  const caritas = await f.caritas();
  const posted = (await submit(f, { contact: EMAIL })).body;
  assert.equal((await answer(f, posted.id)).status, 404, 'a post not yet approved cannot be answered');
  assert.equal((await caritas.post(`/api/mutual-aid/posts/${posted.id}/approve`, {})).status, 200);

  smtp.received.length = 0;
  const sent = await answer(f, posted.id);
  assert.equal(sent.status, 201, sent.text);
  assert.equal(sent.body.relayed, true);
  // The poster gets the answer and the neighbour's contact; replies go to the neighbour.
  assert.equal(smtp.received.length, 1);
  assert.deepEqual(smtp.received[0].to, [EMAIL]);
  assert.match(smtp.received[0].raw, /^Reply-To: luca\.verdi@example\.net/m);
  const mail = mailBody(smtp.received[0].raw);
  assert.match(mail, /il martedì posso accompagnarla io/);
  assert.match(mail, /Il suo recapito: luca\.verdi@example\.net/);
  assert.match(mail, /Caritas Lodigiana/);

  // The mediators of Lodi see it with both contacts; those of Codogno see nothing of it.
  const queue = (await caritas.get('/api/mutual-aid/queue')).body;
  const [post] = queue.posts;
  assert.equal(post.contact, EMAIL);
  assert.deepEqual(post.messages.map((m) => [m.text, m.contact, m.relayed]), [['Buongiorno, abito vicino: il martedì posso accompagnarla io.', NEIGHBOUR, true]]);
  const comune = await f.comune();
  assert.deepEqual((await comune.get('/api/mutual-aid/queue')).body.posts, []);
  assert.equal((await comune.post(`/api/mutual-aid/messages/${post.messages[0].id}/done`, undefined)).status, 404);

  // No contact of either person in the feed.
  const published = await feed(f);
  assert.equal(published.json.mutualAid.length, 1);
  assert.doesNotMatch(published.text, CONTACT_IN_FEED);
  assert.doesNotMatch(published.text, /luca|verdi|example\.net|accompagnarla/);

  // A poster who left a phone number: the answer waits for the mediator (no mail).
  const byPhone = (await submit(f, { contact: PHONE, text: 'Cerco compagnia il pomeriggio.', kind: 'cerco', topic: 'compagnia' }, { address: '198.51.100.20' })).body;
  await caritas.post(`/api/mutual-aid/posts/${byPhone.id}/approve`, {});
  smtp.received.length = 0;
  const toPhone = await answer(f, byPhone.id, { contact: '02 1234 5678' }, { address: '203.0.113.10' });
  assert.equal(toPhone.status, 201);
  assert.equal(toPhone.body.relayed, false);
  assert.equal(smtp.received.length, 0);

  // Handled: the answer is deleted. The post withdrawn: its answers go with it, also from later backups.
  assert.equal((await caritas.post(`/api/mutual-aid/messages/${post.messages[0].id}/done`, undefined)).status, 204);
  assert.deepEqual((await caritas.get('/api/mutual-aid/queue')).body.posts.find((p) => p.id === posted.id).messages, []);
  assert.equal((await f.client().post(`/api/public/mutual-aid/posts/${byPhone.id}/withdraw`, { key: byPhone.key })).status, 204);
  assert.equal(Number((await f.db.query('SELECT count(*) AS n FROM mutual_aid_messages')).rows[0].n), 0);
  const saved = JSON.stringify(await backup(f.db));
  assert.doesNotMatch(saved, /02 1234 5678|luca\.verdi|accompagnarla/);
});

test('the mediators are told by mail that something waits, at most once an hour each, with no text and no contact', async () => {
  smtp ??= await smtpServer();
  const f = await world({ smtpUrl: smtp.url, mailFrom: 'Aiuto reciproco <aiuto@piano.example>', publicUrl: 'https://hub.ambito.example' });
  smtp.received.length = 0;
  const told = () => smtp.received.splice(0).map((m) => ({ to: m.to.join(), body: mailBody(m.raw) })).sort((a, b) => a.to.localeCompare(b.to));

  // A new post for Lodi: both Caritas accounts (Caritas mediates Lodi), not the Comune di Lodi (Codogno).
  const first = (await submit(f, { contact: PHONE })).body;
  let mails = told();
  assert.deepEqual(mails.map((m) => m.to), ['altro@caritas.example', 'editor@caritas.example']);
  for (const { body } of mails) {
    assert.match(body, /nell'aiuto reciproco di Lodi, per cui la vostra associazione fa da tramite, c'è un annuncio nuovo da leggere e approvare/);
    assert.ok(body.includes('https://hub.ambito.example/gestione/#/aiuto-reciproco'), body);
    assert.doesNotMatch(body, /333 ?123|Accompagno una persona anziana/, 'neither the contact nor the text');
  }

  // A second post within the hour: it is on their page, no second mail.
  await submit(f, { contact: 'giulia@example.org', text: 'Cerco compagnia.', kind: 'cerco', topic: 'compagnia' }, { address: '198.51.100.44' });
  assert.deepEqual(told(), []);

  // An hour later, an answer to the poster who left a phone number: the mediators put them in touch.
  f.clock.advance(61 * 60_000);
  const caritas = await f.caritas();
  assert.equal((await caritas.post(`/api/mutual-aid/posts/${first.id}/approve`, {})).status, 200);
  assert.equal((await answer(f, first.id, {}, { address: '203.0.113.50' })).body.relayed, false);
  mails = told();
  assert.equal(mails.length, 2);
  assert.match(mails[0].body, /una risposta a un annuncio: chi ha pubblicato ha lasciato un telefono/);
  assert.doesNotMatch(mails[0].body, /luca|verdi|accompagnarla/, 'not the answer nor its contact');

  // Another hour: someone reports the post.
  f.clock.advance(61 * 60_000);
  assert.equal((await f.client({ address: '203.0.113.51' }).post(`/api/public/mutual-aid/posts/${first.id}/report`, undefined)).status, 204);
  mails = told();
  assert.equal(mails.length, 2);
  assert.match(mails[0].body, /un annuncio segnalato da una persona/);

  // Without mail settings nothing is sent, and nothing fails.
  const quiet = await world();
  assert.equal((await submit(quiet)).status, 201);
  assert.deepEqual(told(), []);
});

test('answers: the abuse checks of posting (delay, honeypot, consent, rate limits, word list); expiry deletes them', async () => {
  const f = await world();
  const caritas = await f.caritas();
  const posted = (await submit(f)).body;
  await caritas.post(`/api/mutual-aid/posts/${posted.id}/approve`, {});
  assert.equal((await answer(f, posted.id, {}, { wait: 1_000 })).status, 400, 'too fast');
  assert.equal((await answer(f, posted.id, { website: 'http://spam.example' })).status, 400, 'honeypot');
  assert.equal((await answer(f, posted.id, { consent: false })).status, 422);
  assert.equal((await answer(f, posted.id, { contact: 'boh' })).status, 422);
  assert.equal((await answer(f, posted.id, { text: 'x'.repeat(1001) })).status, 422);
  await (await f.admin()).put('/api/mutual-aid/words', { words: ['truffa'] });
  assert.equal((await answer(f, posted.id, { text: 'Nessuna truffa!' }, { address: '203.0.113.30' })).status, 422);
  const sent = await answer(f, posted.id, {}, { address: '203.0.113.31' });
  assert.equal(sent.status, 201);
  assert.equal(sent.body.relayed, false, 'no SMTP server: the mediator puts people in touch');
  // Per contact: 5 a day; per address: 10 an hour.
  for (let i = 0; i < 4; i++) assert.equal((await answer(f, posted.id, {}, { address: `203.0.113.${40 + i}` })).status, 201);
  assert.equal((await answer(f, posted.id, {}, { address: '203.0.113.50' })).status, 429);
  for (let i = 0; i < 10; i++) assert.equal((await answer(f, posted.id, { contact: `vicino${i}@example.net` }, { address: '203.0.113.60' })).status, 201, `answer ${i}`);
  assert.equal((await answer(f, posted.id, { contact: 'vicino11@example.net' }, { address: '203.0.113.60' })).status, 429);

  f.clock.advance(31 * 86_400_000);
  await feed(f); // the publisher's run ends expired posts
  assert.equal(Number((await f.db.query('SELECT count(*) AS n FROM mutual_aid_messages')).rows[0].n), 0);
});

test('a comune\'s page listed by the office (--aid-origins) may post and answer; other origins and every other endpoint stay same-origin', async () => {
  const COMUNE = 'https://www.comune.lodi.example';
  const f = await world({ aidOrigins: [`${COMUNE}/`] });
  const preflight = (path, origin) =>
    f.hub.app.request(path, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  const ok = await preflight('/api/public/mutual-aid/posts', COMUNE);
  assert.equal(ok.status, 204);
  assert.equal(ok.headers.get('access-control-allow-origin'), COMUNE);
  assert.match(ok.headers.get('access-control-allow-methods'), /POST/);
  assert.match(ok.headers.get('access-control-allow-headers'), /Content-Type/i);
  assert.equal(ok.headers.get('access-control-allow-credentials'), null, 'no cookies cross-origin');
  assert.equal((await preflight('/api/public/mutual-aid/posts/aiuto-1/messages', COMUNE)).status, 204);
  const other = await preflight('/api/public/mutual-aid/posts', 'https://altro.example');
  assert.equal(other.status, 403);
  assert.equal(other.headers.get('access-control-allow-origin'), null);
  // Only the three public endpoints: not the poster's key, not the mediators' actions.
  for (const path of ['/api/public/mutual-aid/posts/aiuto-1/withdraw', '/api/mutual-aid/queue', '/api/session']) {
    assert.equal((await preflight(path, COMUNE)).headers.get('access-control-allow-origin'), null, path);
  }

  // The form and a post from the listed origin.
  const visitor = f.client({ address: '198.51.100.90' });
  const form = await visitor.get('/api/public/mutual-aid/form', { headers: { origin: COMUNE } });
  assert.equal(form.headers.get('access-control-allow-origin'), COMUNE);
  f.clock.advance(5_000);
  const body = { kind: 'cerco', topic: 'compagnia', text: 'Cerco compagnia.', comune: 'Lodi', contact: EMAIL, consent: true, token: form.body.token };
  const posted = await visitor.post('/api/public/mutual-aid/posts', body, { headers: { origin: COMUNE } });
  assert.equal(posted.status, 201, posted.text);
  assert.equal(posted.headers.get('access-control-allow-origin'), COMUNE);
  // The same from an origin not listed: refused, as before.
  const refused = await visitor.post('/api/public/mutual-aid/posts', { ...body, contact: PHONE }, { headers: { origin: 'https://altro.example' } });
  assert.equal(refused.status, 403);
  assert.equal(refused.headers.get('access-control-allow-origin'), null);

  // An answer from the listed origin; the poster's key and the mediators' API stay same-origin.
  const caritas = await f.caritas();
  await caritas.post(`/api/mutual-aid/posts/${posted.body.id}/approve`, {});
  const answerForm = await visitor.get('/api/public/mutual-aid/form', { headers: { origin: COMUNE } });
  f.clock.advance(5_000);
  const answered = await visitor.post(`/api/public/mutual-aid/posts/${posted.body.id}/messages`, { text: 'Vengo io.', contact: 'vicino@example.net', consent: true, token: answerForm.body.token }, { headers: { origin: COMUNE } });
  assert.equal(answered.status, 201, answered.text);
  assert.equal((await visitor.post(`/api/public/mutual-aid/posts/${posted.body.id}/withdraw`, { key: posted.body.key }, { headers: { origin: COMUNE } })).status, 403);
  assert.equal((await caritas.post(`/api/mutual-aid/posts/${posted.body.id}/done`, {}, { headers: { origin: COMUNE } })).status, 403);
  const login = await f.hub.app.request('/api/session', { method: 'POST', headers: { origin: COMUNE, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'editor@caritas.example', password: 'x' }) });
  assert.equal(login.status, 403, 'signing in from a listed comune page: refused (same-origin only)');
});

test('the limits and the form-token key are kept in the database: a restart forgets neither, and no address or contact is stored in clear', async () => {
  const f = await world();
  for (let i = 0; i < 5; i++) assert.equal((await submit(f, { contact: `persona${i}@example.org` }, { address: '198.51.100.99' })).status, 201);
  assert.equal((await submit(f, { contact: 'altra@example.org' }, { address: '198.51.100.99' })).status, 429);
  // A form shown before the restart.
  const pending = await f.client({ address: '198.51.100.98' }).get('/api/public/mutual-aid/form');

  // The hub restarts on the same database (a new process: nothing in memory).
  f.hub.stop();
  const { createHub, configure } = await import('../dist/index.js');
  const again = await createHub(f.db, configure({ now: f.clock.now }), { timer: false, pagesDir: '/nonexistent' });
  try {
    const request = (address, body) =>
      again.app.request('/api/public/mutual-aid/posts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, { incoming: { socket: { remoteAddress: address } } });
    const fields = { kind: 'offro', topic: 'spesa', text: 'Aiuto con la spesa.', comune: 'Lodi', consent: true };
    f.clock.advance(5_000);
    const form = await (await again.app.request('/api/public/mutual-aid/form')).json();
    f.clock.advance(5_000);
    assert.equal((await request('198.51.100.99', { ...fields, contact: 'dopo@example.org', token: form.token })).status, 429, 'the address still waits');
    assert.equal((await request('198.51.100.98', { ...fields, contact: 'prima@example.org', token: pending.body.token })).status, 201, 'the form shown before the restart is accepted');
  } finally {
    again.stop();
  }
  const { rows } = await f.db.query('SELECT scope, key FROM mutual_aid_attempts');
  assert.ok(rows.length >= 12);
  assert.doesNotMatch(JSON.stringify(rows), /198\.51\.100|example\.org|persona/, 'only keyed hashes');
  const saved = JSON.stringify(await backup(f.db));
  assert.doesNotMatch(saved, /mutual_aid_attempts|mutual_aid_keys/, 'not in backups');
});
