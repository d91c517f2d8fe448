import { audit } from '../audit.js';
import { checkPassword, hashPassword, passwordProblem } from '../auth/passwords.js';
import {
  clearSessionCookie,
  createSession,
  requireUser,
  sessionBody,
  setSessionCookie,
  sha256,
  type Role,
} from '../auth/sessions.js';
import type { HubApp, HubServices } from '../env.js';
import { jsonBody } from '../http/request.js';
import { HttpError, invalidData, unauthorized } from '../http/problem.js';
import type { Queryable } from '../db/db.js';
import type { Context } from 'hono';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  password_hash: string | null;
  disabled: boolean;
  organisation_disabled: boolean | null;
}

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

/** Signs the user in: a new session (a session id the request brought is dropped), the cookie. */
async function startSession(c: Context, s: HubServices, q: Queryable, user: UserRow) {
  const now = s.config.now();
  const { id, csrfToken } = await createSession(q, user.id, c.get('address'), now);
  setSessionCookie(c, s.config, id);
  return sessionBody({ id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisation_id }, csrfToken);
}

/** Drops the session the request came with, if any (rotation at login, logout). */
async function dropCurrent(c: Context, q: Queryable) {
  const current = c.get('user');
  if (current) await q.query('DELETE FROM sessions WHERE id_hash = $1', [current.sessionHash]);
}

export function sessionRoutes(app: HubApp, s: HubServices): void {
  app.get('/api/session', (c) => {
    const user = c.get('user');
    if (!user) throw unauthorized('Nessun accesso in corso.');
    return c.json(sessionBody(user, user.csrfToken));
  });

  app.post('/api/session', async (c) => {
    const { email, password } = await jsonBody<{ email: string; password: string }>(c, 'Login');
    const key = email.trim().toLowerCase();
    const address = c.get('address');
    const at = s.config.now();
    const wait = await s.throttle.take(s.db, key, address, at);
    if (wait > 0) {
      await audit(s.db, { at, address, action: 'login-throttled', targetType: 'user', targetId: key });
      throw new HttpError(
        429,
        'Troppi tentativi',
        `Troppi tentativi di accesso non riusciti. Per sicurezza l'accesso è sospeso: riprova tra ${minutes(wait)} minuti, oppure chiedi all'Ufficio di Piano di reimpostare la password.`,
        {},
        { 'Retry-After': String(Math.ceil(wait / 1000)) },
      );
    }
    const { rows } = await s.db.query<UserRow>(
      `SELECT u.*, o.disabled AS organisation_disabled FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE lower(u.email) = $1`,
      [key],
    );
    const user = rows[0];
    const good = await checkPassword(user?.password_hash ?? null, password);
    const blocked = user && (user.disabled || (user.role === 'editor' && user.organisation_disabled === true));
    if (!user || !good || blocked) {
      // Already counted by take(): a failure stays counted.
      await audit(s.db, { at, address, action: 'login-failed', targetType: 'user', targetId: user?.id ?? key });
      throw new HttpError(401, 'Accesso non riuscito', blocked && good ? 'Questo account è disattivato: rivolgiti all\'Ufficio di Piano.' : 'Email o password non corretti.');
    }
    const body = await s.db.transaction(async (tx) => {
      await s.throttle.succeeded(tx, key, address, at);
      await dropCurrent(c, tx);
      await audit(tx, { at, address, actorId: user.id, action: 'login', targetType: 'user', targetId: user.id });
      return startSession(c, s, tx, user);
    });
    return c.json(body);
  });

  app.delete('/api/session', async (c) => {
    const user = requireUser(c);
    await s.db.query('DELETE FROM sessions WHERE id_hash = $1', [user.sessionHash]);
    await audit(s.db, { at: s.config.now(), address: c.get('address'), actorId: user.id, action: 'logout', targetType: 'user', targetId: user.id });
    clearSessionCookie(c, s.config);
    return c.body(null, 204);
  });

  /** A one-time link still good: the token's row, or 404 (unknown, used or expired look the same). */
  async function oneTimeLink(q: Queryable, tokenValue: string, kind: 'invite' | 'reset') {
    const { rows } = await q.query<{ token_hash: string; email: string; role: Role | null; organisation_id: string | null; user_id: string | null; expires_at: Date; used_at: Date | null }>(
      'SELECT * FROM invitations WHERE token_hash = $1 AND kind = $2 FOR UPDATE',
      [sha256(tokenValue), kind],
    );
    const row = rows[0];
    if (!row || row.used_at || new Date(row.expires_at) < s.config.now()) {
      throw new HttpError(404, 'Collegamento non valido', 'Il collegamento è scaduto o è già stato usato: chiedine uno nuovo all\'Ufficio di Piano.');
    }
    return row;
  }

  app.post('/api/invitations/accept', async (c) => {
    const body = await jsonBody<{ token: string; name: string; password: string }>(c, 'InvitationAccept');
    const at = s.config.now();
    const result = await s.db.transaction(async (tx) => {
      const link = await oneTimeLink(tx, body.token, 'invite');
      const problem = passwordProblem(body.password, link.email);
      if (problem) throw invalidData(problem, [{ path: 'password', message: problem }]);
      const taken = await tx.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [link.email]);
      if (taken.rows.length) throw new HttpError(409, 'Conflitto', 'Esiste già un account con questo indirizzo email.');
      const id = crypto.randomUUID();
      await tx.query(
        'INSERT INTO users (id, email, name, role, organisation_id, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)',
        [id, link.email, body.name.trim(), link.role, link.role === 'admin' ? null : link.organisation_id, await hashPassword(body.password), at],
      );
      await tx.query('UPDATE invitations SET used_at = $2 WHERE token_hash = $1', [link.token_hash, at]);
      await audit(tx, { at, address: c.get('address'), actorId: id, action: 'invitation-accepted', targetType: 'user', targetId: id, detail: { role: link.role, organisationId: link.organisation_id } });
      await dropCurrent(c, tx);
      const user = (await tx.query<UserRow>('SELECT *, NULL AS organisation_disabled FROM users WHERE id = $1', [id])).rows[0]!;
      return startSession(c, s, tx, user);
    });
    return c.json(result);
  });

  app.post('/api/password-reset/accept', async (c) => {
    const body = await jsonBody<{ token: string; password: string }>(c, 'PasswordResetAccept');
    const at = s.config.now();
    const result = await s.db.transaction(async (tx) => {
      const link = await oneTimeLink(tx, body.token, 'reset');
      const problem = passwordProblem(body.password, link.email);
      if (problem) throw invalidData(problem, [{ path: 'password', message: problem }]);
      const user = (await tx.query<UserRow>('SELECT *, NULL AS organisation_disabled FROM users WHERE id = $1', [link.user_id])).rows[0];
      if (!user || user.disabled) throw new HttpError(404, 'Collegamento non valido', 'L\'account non è più attivo.');
      await tx.query('UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1', [user.id, await hashPassword(body.password), at]);
      await tx.query('UPDATE invitations SET used_at = $2 WHERE token_hash = $1', [link.token_hash, at]);
      // A new password ends every session of the account, wherever it was open.
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
      await audit(tx, { at, address: c.get('address'), actorId: user.id, action: 'password-reset', targetType: 'user', targetId: user.id });
      await s.throttle.reset(tx, user.email.toLowerCase());
      return startSession(c, s, tx, user);
    });
    return c.json(result);
  });
}
