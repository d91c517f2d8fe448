/**
 * The hub benchmark's HTTP client and CPU clock (bench/hub.mjs).
 *
 * Each editor gets its own `node:http` keep-alive agent with one socket, as each editor's
 * browser would have its own connection. Node's fetch (undici) was the client before: on the
 * same 2 cores as the hub it cost 2.5–5.4 ms of CPU per GET+PUT pair against 1.0–1.7 ms for
 * this one, CPU taken from the hub under test, and its shared connection pool queued
 * requests before they reached the hub (docs/performance.md, "where a save's time goes").
 * The editors' browsers are not on the hub's machine, so the client's CPU is a measuring
 * artefact: the cheaper client measures the hub more faithfully.
 */
import { request as httpRequest, Agent } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** A minimal answer: status, headers (lower-case names), body as text/JSON. */
class Answer {
  constructor(status, headers, body) {
    this.status = status;
    this.headers = new Map(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));
    this.body = body;
  }
  header(name) {
    const value = this.headers.get(name);
    return Array.isArray(value) ? value.join(', ') : value;
  }
  /** The body as text, decompressed when the server compressed it (the feed, asked with Accept-Encoding). */
  text() {
    const encoding = this.header('content-encoding');
    const body = encoding === 'br' ? brotliDecompressSync(this.body) : encoding === 'gzip' ? gunzipSync(this.body) : this.body;
    return body.toString('utf8');
  }
  json() {
    return JSON.parse(this.text());
  }
}

function once(agent, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((ok, fail) => {
    const req = httpRequest(url, { agent, method, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok(new Answer(res.statusCode, res.headers, Buffer.concat(chunks))));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

/**
 * A client with its own connection. A request is sent once more when the connection drops
 * before an answer (a kept-alive socket the server closed as the request went out); safe for
 * saves too: they carry If-Match, so a save that did happen answers 409 the second time and
 * is counted as a conflict. `retried` counts those.
 */
export function client(base) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const send = async (path, init) => {
    try {
      return await once(agent, `${base}${path}`, init);
    } catch {
      send.retried++;
      return once(agent, `${base}${path}`, init);
    }
  };
  send.retried = 0;
  send.close = () => agent.destroy();
  return send;
}

/** An editor opens an offer: its current version and data, as the editor page reads them. */
export async function openOffer(api, id) {
  return (await api(`/api/offers/${id}`)).json();
}

/**
 * An editor saves an opened offer with a changed description (`mark` says which save it
 * was): the PUT with If-Match, timed from the moment it is sent to its answer.
 */
export async function saveOffer(api, offer, mark) {
  const description = `${typeof offer.data.description === 'string' ? offer.data.description : ''} ${mark}`;
  const began = performance.now();
  const response = await api(`/api/offers/${offer.id}`, {
    method: 'PUT',
    headers: { 'if-match': `"${offer.version}"` },
    body: JSON.stringify({ data: { ...offer.data, description } }),
  });
  return { ms: performance.now() - began, status: response.status };
}

const TICK = 100; // USER_HZ on Linux: /proc counts CPU time in 1/100 s.

/**
 * CPU time (user + system, ms) a process has used so far, from /proc; undefined elsewhere.
 * With `thread`, only that thread's: `cpuMs(pid, pid)` is the process's main thread.
 */
export function cpuMs(pid, thread) {
  try {
    const fields = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICK;
  } catch {
    return undefined;
  }
}

const parentOf = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1];

/**
 * The pid of a local PostgreSQL server's postmaster, from the pid of one of its connections
 * (`SELECT pg_backend_pid()`); undefined when the server is not on this machine.
 */
export function postmasterOf(backendPid) {
  try {
    return parentOf(backendPid);
  } catch {
    return undefined;
  }
}

/** CPU time (ms) of a local PostgreSQL server: its postmaster and every child (backends, WAL writer, ...). */
/**
 * The machine's CPU ticks so far, all and stolen: on a virtual machine "steal" is time its
 * cores were ready to run but the host ran another guest. It slows every figure here without
 * showing in any process's CPU time, so the report gives its share during the saves.
 */
export function machineTicks() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const n = fields.map(Number);
    return { total: n.slice(0, 8).reduce((a, b) => a + b, 0), steal: n[7] ?? 0 };
  } catch {
    return undefined;
  }
}

export function serverCpuMs(postmaster) {
  if (postmaster === undefined) return undefined;
  let total = cpuMs(postmaster) ?? 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentOf(entry) === postmaster) total += cpuMs(entry) ?? 0;
    } catch {
      // The process ended while the list was read.
    }
  }
  return total;
}
