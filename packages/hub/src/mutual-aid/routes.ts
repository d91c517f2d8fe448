/**
 * Mutual aid in the hub (issue 19): a public form posts an offer or a request of help; a
 * mediating organisation, designated by the office for some comuni, approves it (editing
 * it for privacy), rejects it with a reason or marks it done; anyone can report a
 * published post, which puts it back in the queue; the poster renews or withdraws it by
 * the key they received. The contact is seen only by the mediators of the post's comune
 * and is deleted, with the text, when the post ends. Nothing is published without a
 * mediator's approval.
 */
import type { Context } from 'hono';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { checkMutualAidPost, MUTUAL_AID_DAYS, MUTUAL_AID_LIMITS, MUTUAL_AID_TOPICS } from '@welfare-elements/core/mutual-aid/post.js';
import { romeToday } from 'welfare-feed';
import { audit } from '../audit.js';
import { requireAdmin, requireUser, sha256, type SessionUser } from '../auth/sessions.js';
import type { Queryable } from '../db/db.js';
import type { HubApp, HubServices } from '../env.js';
import { badRequest, HttpError, invalidData, notFound } from '../http/problem.js';

/**
 * What went wrong on the public form, as a word the form element turns into its own
 * language (the `code` member of the problem; the `detail` is Italian, for people reading
 * the API): documented in openapi.yaml (MutualAidProblemCode).
 */
type AidProblemCode =
  | 'refused'
  | 'form-invalid'
  | 'form-too-fast'
  | 'form-too-old'
  | 'too-many'
  | 'contact-invalid'
  | 'consent-missing'
  | 'contact-in-text'
  | 'incomplete'
  | 'no-mediator'
  | 'word'
  | 'message-length'
  | 'post-gone'
  | 'link-invalid';

const coded = (code: AidProblemCode, e: HttpError): HttpError => new HttpError(e.status, e.title, e.detail, { ...e.extra, code }, e.headers);
import { idParam, jsonBody } from '../http/request.js';
import { AidLimits, type AidScope, type Taken } from './limits.js';
import { linkBase } from '../http/link-base.js';
import { answerMail, mediatorMail, type MediatorNews } from './mail.js';
import { ENDED, expireMutualAid, FORGET, forgetMessages } from './store.js';

/** A person takes at least this long to fill the form; a script does not. */
export const MIN_FORM_MS = 3_000;
/** A form left open longer than this is asked to reload (the token is stale). */
const MAX_FORM_MS = 2 * 60 * 60_000;
/** Longest answer: a few lines to introduce oneself, not a letter. */
export const MESSAGE_MAX = 1000;

interface PostRow {
  id: string;
  kind: 'offro' | 'cerco';
  topic: string;
  text: string | null;
  availability: string | null;
  comune: string;
  contact: string | null;
  token_hash: string | null;
  state: string;
  reported: boolean;
  reason: string | null;
  mediator_id: string | null;
  published_on: Date | string | null;
  expires_on: Date | string;
  created_at: Date;
}

const day = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const addDays = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const clean = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[\d\s./()-]{6,20}$/;

interface MessageRow {
  id: string;
  post_id: string;
  text: string;
  contact: string;
  relayed_at: Date | null;
  created_at: Date;
}

/** An answer as the mediator sees it: the answerer's contact included. */
const messageForMediator = (m: MessageRow) => ({
  id: m.id, text: m.text, contact: m.contact, relayed: m.relayed_at !== null, createdAt: new Date(m.created_at).toISOString(),
});

/** What a mediator sees: everything, the contact and the answers included (their job is to put people in touch). */
const forMediator = (r: PostRow, messages: MessageRow[] = []) => ({
  id: r.id, kind: r.kind, topic: r.topic, text: r.text, availability: r.availability, comune: r.comune,
  contact: r.contact, state: r.state, reported: r.reported, reason: r.reason, mediator: r.mediator_id,
  published: day(r.published_on), expires: day(r.expires_on), createdAt: new Date(r.created_at).toISOString(),
  messages: messages.filter((m) => m.post_id === r.id).map(messageForMediator),
});

