import { randomInt, randomUUID } from 'node:crypto';
import { audit } from '../audit.js';
import { hashPassword } from '../auth/passwords.js';
import type { Db } from '../db/db.js';
import { importFeed } from './import.js';

/**
 * The demo hub of `npm start`: on first start (no organisation and no account yet) the
 * demo feed goes in as published, the comuni where its services are become the territory
 * (centre: the mean of the places there), and two accounts are made, an office admin and an
 * editor of one association, each with a new random password that start prints.
 */
export interface DemoAccount {
  role: 'admin' | 'editor';
  email: string;
  name: string;
  password: string;
  organisationId: string | null;
}

export interface DemoOptions {
  /** The demo feed (examples/data/servizi.json). */
  feed: { file: string; text: string };
  /** The association whose editor the second account is. */
  organisationId: string;
}

/** True when the database has neither organisations nor accounts: a first start. */
export async function isEmpty(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT (SELECT count(*) FROM organisations) + (SELECT count(*) FROM users) AS n');
  return Number(rows[0]?.n ?? 0) === 0;
}

export async function seedDemo(db: Db, options: DemoOptions): Promise<DemoAccount[]> {
  const imported = await importFeed(db, [options.feed], { state: 'published' });
  if (!imported.written) {
    const first = imported.issues.find((i) => i.severity === 'error');
    throw new Error(`Il feed dimostrativo non si importa: ${first?.message ?? 'errori'}`);
  }
  const accounts: DemoAccount[] = [
    { role: 'admin', email: 'ufficio@demo.invalid', name: 'Ufficio di Piano (demo)', password: demoPassword(), organisationId: null },
    { role: 'editor', email: 'associazione@demo.invalid', name: 'Redazione associazione (demo)', password: demoPassword(), organisationId: options.organisationId },
  ];
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));
  await db.transaction(async (tx) => {
    const org = await tx.query('SELECT 1 FROM organisations WHERE id = $1', [options.organisationId]);
    if (!org.rows.length) throw new Error(`L'organizzazione ${options.organisationId} non è nel feed dimostrativo.`);
    for (const [i, a] of accounts.entries()) {
      const id = randomUUID();
      await tx.query(
        'INSERT INTO users (id, email, name, role, organisation_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, a.email, a.name, a.role, a.organisationId, hashes[i]],
      );
      await audit(tx, { at: new Date(), action: 'demo-account', targetType: 'user', targetId: id, detail: { role: a.role, organisationId: a.organisationId } });
    }
    // The territory: each comune of the demo places, at the mean of its places.
    await tx.query(
      `INSERT INTO comuni (id, name, lat, lon)
       SELECT lower(regexp_replace(l->>'comune', '[^[:alnum:]]+', '-', 'g')), l->>'comune', avg((l->>'lat')::float8), avg((l->>'lon')::float8)
       FROM services s, jsonb_array_elements(s.data->'locations') l
       WHERE l->>'comune' IS NOT NULL AND l ? 'lat' AND l ? 'lon'
       GROUP BY l->>'comune'
       ON CONFLICT (id) DO NOTHING`,
    );
    // The demo feed's patron saint days belong to its comuni (they go back into the feed from there).
    for (const p of patronDays(options.feed.text)) {
      await tx.query('UPDATE comuni SET patron = $2, patron_date = $3 WHERE name = $1', [p.comune, p.name ?? null, p.date]);
    }
    // Mutual aid (issue 19): the demo association mediates every comune, so the public
    // form (/gestione/aiuto.html) works on a first start.
    await tx.query(
      `INSERT INTO mutual_aid_mediators (organisation_id, comune) SELECT $1, name FROM comuni ON CONFLICT DO NOTHING`,
      [options.organisationId],
    );
    // The audiences the form offers: those the demo services use (names: the elements' own).
    await tx.query(
      `INSERT INTO audiences (id, position, data)
       SELECT a, 0, jsonb_build_object('id', a)
       FROM (SELECT DISTINCT a FROM services s, jsonb_array_elements_text(s.data->'audiences') a) d
       ON CONFLICT (id) DO NOTHING`,
    );
  });
  return accounts;
}

/** The feed's `patronDays` extension, the well-formed entries only. */
function patronDays(text: string): { comune: string; date: string; name?: string }[] {
  const list = (JSON.parse(text) as { patronDays?: unknown }).patronDays;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (p): p is { comune: string; date: string; name?: string } =>
      typeof p?.comune === 'string' && typeof p?.date === 'string' && /^\d{2}-\d{2}$/.test(p.date) && (p.name === undefined || typeof p.name === 'string'),
  );
}

/** 16 random characters from an alphabet without look-alikes (0/O, 1/l): easy to type from the terminal. */
function demoPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const pick = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [pick(), pick(), pick(), pick()].join('-');
}
