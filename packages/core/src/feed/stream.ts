/**
 * Reads a feed while it downloads. A regional feed is tens of megabytes, almost all of it
 * the `services` array; `response.json()` waits for the last byte, then parses and the
 * reader walks 50,000 entries, all after the download. Here the text is scanned as it
 * arrives (only to find where each entry of the top-level `services` array ends: strings,
 * depth, commas), complete entries are parsed in batches by the native `JSON.parse`, and
 * each batch goes to the reader at once. When the last byte arrives, only the envelope
 * (every other field, with `services` emptied) is left to parse, and it is small.
 *
 * JSON syntax is still checked by JSON.parse, batch by batch and on the envelope; the
 * scanner checks the commas between entries, which no batch sees. Any other top-level
 * shape (not an object, `services` not an array) simply stays in the envelope.
 */

/** What the splitter hands over. */
export interface SplitterSink {
  /** A top-level "services" array starts (again, if the key repeats). */
  beginServices(): void;
  /** The next entries of that array, parsed. */
  addServices(entries: unknown[]): void;
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Where the string that is open at `from` ends: the next quote that an even number of
 * backslashes precede, or -1 when it goes on past the text. The count stops at the
 * opening quote, which `text` always still holds (compact() keeps it).
 */
function closingQuote(text: string, from: number): number {
  for (let q = text.indexOf('"', from); q >= 0; q = text.indexOf('"', q + 1)) {
    let slashes = 0;
    for (let b = q - 1; text.charCodeAt(b) === BACKSLASH; b--) slashes++;
    if ((slashes & 1) === 0) return q;
  }
  return -1;
}

/** Batches are parsed once this many characters of complete entries have gathered. */
const BATCH_CHARS = 64 * 1024;

export class FeedSplitter {
  /** Text not yet consumed. */
  private text = '';
  private pos = 0;
  private depth = 0;
  private inString = false;
  private stringStart = 0;
  /** Top level: the next string at depth 1 is a key. */
  private expectKey = false;
  private keyStart = -1;
  /** The key just read was "services": its value decides whether we stream. */
  private servicesKey = false;
  private awaitingValue = false;
  /** Inside the streamed array: depth 2 is between its entries. */
  private inServices = false;
  private entryStart = -1;
  /** After an entry: a comma or the closing bracket must come next. */
  private afterEntry = false;
  private afterComma = false;
  /** Complete entries not yet parsed: text[batchStart, batchEnd). */
  private batchStart = -1;
  private batchEnd = -1;
  /** The envelope: everything outside the streamed entries. */
  private envelope = '';
  private envelopeFrom = 0;
  /** Characters dropped from the front of `text`, for positions in error messages. */
  private dropped = 0;

  constructor(private readonly sink: SplitterSink) {}

  /** Feeds the next decoded piece of text. Throws SyntaxError on JSON it can already tell is broken. */
  push(chunk: string): void {
    this.text += chunk;
    this.scan();
    this.flushBatch(false);
    this.compact();
  }

  /** The end of the text: returns the envelope, parsed (JSON.parse throws on bad JSON). */
  end(): unknown {
    if (this.inServices || this.inString) throw new SyntaxError('Unexpected end of JSON input');
    this.flushBatch(true);
    this.envelope += this.text.slice(this.envelopeFrom);
    this.text = '';
    return JSON.parse(this.envelope);
  }