/** What the poster sees by their key: their post and its state, never anyone else's data. */
const forPoster = (r: PostRow) => ({
  id: r.id, kind: r.kind, topic: r.topic, text: r.text, availability: r.availability, comune: r.comune,
  state: r.state, reason: r.reason, expires: day(r.expires_on),
});

export function mutualAidRoutes(app: HubApp, s: HubServices): void {
  // The limits (limits.ts) and the form token's key live in the database: a restart
  // forgets neither. The form token: when the form was shown, signed with that key.
  const limits = new AidLimits(s.db);
  const sign = (issued: number) => limits.sign(`form:${issued}`);
  const now = () => s.config.now();
  const today = () => romeToday(now());

  async function checkFormToken(token: unknown): Promise<void> {
    const [issued, mac] = typeof token === 'string' ? token.split('.') : [];
    const expected = issued ? await sign(Number(issued)) : '';
    if (!issued || !mac || mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
      throw coded('form-invalid', badRequest('Il modulo non è valido: ricarica la pagina e riprova.'));
    }
    const age = now().getTime() - Number(issued);
    if (age < MIN_FORM_MS) throw coded('form-too-fast', badRequest('Il modulo è stato inviato troppo in fretta: rileggi l\'annuncio e invialo di nuovo.'));
    if (age > MAX_FORM_MS) throw coded('form-too-old', badRequest('Il modulo è rimasto aperto troppo a lungo: ricarica la pagina e riprova.'));
  }

  /**
   * Counts one attempt in `scope` by `who`, or refuses it with 429 when the limit is reached
   * (check and count in one step: limits.ts). `taken` collects what was counted.
   */
  async function throttle(scope: AidScope, who: string, taken: Taken[] = []): Promise<void> {
    const { wait, taken: one } = await limits.take(scope, who, now());
    if (!one) {
      const minutes = Math.ceil(wait / 60_000);
      throw coded('too-many', new HttpError(429, 'Troppi annunci', `Troppe richieste: riprova tra ${minutes} minuti.`, { minutes }, { 'Retry-After': String(Math.ceil(wait / 1000)) }));
    }
    taken.push(one);
  }

  /**
   * Runs a public request that counts against the limits: what it counted (`taken`) is given
   * back when it is then refused for another reason (no consent, a word not allowed, no
   * mediator ...), so only what was accepted counts, as people expect.
   */
  async function counting<T>(fn: (taken: Taken[]) => Promise<T>): Promise<T> {
    const taken: Taken[] = [];
    try {
      return await fn(taken);
    } catch (error) {
      await limits.release(taken).catch((e: unknown) => console.error(`mutual aid: attempts not given back: ${(e as Error).message}`));
      throw error;
    }
  }

  /**
   * What posting and answering both check first, in this order: the honeypot (a field people
   * do not see, hidden by the page; only scripts fill it), the form token and its delay, the
   * limit per address, a contact that is an email or a phone, the limit per contact, consent.
   */
  async function publicGate(
    c: Context,
    body: Record<string, unknown>,
    form: 'post' | 'answer',
    refusal: string,
    taken: Taken[],
  ): Promise<{ address: string; contact: string }> {
    if (clean(body['website'])) throw coded('refused', badRequest(refusal));
    await checkFormToken(body['token']);
    const address = c.get('address');
    await throttle(`${form}-address`, address, taken);
    const contact = clean(body['contact']);
    if (!EMAIL.test(contact) && !PHONE.test(contact)) {
      throw coded('contact-invalid', invalidData('Serve un recapito: un indirizzo email o un numero di telefono.', [{ path: 'contact', message: 'email o telefono non valido' }]));
    }
    const contactKey = sha256(contact.toLowerCase().replace(/[\s./()-]/g, ''));
    await throttle(`${form}-contact`, contactKey, taken);
    if (body['consent'] !== true) throw coded('consent-missing', invalidData('Serve il consenso al trattamento dei dati.', [{ path: 'consent', message: 'consenso mancante' }]));
    return { address, contact };
  }

  async function mediatedComuni(q: Queryable, organisationId: string | null): Promise<string[]> {
    if (!organisationId) return [];
    const { rows } = await q.query<{ comune: string }>('SELECT comune FROM mutual_aid_mediators WHERE organisation_id = $1 ORDER BY comune', [organisationId]);
    return rows.map((r) => r.comune);
  }

  /** The mediator's own comuni; 403 for an account whose organisation mediates none. */
  async function requireMediator(c: Context): Promise<{ user: SessionUser; comuni: string[] }> {
    const user = requireUser(c);
    const comuni = await mediatedComuni(s.db, user.organisationId);
    if (!comuni.length) throw new HttpError(403, 'Operazione non permessa', 'Il tuo ente non fa da tramite per l\'aiuto reciproco: lo decide l\'Ufficio di Piano.');
    return { user, comuni };
  }

  /** A post in one of the mediator's comuni, locked; 404 otherwise (its existence is not revealed). */
  async function lockForMediator(q: Queryable, id: string, comuni: string[]): Promise<PostRow> {
    const row = (await q.query<PostRow>('SELECT * FROM mutual_aid_posts WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!row || !comuni.includes(row.comune) || (ENDED as readonly string[]).includes(row.state)) throw notFound();
    return row;
  }

  /** The poster's post, by its key; 404 for a wrong key or an ended post (nothing left to show). */
  async function lockForPoster(q: Queryable, id: string, key: unknown): Promise<PostRow> {
    const row = (await q.query<PostRow>('SELECT * FROM mutual_aid_posts WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!row || typeof key !== 'string' || !row.token_hash || sha256(key) !== row.token_hash) throw coded('link-invalid', notFound('Annuncio non trovato: il link non è valido, oppure l\'annuncio è stato ritirato o è scaduto.'));
    return row;
  }

  /**
   * Tells the mediators of a comune by mail that something waits on their page (when the hub
   * has mail settings): every active account of an organisation that mediates it, at most
   * once an hour each. After the change is saved, and never its failure: the post or the
   * answer is on their page anyway, so a mail that fails is only logged.
   */
  async function tellMediators(c: Context, comune: string, news: MediatorNews): Promise<void> {
    if (!s.mailer) return;
    try {
      const { rows } = await s.db.query<{ id: string; email: string }>(
        `SELECT u.id, u.email FROM users u
           JOIN mutual_aid_mediators m ON m.organisation_id = u.organisation_id
           JOIN organisations o ON o.id = m.organisation_id
          WHERE m.comune = $1 AND NOT u.disabled AND NOT o.disabled
          ORDER BY u.id`,
        [comune],
      );
      const link = `${linkBase(c, s)}/gestione/#/aiuto-reciproco`;
      for (const user of rows) {
        const at = now();
        if (!(await limits.take('mediator-mail', user.id, at)).taken) continue;
        await s.mailer.send(mediatorMail(user.email, news, comune, link));
      }
    } catch (error) {
      console.error(`mutual aid: the mediators of ${comune} were not told by mail: ${(error as Error).message}`);
    }
  }

  async function wordIn(q: Queryable, text: string): Promise<string | undefined> {
    const words = (await q.query<{ word: string }>('SELECT word FROM mutual_aid_words')).rows.map((r) => r.word.toLowerCase());
    const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    return words.find((w) => lower.includes(` ${w} `));
  }

  // --- Public: the form, posting, the poster's link, reporting -----------------------------

  app.get('/api/public/mutual-aid/form', async (c) => {
    const { rows } = await s.db.query<{ comune: string }>(
      `SELECT DISTINCT m.comune FROM mutual_aid_mediators m JOIN organisations o ON o.id = m.organisation_id WHERE NOT o.disabled ORDER BY m.comune`,
    );
    const issued = now().getTime();
    return c.json({ token: `${issued}.${await sign(issued)}`, comuni: rows.map((r) => r.comune), topics: [...MUTUAL_AID_TOPICS], days: MUTUAL_AID_DAYS });
  });

  app.post('/api/public/mutual-aid/posts', async (c) => {
    const body = await jsonBody<Record<string, unknown>>(c, 'MutualAidSubmit');
    // Counted before the checks, given back if they refuse it (counting above).
    const { id, posterKey, post } = await counting(async (taken) => {
      const { address, contact } = await publicGate(c, body, 'post', 'L\'annuncio non può essere accettato.', taken);
      const fields = { kind: body['kind'], topic: body['topic'], text: clean(body['text']), comune: clean(body['comune']), availability: clean(body['availability']) || undefined };
      const issued = today();
      const checked = checkMutualAidPost({ ...fields, id: 'new', published: issued, expires: addDays(issued, MUTUAL_AID_DAYS), mediator: 'new' });
      if ('reason' in checked) {
        throw coded(
          checked.code === 'contact' ? 'contact-in-text' : 'incomplete',
          invalidData(
            checked.code === 'contact'
              ? 'Non scrivere email o numeri di telefono nel testo: il recapito va nel campo apposito e non viene pubblicato.'
              : `L'annuncio non è completo: servono tipo, argomento, comune e un testo di al massimo ${MUTUAL_AID_LIMITS.text} caratteri.`,
            [{ path: checked.code === 'contact' ? 'text' : 'data', message: checked.reason }],
          ),
        );
      }
      const id = `aiuto-${randomBytes(6).toString('hex')}`;
      const posterKey = randomBytes(24).toString('base64url');
      const at = now();
      await s.db.transaction(async (tx) => {
        if (!(await tx.query('SELECT 1 FROM mutual_aid_mediators WHERE comune = $1', [checked.post.comune])).rows.length) {
          throw coded('no-mediator', invalidData('Per questo comune non c\'è ancora un\'organizzazione che fa da tramite.', [{ path: 'comune', message: 'comune senza tramite' }]));
        }
        const word = await wordIn(tx, `${checked.post.text} ${checked.post.availability ?? ''}`);
        if (word) throw coded('word', invalidData('L\'annuncio contiene parole non ammesse: riformulalo.', [{ path: 'text', message: 'parola non ammessa' }]));
        await tx.query(
          `INSERT INTO mutual_aid_posts (id, kind, topic, text, availability, comune, contact, token_hash, state, expires_on, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $10)`,
          [id, checked.post.kind, checked.post.topic, checked.post.text, checked.post.availability ?? null, checked.post.comune, contact, sha256(posterKey), checked.post.expires, at],
        );
        // The audit log names the post, never the person.
        await audit(tx, { at, address, action: 'mutual-aid-posted', targetType: 'mutual-aid', targetId: id });
      });
      return { id, posterKey, post: checked.post };
    });
    await tellMediators(c, post.comune, 'post');
    return c.json({ id, key: posterKey, state: 'pending', expires: post.expires }, 201);
  });

  app.post('/api/public/mutual-aid/posts/:id/status', async (c) => {
    const body = await jsonBody<{ key: string }>(c, 'MutualAidKey');
    const row = await s.db.transaction((tx) => lockForPoster(tx, idParam(c), body.key));
    return c.json(forPoster(row));
  });

  app.post('/api/public/mutual-aid/posts/:id/renew', async (c) => {
    const body = await jsonBody<{ key: string }>(c, 'MutualAidKey');
    const row = await s.db.transaction(async (tx) => {
      const row = await lockForPoster(tx, idParam(c), body.key);
      const expires = addDays(today(), MUTUAL_AID_DAYS);
      await tx.query('UPDATE mutual_aid_posts SET expires_on = $2, updated_at = $3 WHERE id = $1', [row.id, expires, now()]);
      await audit(tx, { at: now(), address: c.get('address'), action: 'mutual-aid-renewed', targetType: 'mutual-aid', targetId: row.id });
      return { ...row, expires_on: expires };
    });
    if (row.state === 'published') s.publisher.schedule();
    return c.json(forPoster(row));
  });

  app.post('/api/public/mutual-aid/posts/:id/withdraw', async (c) => {
    const body = await jsonBody<{ key: string }>(c, 'MutualAidKey');
    await s.db.transaction(async (tx) => {
      const row = await lockForPoster(tx, idParam(c), body.key);
      await tx.query(`UPDATE mutual_aid_posts SET state = 'withdrawn', ${FORGET}, updated_at = $2 WHERE id = $1`, [row.id, now()]);
      await forgetMessages(tx);
      await audit(tx, { at: now(), address: c.get('address'), action: 'mutual-aid-withdrawn', targetType: 'mutual-aid', targetId: row.id });
    });
    s.publisher.schedule();
    return c.body(null, 204);
  });

  /** "Segnala": a published post goes back to its mediators' queue and leaves the feed. */
  app.post('/api/public/mutual-aid/posts/:id/report', async (c) => {
    const address = c.get('address');
    await throttle('report', address);
    const changed = await s.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; comune: string }>(
        `UPDATE mutual_aid_posts SET state = 'pending', reported = true, updated_at = $2 WHERE id = $1 AND state = 'published' RETURNING id, comune`,
        [idParam(c), now()],
      );
      if (rows.length) await audit(tx, { at: now(), address, action: 'mutual-aid-reported', targetType: 'mutual-aid', targetId: rows[0]!.id });
      return rows[0];
    });
    if (!changed) throw notFound('Annuncio non trovato, oppure già tolto dalla bacheca.');
    s.publisher.schedule();
    await tellMediators(c, changed.comune, 'report');
    return c.body(null, 204);
  });

  /**
   * "Scrivi a chi ha pubblicato": someone answers a published post through the hub, with the
   * same checks as posting (honeypot, form token and delay, rate limits, word list). The
   * mediators see the answer with both contacts and put people in touch; when the hub has
   * mail settings and the poster left an email address, the hub also mails it to them.
   */
  app.post('/api/public/mutual-aid/posts/:id/messages', async (c) => {
    const body = await jsonBody<Record<string, unknown>>(c, 'MutualAidAnswer');
    const { id, text, contact, post } = await counting(async (taken) => {
      const { address, contact } = await publicGate(c, body, 'answer', 'Il messaggio non può essere accettato.', taken);
      const text = typeof body['text'] === 'string' ? body['text'].replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim() : '';
      if (!text || text.length > MESSAGE_MAX) {
        throw coded('message-length', invalidData(`Scrivi un messaggio di al massimo ${MESSAGE_MAX} caratteri.`, [{ path: 'text', message: 'messaggio mancante o troppo lungo' }]));
      }
      const id = `risposta-${randomBytes(6).toString('hex')}`;
      const at = now();
      return s.db.transaction(async (tx) => {
        const post = (await tx.query<PostRow & { mediator_name: string | null }>(
          `SELECT p.*, o.name AS mediator_name FROM mutual_aid_posts p LEFT JOIN organisations o ON o.id = p.mediator_id
            WHERE p.id = $1 AND p.state = 'published' AND p.expires_on >= $2::date`,
          [idParam(c), today()],
        )).rows[0];
        if (!post) throw coded('post-gone', notFound('Annuncio non trovato: forse è stato ritirato, è scaduto o è concluso.'));
        if (await wordIn(tx, text)) throw coded('word', invalidData('Il messaggio contiene parole non ammesse: riformulalo.', [{ path: 'text', message: 'parola non ammessa' }]));
        await tx.query('INSERT INTO mutual_aid_messages (id, post_id, text, contact, created_at) VALUES ($1, $2, $3, $4, $5)', [id, post.id, text, contact, at]);
        await audit(tx, { at, address, action: 'mutual-aid-answered', targetType: 'mutual-aid', targetId: post.id });
        return { id, text, contact, post };
      });
    });
    // The relay: only to an email address, and a mail that fails leaves the answer with the mediator.
    let relayed = false;
    if (s.mailer && post.contact && EMAIL.test(post.contact)) {
      try {
        await s.mailer.send(answerMail(post.contact, post, { text, contact }, post.mediator_name ?? 'l\'associazione'));
        await s.db.query('UPDATE mutual_aid_messages SET relayed_at = $2 WHERE id = $1', [id, now()]);
        relayed = true;
      } catch (error) {
        console.error(`mutual aid: the answer ${id} was not mailed: ${(error as Error).message}`);
      }
    }
    // Relayed, the poster has it; otherwise the mediators put the people in touch.
    if (!relayed) await tellMediators(c, post.comune, 'answer');
    return c.json({ id, relayed }, 201);
  });

  // --- Mediators: the queue of their comuni -------------------------------------------------

  /** The comuni the signed-in person's organisation mediates (none: not a mediator); the pages' menu asks. */
  app.get('/api/mutual-aid/mine', async (c) => {
    const user = requireUser(c);
    return c.json({ comuni: await mediatedComuni(s.db, user.organisationId) });
  });

  app.get('/api/mutual-aid/queue', async (c) => {
    const { comuni } = await requireMediator(c);
    await expireMutualAid(s.db, today(), now());
    const { rows } = await s.db.query<PostRow>(
      `SELECT * FROM mutual_aid_posts WHERE comune = ANY($1) AND state IN ('pending', 'published') ORDER BY state DESC, reported DESC, created_at, id`,
      [comuni],
    );
    const messages = (
      await s.db.query<MessageRow>('SELECT * FROM mutual_aid_messages WHERE post_id = ANY($1) ORDER BY created_at, id', [rows.map((r) => r.id)])
    ).rows;
    return c.json({ comuni, posts: rows.map((r) => forMediator(r, messages)) });
  });

  async function moderate(c: Context, action: 'approve' | 'reject' | 'done') {
    const { user, comuni } = await requireMediator(c);
    const body = await jsonBody<{ text?: string; availability?: string; reason?: string }>(c, 'MutualAidModerate');
    const at = now();
    const row = await s.db.transaction(async (tx) => {
      const row = await lockForMediator(tx, idParam(c), comuni);
      if (action === 'approve') {
        const text = body.text !== undefined ? clean(body.text) : row.text ?? '';
        const availability = body.availability !== undefined ? clean(body.availability) || undefined : row.availability ?? undefined;
        const published = today();
        const checked = checkMutualAidPost({ id: row.id, kind: row.kind, topic: row.topic, text, comune: row.comune, availability, published, expires: day(row.expires_on), mediator: user.organisationId });
        if ('reason' in checked) {
          throw invalidData(
            checked.code === 'contact' ? 'Il testo contiene ancora un\'email o un numero di telefono: toglilo prima di approvare.' : 'L\'annuncio non può essere pubblicato così.',
            [{ path: 'text', message: checked.reason }],
          );
        }
        await tx.query(
          `UPDATE mutual_aid_posts SET state = 'published', reported = false, reason = NULL, text = $2, availability = $3, mediator_id = $4, published_on = $5, updated_at = $6 WHERE id = $1`,
          [row.id, checked.post.text, checked.post.availability ?? null, user.organisationId, published, at],
        );
        return { ...row, state: 'published', reported: false, text: checked.post.text, availability: checked.post.availability ?? null, mediator_id: user.organisationId, published_on: published };
      }
      const reason = clean(body.reason);
      if (action === 'reject' && !reason) throw invalidData('Scrivi il motivo: la persona lo legge dal suo link.', [{ path: 'reason', message: 'motivo mancante' }]);
      // Rejected: the poster may still read the reason by their link, so only the key stays.
      const forget = action === 'reject' ? 'contact = NULL, text = NULL, availability = NULL' : FORGET;
      await tx.query(`UPDATE mutual_aid_posts SET state = $2, reason = $3, mediator_id = $4, ${forget}, updated_at = $5 WHERE id = $1`, [row.id, action === 'reject' ? 'rejected' : 'done', reason || null, user.organisationId, at]);
      await forgetMessages(tx);
      return { ...row, state: action === 'reject' ? 'rejected' : 'done', reason: reason || null, contact: null, text: null, availability: null };
    });
    await audit(s.db, { at, address: c.get('address'), actorId: user.id, action: `mutual-aid-${action}`, targetType: 'mutual-aid', targetId: row.id });
    s.publisher.schedule();
    return c.json(forMediator(row));
  }
  /** The mediator has put people in touch: the answer (and the answerer's contact) is deleted. */
  app.post('/api/mutual-aid/messages/:id/done', async (c) => {
    const { user, comuni } = await requireMediator(c);
    await s.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ post_id: string }>(
        `DELETE FROM mutual_aid_messages m USING mutual_aid_posts p WHERE m.id = $1 AND p.id = m.post_id AND p.comune = ANY($2) RETURNING m.post_id`,
        [idParam(c), comuni],
      );
      if (!rows.length) throw notFound('Messaggio non trovato: forse è già stato gestito.');
      await audit(tx, { at: now(), address: c.get('address'), actorId: user.id, action: 'mutual-aid-answer-done', targetType: 'mutual-aid', targetId: rows[0]!.post_id });
    });
    return c.body(null, 204);
  });

  app.post('/api/mutual-aid/posts/:id/approve', (c) => moderate(c, 'approve'));
  app.post('/api/mutual-aid/posts/:id/reject', (c) => moderate(c, 'reject'));
  app.post('/api/mutual-aid/posts/:id/done', (c) => moderate(c, 'done'));

  // --- The office: mediators and the word list ---------------------------------------------

  app.get('/api/mutual-aid/mediators', async (c) => {
    requireAdmin(c);
    const { rows } = await s.db.query<{ organisation_id: string; comune: string }>('SELECT organisation_id, comune FROM mutual_aid_mediators ORDER BY organisation_id, comune');
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.organisation_id, [...(out.get(r.organisation_id) ?? []), r.comune]);
    return c.json({ mediators: [...out].map(([organisationId, comuni]) => ({ organisationId, comuni })) });
  });

  app.put('/api/mutual-aid/mediators/:id', async (c) => {
    const user = requireAdmin(c);
    const body = await jsonBody<{ comuni: string[] }>(c, 'MutualAidMediator');
    const id = idParam(c);
    const comuni = [...new Set(body.comuni.map(clean).filter(Boolean))].sort();
    await s.db.transaction(async (tx) => {
      if (!(await tx.query('SELECT 1 FROM organisations WHERE id = $1', [id])).rows.length) throw notFound('L\'ente indicato non esiste.');
      await tx.query('DELETE FROM mutual_aid_mediators WHERE organisation_id = $1', [id]);
      for (const comune of comuni) await tx.query('INSERT INTO mutual_aid_mediators (organisation_id, comune) VALUES ($1, $2)', [id, comune]);
      await audit(tx, { at: now(), address: c.get('address'), actorId: user.id, action: 'mutual-aid-mediator', targetType: 'organisation', targetId: id, detail: { comuni } });
    });
    return c.json({ organisationId: id, comuni });
  });

  app.get('/api/mutual-aid/words', async (c) => {
    requireAdmin(c);
    const { rows } = await s.db.query<{ word: string }>('SELECT word FROM mutual_aid_words ORDER BY word');
    return c.json({ words: rows.map((r) => r.word) });
  });

  app.put('/api/mutual-aid/words', async (c) => {
    const user = requireAdmin(c);
    const body = await jsonBody<{ words: string[] }>(c, 'MutualAidWords');
    const words = [...new Set(body.words.map((w) => clean(w).toLowerCase()).filter(Boolean))].sort();
    await s.db.transaction(async (tx) => {
      await tx.query('DELETE FROM mutual_aid_words');
      for (const word of words) await tx.query('INSERT INTO mutual_aid_words (word) VALUES ($1)', [word]);
      await audit(tx, { at: now(), address: c.get('address'), actorId: user.id, action: 'mutual-aid-words', detail: { count: words.length } });
    });
    return c.json({ words });
  });
}

