/**
 * Mail: with an SMTP server configured, invitations and password resets are also mailed (the
 * copyable link stays); without one, or when the server is down, the link is still answered.
 * A local SMTP server on port 0 receives the mails; nothing leaves the machine.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createMailer } from '../dist/index.js';
import { hubFixture } from './support/hub.mjs';

/** An SMTP server on loopback that keeps what it receives (user "hub", password "segreta"). */
async function smtpServer() {
  const received = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'hub@piano.example' && auth.password === 'segreta') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address();
  return { received, url: `smtp://hub%40piano.example:segreta@127.0.0.1:${port}`, port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The mail's body, quoted-printable soft breaks and escapes undone (enough for links and plain words). */
const body = (raw) =>
  raw
    .slice(raw.indexOf('\r\n\r\n') + 4)
    .replace(/=\r\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));

let smtp;
let fixture;
before(async () => {
  smtp = await smtpServer();
  fixture = await hubFixture();
});
after(async () => {
  await fixture?.close();
  await smtp?.close();
});

test('with --smtp an invitation is mailed to the invited person, and the link is still in the answer', async () => {
  const { admin, hub } = await fixture.fresh({ smtpUrl: smtp.url });
  assert.equal(hub.mailer.from, 'hub@piano.example', 'the SMTP user is the sender when none is given');
  smtp.received.length = 0;
  const r = await (await admin()).post('/api/invitations', { email: 'nuova@caritas.example', role: 'editor', organisationId: 'caritas' });
  assert.equal(r.status, 201);
  assert.equal(r.body.mailed, true);
  assert.equal(smtp.received.length, 1);
  const [mail] = smtp.received;
  assert.deepEqual(mail.to, ['nuova@caritas.example']);
  assert.equal(mail.from, 'hub@piano.example');
  const text = body(mail.raw);
  assert.ok(text.includes(r.body.link), 'the mail carries the same one-time link');
  assert.match(text, /Caritas Lodigiana/);
  assert.match(text, /una volta sola/);
  assert.match(mail.raw, /^Subject: .*Invito/m);
});

test('a password reset is mailed to the account\'s address from the configured sender', async () => {
  const { admin } = await fixture.fresh({ smtpUrl: smtp.url, mailFrom: 'Ufficio di Piano <ufficio@piano.example>' });
  smtp.received.length = 0;
  const r = await (await admin()).post('/api/users/u-caritas/reset', undefined);
  assert.equal(r.status, 201);
  assert.equal(r.body.mailed, true);
  assert.equal(smtp.received.length, 1);
  assert.deepEqual(smtp.received[0].to, ['editor@caritas.example']);
  assert.equal(smtp.received[0].from, 'ufficio@piano.example');
  assert.match(smtp.received[0].raw, /^From: Ufficio di Piano <ufficio@piano\.example>/m);
  assert.ok(body(smtp.received[0].raw).includes(r.body.link));
});

test('without an SMTP server, or when it is down, the invitation still answers its link (mailed: false)', async () => {
  const { admin, hub } = await fixture.fresh();
  assert.equal(hub.mailer, undefined, 'no mailer without --smtp');
  const plain = await (await admin()).post('/api/invitations', { email: 'uno@caritas.example', role: 'editor', organisationId: 'caritas' });
  assert.equal(plain.status, 201);
  assert.equal(plain.body.mailed, false);
  assert.match(plain.body.link, /\/gestione\/invito\.html#/);

  // A port nobody listens on: the connection is refused at once.
  const closed = await new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const down = await fixture.fresh({ smtpUrl: `smtp://hub%40piano.example:segreta@127.0.0.1:${closed}` });
  const errors = [];
  const original = console.error;
  console.error = (...args) => errors.push(args.join(' '));
  try {
    const r = await (await down.admin()).post('/api/invitations', { email: 'due@caritas.example', role: 'editor', organisationId: 'caritas' });
    assert.equal(r.status, 201);
    assert.equal(r.body.mailed, false);
    assert.match(r.body.link, /\/gestione\/invito\.html#/);
    const pending = await down.db.query('SELECT count(*) AS n FROM invitations WHERE email = $1 AND used_at IS NULL', ['due@caritas.example']);
    assert.equal(Number(pending.rows[0].n), 1, 'the invitation exists and can be handed over');
  } finally {
    console.error = original;
  }
  assert.match(errors.join('\n'), /due@caritas\.example/, 'the failure is logged for the operator');
});

test('mailer.send (for other parts of the hub): reply-to kept, a wrong password rejects', async () => {
  const mailer = createMailer({ url: smtp.url, from: 'hub@piano.example' });
  smtp.received.length = 0;
  await mailer.send({ to: 'persona@example.org', subject: 'Risposta al tuo annuncio', text: 'Ciao,\nti ho risposto.', replyTo: 'vicino@example.org' });
  mailer.close();
  assert.equal(smtp.received.length, 1);
  assert.match(smtp.received[0].raw, /^Reply-To: vicino@example\.org/m);
  assert.match(body(smtp.received[0].raw), /ti ho risposto/);

  const wrong = createMailer({ url: smtp.url.replace('segreta', 'sbagliata'), from: 'hub@piano.example' });
  await assert.rejects(wrong.send({ to: 'persona@example.org', subject: 'x', text: 'x' }));
  wrong.close();
  assert.throws(() => createMailer({ url: 'smtp://127.0.0.1:25' }), /mittente/, 'no sender and no address-like user: refused at start');
});
