import { FeedError, FeedReader } from './reader.js';
import type { FeedSplitter } from './stream.js';
import type { ReadResult } from './types.js';

export interface LoadOptions {
  /** Aborts this caller's wait; the request itself stops when every caller has aborted. */
  readonly signal?: AbortSignal;
  /** Milliseconds before the request is given up. */
  readonly timeout?: number;
}

export const DEFAULT_TIMEOUT = 20_000;

interface Pending {
  readonly promise: Promise<ReadResult>;
  readonly controller: AbortController;
  waiting: number;
  settled: boolean;
}

/** One request per feed URL per page, shared by every element (CONTRACT §2 `src`). */
const requests = new Map<string, Pending>();

/** The absolute URL a `src` stands for, which is also its cache key. */
export function feedUrl(src: string): string {
  return new URL(src, document.baseURI).href;
}

/**
 * Fetches and reads a feed once per URL. Each caller may abort its own wait; the
 * request is cancelled only when nobody is left waiting for it. A failed request is
 * forgotten so that a later attempt (a "Riprova" button) fetches again.
 */
export function loadFeed(src: string, options: LoadOptions = {}): Promise<ReadResult> {
  const url = feedUrl(src);
  let pending = requests.get(url);
  if (!pending) {
    pending = start(url, options.timeout ?? DEFAULT_TIMEOUT);
    requests.set(url, pending);
  }
  return follow(url, pending, options.signal);
}

/** Drops every cached feed; for tests and for pages that reload data on purpose. */
export function forgetFeeds(): void {
  requests.clear();
}

function start(url: string, timeout: number): Pending {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new FeedError('timeout', `No answer from ${url} within ${timeout} ms.`)), timeout);
  const promise = fetchAndRead(url, controller.signal).finally(() => clearTimeout(timer));
  const pending: Pending = { promise, controller, waiting: 0, settled: false };
  promise.then(
    () => (pending.settled = true),
    () => {
      pending.settled = true;
      if (requests.get(url) === pending) requests.delete(url);
    },
  );
  return pending;
}

async function fetchAndRead(url: string, signal: AbortSignal): Promise<ReadResult> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (error) {
    if (signal.reason instanceof FeedError) throw signal.reason;
    if (signal.aborted) throw signal.reason;
    if (isCrossOrigin(url) && navigator.onLine !== false) {
      corsHint(url);
      throw new FeedError('cors', `The feed ${url} could not be fetched from this page (CORS?): ${String(error)}`);
    }
    throw new FeedError('network', `The feed ${url} could not be fetched: ${String(error)}`);
  }
  if (!response.ok) {
    throw new FeedError('http', `The feed ${url} answered HTTP ${response.status}.`, response.status);
  }
  const reader = new FeedReader();
  let envelope: unknown;
  try {
    // A large feed is parsed and read while the rest downloads (feed/stream.ts).
    envelope = response.body ? await readBody(response.body, reader) : await response.json();
  } catch (error) {
    if (signal.reason instanceof FeedError) throw signal.reason;
    if (signal.aborted) throw signal.reason;
    throw new FeedError('json', `The feed ${url} is not valid JSON: ${String(error)}`);
  }
  const result = reader.finish(envelope);
  // For benchmarks and the performance panel: when a feed became usable.
  performance.mark?.('welfare-feed:read');
  report(url, result);
  return result;
}

function isCrossOrigin(url: string): boolean {
  return new URL(url).origin !== location.origin;
}

const hinted = new Set<string>();

/**
 * A feed on another site that fails while the browser is online is most often refused by
 * the browser because that server does not allow other sites to read it (CORS). The
 * browser's own console error says little to a webmaster: say once what to change.
 */
function corsHint(url: string): void {
  if (hinted.has(url)) return;
  hinted.add(url);
  console.warn(
    `[welfare-elements] ${url} is on another site and could not be read while the browser is online: ` +
      `most likely its server does not send "Access-Control-Allow-Origin: *" (CORS). ` +
      `See docs/come-inserire-i-servizi.md, section 4.`,
  );
}

/**
 * Past this many characters a feed is read while it downloads. A smaller one (the demo
 * feed is 77 KB) is parsed at once in a few milliseconds, and its page does not fetch the
 * splitter (1.2 KB gzip, its own chunk; issue 14). The size is seen in the body itself:
 * servers that compress on the fly send no Content-Length.
 */
const STREAM_FROM = 256 * 1024;

/**
 * Decodes the body as it arrives; returns the parsed envelope. Once the text passes
 * `STREAM_FROM`, the splitter is fetched and takes what came so far and the rest.
 */
async function readBody(body: ReadableStream<Uint8Array>, reader: FeedReader): Promise<unknown> {
  const decoder = new TextDecoder();
  const stream = body.getReader();
  let text = '';
  let splitter: FeedSplitter | undefined;
  try {
    for (;;) {
      const { done, value } = await stream.read();
      if (done) break;
      const part = decoder.decode(value, { stream: true });
      if (splitter) {
        splitter.push(part);
        continue;
      }
      text += part;
      if (text.length > STREAM_FROM) {
        splitter = new (await import('./stream.js')).FeedSplitter(reader);
        splitter.push(text);
        text = '';
      }
    }
    const rest = decoder.decode();
    if (!splitter) return JSON.parse(text + rest);
    splitter.push(rest);
    return splitter.end();
  } catch (error) {
    stream.cancel().catch(() => undefined);
    throw error;
  }
}

/** One console warning per feed, with a summary, so publishers can find bad entries. */
export function report(source: string, result: ReadResult): void {
  if (!result.issues.length) return;
  const dropped = result.issues.filter((i) => i.dropped).length;
  console.warn(
    `[welfare-elements] ${source}: ${dropped} entries skipped, ${result.issues.length - dropped} fields removed.`,
    result.issues.slice(0, 50),
  );
}

function follow(url: string, pending: Pending, signal?: AbortSignal): Promise<ReadResult> {
  if (!signal) {
    // A caller that cannot abort keeps the request alive until it settles.
    pending.waiting++;
    pending.promise.finally(() => pending.waiting--).catch(() => undefined);
    return pending.promise;
  }
  if (signal.aborted) return Promise.reject(signal.reason);
  pending.waiting++;
  return new Promise<ReadResult>((resolve, reject) => {
    const onAbort = () => {
      pending.waiting--;
      if (pending.waiting === 0 && !pending.settled) {
        pending.controller.abort();
        if (requests.get(url) === pending) requests.delete(url);
      }
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        pending.waiting--;
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        pending.waiting--;
        reject(error);
      },
    );
  });
}
