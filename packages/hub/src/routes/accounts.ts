import { audit } from '../audit.js';
import { requireAdmin, requireUser, sha256, token, type Role, type SessionUser } from '../auth/sessions.js';
import type { HubApp, HubServices } from '../env.js';
import { linkBase } from '../http/link-base.js';
import { jsonBody, idParam } from '../http/request.js';
import { conflict, HttpError, notFound } from '../http/problem.js';
import type { MailMessage } from '../mail/mailer.js';
import { invitationMail, resetMail } from '../mail/messages.js';

interface OrganisationRow {
  id: string;
  name: string;
  kind: string;
  website: string | null;
  trusted: boolean;
  disabled: boolean;
}

export const organisationOut = (o: OrganisationRow) => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  website: o.website,
  trusted: o.trusted,
  disabled: o.disabled,
});

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string | null;
  disabled: boolean;
  created_at: Date;
}

const userOut = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  organisationId: u.organisation_id,
  disabled: u.disabled,
  createdAt: new Date(u.created_at).toISOString(),
});

/** An editor sees only its own organisation; another one is "not found", not "forbidden". */
export function canSeeOrganisation(user: SessionUser, organisationId: string | null): boolean {
  return user.role === 'admin' || (organisationId !== null && user.organisationId === organisationId);
}

/**
 * Mails a one-time link when the hub has an SMTP server. A failure is logged, never an error
 * for the admin: the link is in the answer to copy, and `mailed: false` says to hand it over.
 */