  private scan(): void {
    const text = this.text;
    const n = text.length;
    let i = this.pos;
    while (i < n) {
      if (this.inString) {
        const q = closingQuote(text, i);
        if (q < 0) {
          i = n;
          break;
        }
        i = q + 1;
        this.inString = false;
        if (this.keyStart >= 0) {
          this.servicesKey = text.slice(this.keyStart + 1, q) === 'services';
          this.keyStart = -1;
        }
        if (this.inServices && this.depth === 2) this.endEntry(i);
        continue;
      }
      if (this.inServices && this.depth > 2) {
        i = this.skipInsideEntry(text, i, n);
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      if (this.inServices && this.depth === 2) {
        if (c === COMMA || c === CLOSE_BRACKET) {
          if (this.entryStart >= 0) this.endEntry(i); // a number or literal ends here
          if (c === COMMA) {
            if (!this.afterEntry) throw new SyntaxError(`Unexpected "," in "services" at ${this.dropped + i}`);
            this.afterEntry = false;
            this.afterComma = true;
          } else {
            if (this.afterComma) throw new SyntaxError(`Unexpected "]" after "," in "services" at ${this.dropped + i}`);
            this.closeServices(i);
          }
          i++;
          continue;
        }
        if (this.entryStart < 0) {
          if (this.afterEntry) throw new SyntaxError(`Missing "," between entries of "services" at ${this.dropped + i}`);
          this.entryStart = i;
          this.afterComma = false;
          if (this.batchStart < 0) this.batchStart = i;
        }
      }
      if (c === QUOTE) {
        this.inString = true;
        this.stringStart = i;
        if (this.depth === 1 && this.expectKey) {
          this.keyStart = i;
          this.expectKey = false;
        }
        i++;
        continue;
      }
      if (this.depth === 1 && this.awaitingValue) {
        this.awaitingValue = false;
        if (this.servicesKey && c === OPEN_BRACKET) {
          this.openServices(i);
          i++;
          continue;
        }
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.depth++;
        if (this.depth === 1) {
          // Not an object: no keys, no streaming; it all stays in the envelope for JSON.parse.
          this.expectKey = c === OPEN_BRACE;
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.inServices && this.depth === 2) this.endEntry(i + 1);
      } else if (this.depth === 1) {
        if (c === COLON) this.awaitingValue = true;
        else if (c === COMMA) {
          this.expectKey = true;
          this.servicesKey = false;
        }
      }
      i++;
    }
    this.pos = i;
  }

  /**
   * The hot loop: inside an entry only strings and depth matter, until the entry closes.
   * Kept apart, with locals only, because it sees nearly every character of the feed.
   */
  private skipInsideEntry(text: string, from: number, n: number): number {
    let depth = this.depth;
    let i = from;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const q = closingQuote(text, i + 1);
        if (q < 0) {
          // The string goes on in the next piece of text.
          this.inString = true;
          this.stringStart = i;
          i = n;
          break;
        }
        i = q + 1;
        continue;
      }
      i++;
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 2) {
          this.endEntry(i);
          break;
        }
      }
    }
    this.depth = depth;
    return i;
  }

  private openServices(at: number): void {
    // The envelope keeps `"services": [` ... `]` with nothing between.
    this.envelope += this.text.slice(this.envelopeFrom, at + 1);
    this.inServices = true;
    this.servicesKey = false;
    this.depth = 2;
    this.entryStart = -1;
    this.afterEntry = false;
    this.afterComma = false;
    this.sink.beginServices();
  }

  private closeServices(at: number): void {
    this.flushBatch(true);
    this.inServices = false;
    this.depth = 1;
    this.envelopeFrom = at;
  }

  private endEntry(end: number): void {
    this.entryStart = -1;
    this.afterEntry = true;
    this.batchEnd = end;
  }

  private flushBatch(all: boolean): void {
    if (this.batchStart < 0 || this.batchEnd <= this.batchStart) return;
    if (!all && this.batchEnd - this.batchStart < BATCH_CHARS) return;
    const entries = JSON.parse(`[${this.text.slice(this.batchStart, this.batchEnd)}]`) as unknown[];
    this.batchStart = this.entryStart; // the entry under way, if any, opens the next batch
    this.batchEnd = -1;
    this.sink.addServices(entries);
  }

  /** Drops text nobody needs any more, so memory holds one batch, not the whole feed. */
  private compact(): void {
    let keep = this.pos;
    if (this.inServices) {
      if (this.batchStart >= 0) keep = Math.min(keep, this.batchStart);
      if (this.entryStart >= 0) keep = Math.min(keep, this.entryStart);
    } else {
      this.envelope += this.text.slice(this.envelopeFrom, this.pos);
      this.envelopeFrom = this.pos;
    }
    if (this.inString) keep = Math.min(keep, this.stringStart);
    if (this.keyStart >= 0) keep = Math.min(keep, this.keyStart);
    if (!this.inServices) keep = Math.min(keep, this.envelopeFrom);
    if (keep <= 0) return;
    this.text = this.text.slice(keep);
    this.dropped += keep;
    this.pos -= keep;
    this.stringStart -= keep;
    this.envelopeFrom -= keep;
    if (this.keyStart >= 0) this.keyStart -= keep;
    if (this.entryStart >= 0) this.entryStart -= keep;
    if (this.batchStart >= 0) this.batchStart -= keep;
    if (this.batchEnd >= 0) this.batchEnd -= keep;
  }
}
