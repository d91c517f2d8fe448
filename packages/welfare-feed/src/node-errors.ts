/**
 * Node's own error texts ("ENOENT: no such file or directory, open 'x'", "Unexpected
 * token } in JSON at position 41") are English and written for programmers. The common
 * ones are said here in the report's language, with what to do; an uncommon one keeps
 * Node's text, so nothing is hidden.
 */
import { word, type Lang } from './messages.js';

export interface Explained {
  /** Why, in the chosen language; empty when only Node's text can say it. */
  reason: string;
  /** Node's own text, kept only when the reason could not be put in words here. */
  detail?: string;
}

const nodeText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Why a file could not be read (readFileSync, statSync...). */
export function explainFileError(e: unknown, lang: Lang): Explained {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { reason: word(lang, 'fileMissing') };
    case 'EISDIR':
      return { reason: word(lang, 'isFolder') };
    case 'ENOTDIR':
      return { reason: word(lang, 'notDirOnPath') };
    case 'EACCES':
    case 'EPERM':
      return { reason: word(lang, 'noReadPermission') };
    default:
      return { reason: '', detail: nodeText(e) };
  }
}

/** Line and column (from 1) of a character offset, as editors count them. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** Why JSON.parse refused a text: where (line and column, and the text there), or that it ends too soon. */
export function explainJsonError(e: unknown, text: string, lang: Lang): Explained {
  const message = nodeText(e);
  const at = /at position (\d+)/.exec(message);
  if (!text.trim()) return { reason: word(lang, 'jsonEmpty') };
  const offset = at ? Number(at[1]) : undefined;
  if (/end of (JSON|data)/i.test(message) || (offset !== undefined && offset >= text.trimEnd().length)) return { reason: word(lang, 'jsonEnds') };
  if (offset !== undefined) {
    const { line, column } = lineColumn(text, offset);
    const near = text.slice(Math.max(0, offset - 20), offset + 20).replace(/\s+/g, ' ').trim();
    // The two slips people make most by hand, named; V8's wording is the only clue.
    const hint = /Expected ','/.test(message) ? word(lang, 'jsonHintComma') : /property name/.test(message) ? word(lang, 'jsonHintName') : '';
    return { reason: `${word(lang, 'jsonAt', { line, column, near })}${hint ? ` ${hint}` : ''}` };
  }
  return { reason: '', detail: message };
}
