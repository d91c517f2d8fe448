/**
 * A hub for tests: a fresh database (PGlite in memory, or the server in DATABASE_URL),
 * a clock the test moves, organisations and people, and clients that keep their own
 * cookie and CSRF token like a browser tab. No port is opened: requests go through
 * Hono's `app.request()`. Every answer is checked against openapi.yaml.
 */
import { configure, createHub, hashPassword } from '../../dist/index.js';
import { checkAnswer } from './openapi.mjs';
import { testDb, emptyDb } from './db.mjs';

export const PASSWORD = 'una password lunga e sicura';

/** A clock that stands still until told to move. */
export function fakeClock(start = '2026-11-02T09:00:00Z') {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
  };
}

export class Client {
  constructor(hub, { address = '192.0.2.10' } = {}) {
    this.hub = hub;
    this.address = address;
    this.cookie = undefined;
    this.csrf = undefined;
  }

  /** One request; JSON in and out. `csrf: false` leaves the header out. */
  async request(method, path, { body, headers = {}, csrf = true, rawBody } = {}) {
    const h = { ...headers };
    if (body !== undefined) h['content-type'] ??= 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (csrf && this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    const init = { method, headers: h };
    if (rawBody !== undefined) init.body = rawBody;
    else if (body !== undefined) init.body = JSON.stringify(body);
    const res = await this.hub.app.request(path, init, { incoming: { socket: { remoteAddress: this.address } } });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      const value = pair.slice(pair.indexOf('=') + 1);
      this.cookie = value && !/Max-Age=0/i.test(setCookie) ? pair : undefined;
      this.setCookie = setCookie;
    }
    const type = res.headers.get('content-type') ?? '';
    const text = await res.text();
    const json = /json/.test(type) && text ? JSON.parse(text) : undefined;
    if (!path.startsWith('/gestione')) checkAnswer(method, path, res.status, type, json);
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: res.status, headers: res.headers, body: json, text };
  }

  get = (path, o) => this.request('GET', path, o);
  post = (path, body, o = {}) => this.request('POST', path, { ...o, body });
  put = (path, body, o = {}) => this.request('PUT', path, { ...o, body });
  patch = (path, body, o = {}) => this.request('PATCH', path, { ...o, body });
  delete = (path, o) => this.request('DELETE', path, o);

  async login(email, password = PASSWORD) {
    const r = await this.post('/api/session', { email, password });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${r.text}`);
    return this;
  }
}

let hashed;
/** One argon2 hash for every seeded person (hashing is slow on purpose). */
const passwordHash = async () => (hashed ??= await hashPassword(PASSWORD));

/**
 * The test world: the office (admin), two organisations with an editor each (Caritas,
 * untrusted; Comune di Lodi, trusted), the office's categories.
 */
export async function seed(db) {
  const hash = await passwordHash();
  await db.query(`INSERT INTO organisations (id, name, kind, trusted) VALUES
    ('caritas', 'Caritas Lodigiana', 'third-sector', false),
    ('comune-lodi', 'Comune di Lodi', 'public', true)`);
  await db.query(
    `INSERT INTO users (id, email, name, role, organisation_id, password_hash) VALUES
      ('u-admin', 'ufficio@piano.example', 'Ufficio di Piano', 'admin', NULL, $1),
      ('u-caritas', 'editor@caritas.example', 'Anna Caritas', 'editor', 'caritas', $1),
      ('u-caritas-2', 'altro@caritas.example', 'Bruno Caritas', 'editor', 'caritas', $1),
      ('u-comune', 'editor@comune.example', 'Carla Comune', 'editor', 'comune-lodi', $1)`,
    [hash],
  );
  await db.query(`INSERT INTO categories (id, position, data) VALUES
    ('casa', 1, '{"id":"casa","name":{"it":"Casa","en":"Housing"}}'),
    ('cibo', 2, '{"id":"cibo","name":{"it":"Cibo","en":"Food"}}')`);
  await db.query(`INSERT INTO comuni (id, name, lat, lon) VALUES ('lodi', 'Lodi', 45.3138, 9.5018), ('codogno', 'Codogno', 45.16, 9.705)`);
}

/** A service object as an editor would send it. */
export const service = (name = 'Emporio solidale', extra = {}) => ({
  name,
  description: 'Spesa gratuita per famiglie in difficoltà.',
  categories: ['cibo'],
  locations: [{ address: 'Via Roma 1', comune: 'Lodi', lat: 45.3138, lon: 9.5018, hours: 'Mo-Fr 09:00-12:00' }],
  phone: '0371 000000',
  validFrom: '2026-01-01',
  validThrough: '2027-12-31',
  ...extra,
});

/**
 * Opens one database for a test file; `fresh()` empties it, seeds it and builds a new hub
 * (new clock, new throttles) for each test.
 */
export async function hubFixture(configOverrides = {}) {
  const db = await testDb();
  let last;
  return {
    db,
    /** `wrap`: gives the hub another view of the database (a test that counts its statements). */
    async fresh(overrides = {}, { wrap = (d) => d } = {}) {
      // The previous test's hub may still be publishing: let it end before emptying the tables.
      await last?.publisher.idle();
      last?.stop();
      await emptyDb(db);
      await seed(db);
      const clock = fakeClock();
      const config = configure({ now: clock.now, ...configOverrides, ...overrides });
      const hub = await createHub(wrap(db), config, { timer: false, pagesDir: '/nonexistent' });
      last = hub;
      const client = (options) => new Client(hub, options);
      return {
        hub,
        db,
        clock,
        client,
        admin: () => client().login('ufficio@piano.example'),
        caritas: () => client().login('editor@caritas.example'),
        comune: () => client().login('editor@comune.example'),
      };
    },
    async close() {
      await last?.publisher.idle();
      await db.close();
    },
  };
}