async function mailLink(s: HubServices, message: MailMessage): Promise<boolean> {
  if (!s.mailer) return false;
  try {
    await s.mailer.send(message);
    return true;
  } catch (error) {
    console.error(`welfare-hub: email a ${message.to} non inviata: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

export function accountRoutes(app: HubApp, s: HubServices): void {
  app.post('/api/invitations', async (c) => {
    const admin = requireAdmin(c);
    const body = await jsonBody<{ email: string; role: Role; organisationId?: string | null }>(c, 'InvitationCreate');
    const email = body.email.trim();
    if (body.role === 'editor' && !body.organisationId) {
      throw new HttpError(422, 'Dati non validi', 'Un editor appartiene sempre a un ente: indica organisationId.', { errors: [{ path: 'organisationId', message: 'campo obbligatorio per un editor' }] });
    }
    const at = s.config.now();
    const secret = token();
    const organisationName = await s.db.transaction(async (tx) => {
      let name: string | null = null;
      if (body.organisationId) {
        const org = await tx.query<{ name: string }>('SELECT name FROM organisations WHERE id = $1', [body.organisationId]);
        name = org.rows[0]?.name ?? null;
        if (!org.rows.length) throw new HttpError(422, 'Dati non validi', 'L\'ente indicato non esiste.', { errors: [{ path: 'organisationId', message: 'ente sconosciuto' }] });
      }
      const taken = await tx.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
      if (taken.rows.length) throw conflict('Esiste già un account con questo indirizzo email.');
      await tx.query(
        `INSERT INTO invitations (token_hash, kind, email, role, organisation_id, created_by, created_at, expires_at)
         VALUES ($1, 'invite', $2, $3, $4, $5, $6, $7)`,
        [sha256(secret), email, body.role, body.role === 'admin' ? null : body.organisationId, admin.id, at, new Date(at.getTime() + s.config.linkHours * 3_600_000)],
      );
      await audit(tx, { at, address: c.get('address'), actorId: admin.id, action: 'invitation-created', targetType: 'invitation', targetId: email, detail: { role: body.role, organisationId: body.organisationId ?? null } });
      return body.role === 'admin' ? null : name;
    });
    const link = `${linkBase(c, s)}/gestione/invito.html#${secret}`;
    const expiresAt = new Date(at.getTime() + s.config.linkHours * 3_600_000);
    const mailed = await mailLink(s, invitationMail(email, link, expiresAt, organisationName));
    return c.json({ link, expiresAt: expiresAt.toISOString(), mailed }, 201);
  });

  app.post('/api/users/:id/reset', async (c) => {
    const admin = requireAdmin(c);
    const id = idParam(c);
    const at = s.config.now();
    const secret = token();
    const email = await s.db.transaction(async (tx) => {
      const user = (await tx.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0];
      if (!user) throw notFound();
      // A new link replaces any earlier one still unused.
      await tx.query(`UPDATE invitations SET used_at = $2 WHERE user_id = $1 AND kind = 'reset' AND used_at IS NULL`, [id, at]);
      await tx.query(
        `INSERT INTO invitations (token_hash, kind, email, user_id, created_by, created_at, expires_at) VALUES ($1, 'reset', $2, $3, $4, $5, $6)`,
        [sha256(secret), user.email, id, admin.id, at, new Date(at.getTime() + s.config.linkHours * 3_600_000)],
      );
      await audit(tx, { at, address: c.get('address'), actorId: admin.id, action: 'password-reset-link', targetType: 'user', targetId: id });
      return user.email;
    });
    const link = `${linkBase(c, s)}/gestione/password.html#${secret}`;
    const expiresAt = new Date(at.getTime() + s.config.linkHours * 3_600_000);
    const mailed = await mailLink(s, resetMail(email, link, expiresAt));
    return c.json({ link, expiresAt: expiresAt.toISOString(), mailed }, 201);
  });

  app.get('/api/organisations', async (c) => {
    const user = requireUser(c);
    const { rows } =
      user.role === 'admin'
        ? await s.db.query<OrganisationRow>('SELECT * FROM organisations ORDER BY name')
        : await s.db.query<OrganisationRow>('SELECT * FROM organisations WHERE id = $1', [user.organisationId]);
    return c.json({ organisations: rows.map(organisationOut) });
  });

  app.get('/api/organisations/:id', async (c) => {
    const user = requireUser(c);
    const id = idParam(c);
    if (!canSeeOrganisation(user, id)) throw notFound();
    const row = (await s.db.query<OrganisationRow>('SELECT * FROM organisations WHERE id = $1', [id])).rows[0];
    if (!row) throw notFound();
    return c.json(organisationOut(row));
  });

  app.post('/api/organisations', async (c) => {
    const admin = requireAdmin(c);
    const body = await jsonBody<{ id?: string; name: string; kind?: string; website?: string | null; trusted?: boolean }>(c, 'OrganisationCreate');
    const id = body.id ?? slugify(body.name);
    const at = s.config.now();
    const row = await s.db.transaction(async (tx) => {
      const taken = await tx.query('SELECT 1 FROM organisations WHERE id = $1', [id]);
      if (taken.rows.length) throw conflict(`Esiste già un ente con il codice «${id}».`);
      const inserted = await tx.query<OrganisationRow>(
        'INSERT INTO organisations (id, name, kind, website, trusted, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *',
        [id, body.name.trim(), body.kind ?? 'other', body.website ?? null, body.trusted ?? false, at],
      );
      await audit(tx, { at, address: c.get('address'), actorId: admin.id, action: 'organisation-created', targetType: 'organisation', targetId: id });
      return inserted.rows[0]!;
    });
    s.publisher.schedule();
    return c.json(organisationOut(row), 201);
  });

  app.patch('/api/organisations/:id', async (c) => {
    const admin = requireAdmin(c);
    const id = idParam(c);
    const body = await jsonBody<{ name?: string; kind?: string; website?: string | null; trusted?: boolean; disabled?: boolean }>(c, 'OrganisationPatch');
    const at = s.config.now();
    const row = await s.db.transaction(async (tx) => {
      const before = (await tx.query<OrganisationRow>('SELECT * FROM organisations WHERE id = $1 FOR UPDATE', [id])).rows[0];
      if (!before) throw notFound();
      const after = { ...before, ...body, name: body.name?.trim() ?? before.name };
      const updated = await tx.query<OrganisationRow>(
        'UPDATE organisations SET name = $2, kind = $3, website = $4, trusted = $5, disabled = $6, updated_at = $7 WHERE id = $1 RETURNING *',
        [id, after.name, after.kind, after.website ?? null, after.trusted, after.disabled, at],
      );
      if (after.disabled && !before.disabled) {
        // A disabled organisation's people are signed out at once.
        await tx.query('DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE organisation_id = $1 AND role = \'editor\')', [id]);
      }
      const changed = Object.keys(body).filter((k) => (before as never)[k] !== (after as never)[k]);
      await audit(tx, { at, address: c.get('address'), actorId: admin.id, action: 'organisation-changed', targetType: 'organisation', targetId: id, detail: Object.fromEntries(changed.map((k) => [k, (after as never)[k]])) });
      return updated.rows[0]!;
    });
    s.publisher.schedule();
    return c.json(organisationOut(row));
  });

  app.get('/api/organisations/:id/users', async (c) => {
    const user = requireUser(c);
    const id = idParam(c);
    if (!canSeeOrganisation(user, id)) throw notFound();
    const org = await s.db.query('SELECT 1 FROM organisations WHERE id = $1', [id]);
    if (!org.rows.length) throw notFound();
    const { rows } = await s.db.query<UserRow>('SELECT * FROM users WHERE organisation_id = $1 ORDER BY name', [id]);
    return c.json({ users: rows.map(userOut) });
  });

  app.get('/api/users', async (c) => {
    requireAdmin(c);
    const { rows } = await s.db.query<UserRow>('SELECT * FROM users ORDER BY name');
    return c.json({ users: rows.map(userOut) });
  });

  app.patch('/api/users/:id', async (c) => {
    const admin = requireAdmin(c);
    const id = idParam(c);
    const body = await jsonBody<{ disabled?: boolean; role?: Role; name?: string; organisationId?: string }>(c, 'UserPatch');
    const at = s.config.now();
    const row = await s.db.transaction(async (tx) => {
      const before = (await tx.query<UserRow>('SELECT * FROM users WHERE id = $1 FOR UPDATE', [id])).rows[0];
      if (!before) throw notFound();
      if (id === admin.id && (body.disabled === true || body.role === 'editor')) {
        throw conflict('Non puoi disattivare il tuo account né togliergli il ruolo di amministratore: chiedilo a un altro amministratore.');
      }
      const role = body.role ?? before.role;
      const organisationId = body.organisationId ?? before.organisation_id;
      if (role === 'editor' && !organisationId) {
        throw new HttpError(422, 'Dati non validi', 'Un editor appartiene sempre a un ente: indica organisationId.', { errors: [{ path: 'organisationId', message: 'campo obbligatorio per un editor' }] });
      }
      if (body.organisationId) {
        const org = await tx.query('SELECT 1 FROM organisations WHERE id = $1', [body.organisationId]);
        if (!org.rows.length) throw new HttpError(422, 'Dati non validi', 'L\'ente indicato non esiste.', { errors: [{ path: 'organisationId', message: 'ente sconosciuto' }] });
      }
      const disabled = body.disabled ?? before.disabled;
      const updated = await tx.query<UserRow>(
        'UPDATE users SET role = $2, organisation_id = $3, disabled = $4, name = $5, updated_at = $6 WHERE id = $1 RETURNING *',
        [id, role, organisationId, disabled, body.name?.trim() ?? before.name, at],
      );
      // Someone disabled, or whose rights changed, signs in again with the new rights.
      if (disabled !== before.disabled || role !== before.role || organisationId !== before.organisation_id) {
        await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
      }
      if (role !== before.role) await audit(tx, { at, address: c.get('address'), actorId: admin.id, action: 'role-changed', targetType: 'user', targetId: id, detail: { from: before.role, to: role } });
      if (disabled !== before.disabled) await audit(tx, { at, address: c.get('address'), actorId: admin.id, action: disabled ? 'user-disabled' : 'user-enabled', targetType: 'user', targetId: id });
      if (organisationId !== before.organisation_id) await audit(tx, { at, address: c.get('address'), actorId: admin.id, action: 'user-moved', targetType: 'user', targetId: id, detail: { from: before.organisation_id, to: organisationId } });
      return updated.rows[0]!;
    });
    return c.json(userOut(row));
  });
}

/** "Caritas Lodigiana" → "caritas-lodigiana": the organisation's id in the feed. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return slug || `ente-${token(4).toLowerCase()}`;
}
