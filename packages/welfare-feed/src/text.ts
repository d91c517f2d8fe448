/**
 * Reading files as people save them, and scanning parsed JSON without recursion.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Windows-1252 bytes 0x80–0x9F (€, curly quotes, dashes, Š, Ÿ ...). Node's TextDecoder
 * reads "windows-1252" as ISO-8859-1, which turns them into invisible control characters,
 * so they are mapped here; 0x81, 0x8D, 0x8F, 0x90, 0x9D are unused and kept as they are.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

/**
 * Bytes → text. UTF-8 (with or without BOM) when the bytes are valid UTF-8; UTF-16 when
 * they start with its BOM (Excel's "Unicode text"); otherwise Windows-1252, which is what
 * Excel's plain "CSV" still writes on Italian office PCs. Never U+FFFD: every byte of
 * Windows-1252 stands for a character.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: UTF8.decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
  }
}

/** How deep a feed may nest: the real format needs 5 levels, 64 leaves room for extensions. */
export const MAX_DEPTH = 64;

export interface JsonScan {
  /** Deepest nesting met (stops counting past MAX_DEPTH). */
  tooDeep: boolean;
  /** JSON paths of strings holding U+FFFD, the mark of text decoded with the wrong encoding. */
  replacement: Array<{ path: string; value: string }>;
}

/** A place in the JSON, spelt out only when something is found there. */
interface Place {
  parent: Place | undefined;
  key: string | number;
}

function spell(place: Place | undefined, child: (path: string, key: string | number) => string): string {
  const keys: Array<string | number> = [];
  for (let p = place; p; p = p.parent) keys.push(p.key);
  return keys.reverse().reduce<string>((path, key) => child(path, key), '$');
}

/**
 * Walks a parsed JSON value with an explicit stack (JSON.parse accepts 100,000 nested
 * arrays; a recursive walk, Ajv or JSON.stringify would overflow on them). Only objects
 * and arrays go on the stack, each with its place: a 34 MB feed has a million strings and
 * numbers, and allocating a place for each was most of the walk's time.
 */
export function scanJson(value: unknown, child: (path: string, key: string | number) => string): JsonScan {
  const scan: JsonScan = { tooDeep: false, replacement: [] };
  // Containers, and the rare damaged string, in the order they are met.
  type Entry = [object | string, Place | undefined, number];
  const stack: Entry[] = [];
  const worthVisiting = (v: unknown): v is object | string => (typeof v === 'string' ? v.includes('\uFFFD') : typeof v === 'object' && v !== null);
  if (worthVisiting(value)) stack.push([value, undefined, 0]);
  while (stack.length) {
    const [v, place, depth] = stack.pop()!;
    if (typeof v === 'string') {
      scan.replacement.push({ path: spell(place, child), value: v });
      continue;
    }
    if (depth >= MAX_DEPTH) {
      scan.tooDeep = true;
      continue;
    }
    const found: Entry[] = [];
    if (Array.isArray(v)) {
      v.forEach((item: unknown, i) => {
        if (worthVisiting(item)) found.push([item, { parent: place, key: i }, depth + 1]);
      });
    } else {
      for (const key of Object.keys(v)) {
        const item = (v as Record<string, unknown>)[key];
        if (worthVisiting(item)) found.push([item, { parent: place, key }, depth + 1]);
      }
    }
    // Pushed in reverse, popped in order: findings come in document order.
    for (let i = found.length - 1; i >= 0; i--) stack.push(found[i]!);
  }
  return scan;
}
