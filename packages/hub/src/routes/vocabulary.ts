import type { Context } from 'hono';
import { audit } from '../audit.js';
import { requireAdmin, type SessionUser } from '../auth/sessions.js';
import type { Queryable } from '../db/db.js';
import type { HubApp, HubServices } from '../env.js';
import { conflict, HttpError, notFound } from '../http/problem.js';
import { idParam, jsonBody } from '../http/request.js';

/**
 * The office's own lists: categories, audiences and the territory's comuni. Only the
 * office (admin) reads the full lists here and changes them; editors read the active
 * entries through `GET /api/territory`. Every change is one transaction with its audit line.
 *
 * What a change does to offers (docs/hub.md, "Categorie, destinatari e comuni"):
 * - a category's id never changes (offers and the feed refer to it); renaming changes the
 *   name on the tiles at the next publication. Archiving is refused while an offer that is
 *   not archived uses it (draft, proposed or published copy), because the feed would then
 *   name a category it no longer lists and its validation would refuse the whole feed.
 * - an audience or a comune is only words in the offers: archiving takes it out of the
 *   form's choices, and the offers that use it keep it until edited.
 */

/** An id as the feed writes them: short, lower case, no spaces. */
const ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** "Servizi per la casa" → "servizi-per-la-casa" (accents dropped). */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

/** `If-Match: "7"` → 7; a write without it is 428 (someone else may have saved since). */
function ifMatch(c: Context): number {
  const header = c.req.header('if-match');
  if (header === undefined) throw new HttpError(428, 'Versione richiesta', 'Manca If-Match con la versione che hai modificato.');
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(header);
  if (!m) throw new HttpError(400, 'Richiesta non valida', 'If-Match deve essere la versione tra virgolette, per esempio "3".');
  return Number(m[1]);
}

interface EntryRow {
  id: string;
  position: number;
  data: Record<string, unknown>;
  archived: boolean;
  version: number;
  in_use: number;
}

interface ComuneRow {
  id: string;
  name: string;
  lat: number | null;
  lon: number | null;
  patron: string | null;
  patron_date: string | null;
  archived: boolean;
  version: number;
  in_use: number;
}

/** One kind of list kept as feed objects `{id, name, ...}`: categories and audiences. */
interface EntryKind {
  table: 'categories' | 'audiences';
  /** The services field that names entries of this kind. */
  field: 'categories' | 'audiences';
  /** Audit and message words. */
  audit: string;
  noun: string;
  /** "archiviata" or "archiviato", agreeing with the noun. */
  archivedWord: string;
  /** Whether the feed lists these (then archiving in use is refused, and saving republishes). */
  inFeed: boolean;
}

const KINDS: EntryKind[] = [
  { table: 'categories', field: 'categories', audit: 'category', noun: 'la categoria', archivedWord: 'archiviata', inFeed: true },
  { table: 'audiences', field: 'audiences', audit: 'audience', noun: 'il destinatario', archivedWord: 'archiviato', inFeed: false },
];

/** How many offers not archived name this entry, in their draft or in their published copy. */
const entryInUse = (field: string, idSql: string) =>
  `(SELECT count(*) FROM services s WHERE s.state <> 'archived'
     AND (coalesce(s.data->'${field}', '[]'::jsonb) ? ${idSql} OR coalesce(s.published_data->'${field}', '[]'::jsonb) ? ${idSql}))::integer`;

/** How many offers not archived have a place in this comune (by name, as the feed writes it). */
const comuneInUse = (nameSql: string) =>
  `(SELECT count(*) FROM services s WHERE s.state <> 'archived'
     AND EXISTS (SELECT 1 FROM jsonb_array_elements(CASE WHEN jsonb_typeof(s.data->'locations') = 'array' THEN s.data->'locations' ELSE '[]'::jsonb END) l
                 WHERE l->>'comune' = ${nameSql}))::integer`;

const entryOut = (r: EntryRow) => ({ id: r.id, position: r.position, archived: r.archived, version: r.version, inUse: r.in_use, data: r.data });

const comuneOut = (r: ComuneRow) => ({
  id: r.id,
  name: r.name,
  lat: r.lat,
  lon: r.lon,
  ...(r.patron_date ? { patronDate: r.patron_date } : {}),
  ...(r.patron ? { patron: r.patron } : {}),
  archived: r.archived,
  version: r.version,
  inUse: r.in_use,
});

export function vocabularyRoutes(app: HubApp, s: HubServices): void {
  const who = (c: Context, user: SessionUser) => ({ actorId: user.id, address: c.get('address'), at: s.config.now() });
  const tagged = <T extends { version: number }>(c: Context, body: T, row: { version: number }) => {
    c.header('ETag', `"${row.version}"`);
    return body;
  };

  for (const kind of KINDS) {
    const base = `/api/${kind.table}`;
    const select = `SELECT t.*, ${entryInUse(kind.field, 't.id')} AS in_use FROM ${kind.table} t`;

    async function lock(q: Queryable, id: string): Promise<EntryRow> {
      const row = (await q.query<EntryRow>(`${select} WHERE t.id = $1 FOR UPDATE OF t`, [id])).rows[0];
      if (!row) throw notFound();
      return row;
    }

    async function write(tx: Queryable, row: EntryRow, c: Context, user: SessionUser, action: string): Promise<EntryRow> {
      await tx.query(`UPDATE ${kind.table} SET position = $2, data = $3, archived = $4, version = $5 WHERE id = $1`, [row.id, row.position, JSON.stringify(row.data), row.archived, row.version]);
      await audit(tx, { ...who(c, user), action: `${kind.audit}-${action}`, targetType: kind.audit, targetId: row.id, detail: { version: row.version, data: row.data, archived: row.archived } });
      return row;
    }

    const changed = () => {
      if (kind.inFeed) s.publisher.schedule();
    };

    app.get(base, async (c) => {
      requireAdmin(c);
      const { rows } = await s.db.query<EntryRow>(`${select} ORDER BY t.position, t.id`);
      return c.json({ [kind.table]: rows.map(entryOut) });
    });

    app.post(base, async (c) => {
      const user = requireAdmin(c);
      const body = await jsonBody<{ data: Record<string, unknown> & { id?: string; name?: { it?: string } }; position?: number }>(c, kind.table === 'categories' ? 'CategoryWrite' : 'AudienceWrite');
      const id = body.data.id ?? slug(body.data.name?.it ?? '');
      if (!ID.test(id)) {
        throw new HttpError(422, 'Dati non validi', 'Il codice deve avere lettere minuscole, cifre o trattini.', { errors: [{ path: 'data.id', message: 'codice non valido: lettere minuscole, cifre e trattini' }] });
      }
      const row = await s.db.transaction(async (tx) => {
        if ((await tx.query(`SELECT 1 FROM ${kind.table} WHERE id = $1`, [id])).rows.length) throw conflict(`Esiste già ${kind.noun} con il codice «${id}».`);
        const position = body.position ?? ((await tx.query<{ p: number }>(`SELECT coalesce(max(position), 0)::integer + 1 AS p FROM ${kind.table}`)).rows[0]?.p ?? 1);
        const data = { ...body.data, id };
        await tx.query(`INSERT INTO ${kind.table} (id, position, data, archived, version) VALUES ($1, $2, $3, false, 1)`, [id, position, JSON.stringify(data)]);
        await audit(tx, { ...who(c, user), action: `${kind.audit}-created`, targetType: kind.audit, targetId: id, detail: { version: 1, data } });
        return lock(tx, id);
      });
      changed();
      return c.json(tagged(c, entryOut(row), row), 201);
    });

    app.put(`${base}/:id`, async (c) => {
      const user = requireAdmin(c);
      const id = idParam(c);
      const expected = ifMatch(c);
      const body = await jsonBody<{ data: Record<string, unknown> & { id?: string }; position?: number }>(c, kind.table === 'categories' ? 'CategoryWrite' : 'AudienceWrite');
      if (body.data.id !== undefined && body.data.id !== id) {
        throw new HttpError(422, 'Dati non validi', 'Il codice non si cambia: le offerte lo usano. Si può cambiare il nome.', { errors: [{ path: 'data.id', message: 'il codice non si cambia' }] });
      }
      const row = await s.db.transaction(async (tx) => {
        const row = await lock(tx, id);
        if (row.version !== expected) throw conflict(`Nel frattempo qualcun altro ha salvato ${kind.noun} (versione ${row.version}).`, { current: entryOut(row) });
        return write(tx, { ...row, data: { ...body.data, id }, position: body.position ?? row.position, version: row.version + 1 }, c, user, 'saved');
      });
      changed();
      return c.json(tagged(c, entryOut(row), row));
    });

    app.post(`${base}/:id/archive`, async (c) => {
      const user = requireAdmin(c);
      const id = idParam(c);
      const row = await s.db.transaction(async (tx) => {
        const row = await lock(tx, id);
        if (row.archived) throw conflict(`${capital(kind.noun)} è già ${kind.archivedWord}.`);
        if (kind.inFeed && row.in_use > 0) {
          throw conflict(
            `${capital(kind.noun)} è usata da ${row.in_use === 1 ? 'un\'offerta' : `${row.in_use} offerte`}: toglila da quelle offerte (o archiviale), poi archiviala.`,
            { inUse: row.in_use },
          );
        }
        return write(tx, { ...row, archived: true, version: row.version + 1 }, c, user, 'archived');
      });
      changed();
      return c.json(tagged(c, entryOut(row), row));
    });

    app.post(`${base}/:id/restore`, async (c) => {
      const user = requireAdmin(c);
      const id = idParam(c);
      const row = await s.db.transaction(async (tx) => {
        const row = await lock(tx, id);
        if (!row.archived) throw conflict(`${capital(kind.noun)} non è ${kind.archivedWord}.`);
        return write(tx, { ...row, archived: false, version: row.version + 1 }, c, user, 'restored');
      });
      changed();
      return c.json(tagged(c, entryOut(row), row));
    });
  }

  // The territory's comuni: a name, the centre the map starts from, the patron saint's day.
  const comuneSelect = `SELECT t.*, ${comuneInUse('t.name')} AS in_use FROM comuni t`;

  async function lockComune(q: Queryable, id: string): Promise<ComuneRow> {
    const row = (await q.query<ComuneRow>(`${comuneSelect} WHERE t.id = $1 FOR UPDATE OF t`, [id])).rows[0];
    if (!row) throw notFound();
    return row;
  }

  async function writeComune(tx: Queryable, row: ComuneRow, c: Context, user: SessionUser, action: string): Promise<ComuneRow> {
    await tx.query('UPDATE comuni SET name = $2, lat = $3, lon = $4, patron = $5, patron_date = $6, archived = $7, version = $8 WHERE id = $1', [
      row.id,
      row.name,
      row.lat,
      row.lon,
      row.patron,
      row.patron_date,
      row.archived,
      row.version,
    ]);
    const { in_use: _, ...detail } = row;
    await audit(tx, { ...who(c, user), action: `comune-${action}`, targetType: 'comune', targetId: row.id, detail: { ...detail } });
    return lockComune(tx, row.id);
  }

  interface ComuneWrite {
    name: string;
    lat: number;
    lon: number;
    patron?: string | null;
    patronDate?: string | null;
  }

  /** The same name twice would make the form's list and the feed's patron days ambiguous. */
  async function nameFree(q: Queryable, name: string, id: string) {
    const other = (await q.query<{ id: string }>('SELECT id FROM comuni WHERE lower(name) = lower($1) AND id <> $2', [name, id])).rows[0];
    if (other) throw conflict(`Esiste già un comune chiamato «${name}».`);
  }

  /** "02-30" passes the pattern but is no day. */
  function checkPatronDate(date: string | null | undefined) {
    if (!date) return;
    const [m, d] = date.split('-').map(Number) as [number, number];
    const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
    if (d < 1 || d > days) throw new HttpError(422, 'Dati non validi', 'La data del santo patrono non esiste.', { errors: [{ path: 'patronDate', message: 'giorno inesistente' }] });
  }

  app.get('/api/comuni', async (c) => {
    requireAdmin(c);
    const { rows } = await s.db.query<ComuneRow>(`${comuneSelect} ORDER BY t.name`);
    return c.json({ comuni: rows.map(comuneOut) });
  });

  app.post('/api/comuni', async (c) => {
    const user = requireAdmin(c);
    const body = await jsonBody<ComuneWrite>(c, 'ComuneWrite');
    const name = body.name.trim();
    const id = slug(name);
    if (!ID.test(id)) throw new HttpError(422, 'Dati non validi', 'Il nome del comune deve contenere lettere.', { errors: [{ path: 'name', message: 'nome non valido' }] });
    checkPatronDate(body.patronDate);
    const row = await s.db.transaction(async (tx) => {
      if ((await tx.query('SELECT 1 FROM comuni WHERE id = $1', [id])).rows.length) throw conflict(`Esiste già un comune con il codice «${id}».`);
      await nameFree(tx, name, id);
      await tx.query('INSERT INTO comuni (id, name, lat, lon, archived, version) VALUES ($1, $2, $3, $4, false, 0)', [id, name, body.lat, body.lon]);
      const row = await lockComune(tx, id);
      return writeComune(tx, { ...row, patron: body.patron?.trim() || null, patron_date: body.patronDate || null, version: 1 }, c, user, 'created');
    });
    s.publisher.schedule();
    return c.json(tagged(c, comuneOut(row), row), 201);
  });

  app.put('/api/comuni/:id', async (c) => {
    const user = requireAdmin(c);
    const id = idParam(c);
    const expected = ifMatch(c);
    const body = await jsonBody<ComuneWrite>(c, 'ComuneWrite');
    const name = body.name.trim();
    checkPatronDate(body.patronDate);
    const row = await s.db.transaction(async (tx) => {
      const row = await lockComune(tx, id);
      if (row.version !== expected) throw conflict(`Nel frattempo qualcun altro ha salvato questo comune (versione ${row.version}).`, { current: comuneOut(row) });
      await nameFree(tx, name, id);
      return writeComune(tx, { ...row, name, lat: body.lat, lon: body.lon, patron: body.patron?.trim() || null, patron_date: body.patronDate || null, version: row.version + 1 }, c, user, 'saved');
    });
    s.publisher.schedule();
    return c.json(tagged(c, comuneOut(row), row));
  });

  for (const [verb, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(`/api/comuni/:id/${verb}`, async (c) => {
      const user = requireAdmin(c);
      const id = idParam(c);
      const row = await s.db.transaction(async (tx) => {
        const row = await lockComune(tx, id);
        if (row.archived === archived) throw conflict(archived ? 'Il comune è già archiviato.' : 'Il comune non è archiviato.');
        return writeComune(tx, { ...row, archived, version: row.version + 1 }, c, user, archived ? 'archived' : 'restored');
      });
      s.publisher.schedule();
      return c.json(tagged(c, comuneOut(row), row));
    });
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
