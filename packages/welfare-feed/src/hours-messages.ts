/**
 * The opening_hours library explains problems in English, German or French only. Its
 * notes look like `lun-ven 9-12 <--- (Time range without minutes specified. ...)`: the
 * value up to the problem, then the explanation. For Italian output the explanation is
 * replaced by our own sentence (or a plain one when we have none), so an Italian report
 * never switches to English halfway.
 */
import type { Lang } from './messages.js';

type Rewrite = [RegExp, (m: RegExpExecArray) => string];

const ENGLISH_DAYS = 'Mo, Tu, We, Th, Fr, Sa, Su';

/** Italian day names and abbreviations → the English abbreviation the syntax wants. */
const ITALIAN_DAYS: ReadonlyArray<[RegExp, string]> = [
  [/^lu/i, 'Mo'], [/^ma/i, 'Tu'], [/^me/i, 'We'], [/^gi/i, 'Th'], [/^ve/i, 'Fr'], [/^sa/i, 'Sa'], [/^do/i, 'Su'],
];

function italianDay(word: string): string | undefined {
  return ITALIAN_DAYS.find(([re]) => re.test(word))?.[1];
}

const IT: readonly Rewrite[] = [
  [/^Please use the English (?:abbreviation|written) "([^"]+)" for "([^"]+)"\.?$/, (m) => `scrivi «${m[1]}» (giorni e mesi in inglese) invece di «${m[2]}».`],
  [/^Word "([^"]+)" is ambiguous/, (m) => {
    const day = italianDay(m[1]!);
    return `scrivi i giorni in inglese abbreviato (${ENGLISH_DAYS})${day ? `: «${day}» invece di «${m[1]}»` : ''}.`;
  }],
  [/^Token "([^"]+)" is not valid for locale/, (m) =>
    /^(e|ed)$/i.test(m[1]!)
      ? `«${m[1]}» non fa parte della sintassi: due fasce nello stesso giorno si separano con la virgola (09:00-12:00,15:00-18:00), giorni con orari diversi con il punto e virgola.`
      : `«${m[1]}» non fa parte della sintassi: i giorni si scrivono ${ENGLISH_DAYS}.`],
  [/^Time range without minutes specified\..*"([^"]+)"/, (m) => `orario senza minuti: scrivi «${m[1]}».`],
  [/^Please use ":" as hour\/minute-separator/, () => `separa ore e minuti con i due punti: 09:00, non 09.00.`],
  [/^Unexpected token: "([^"]*)"/, (m) => `qui «${m[1]}» non è previsto: la sintassi non è valida da questo punto.`],
  [/^Unexpected token (?:in [a-z ]+|\(holiday parser\)): (.*)$/, (m) => `qui «${m[1]}» non è previsto.`],
  [/^This rule does not contain anything useful/, () => `regola vuota: togli il punto e virgola in fondo (o la regola vuota).`],
  [/^Please use notation "([^"]+)" for "([^"]+)"/, (m) => `scrivi «${m[1]}» invece di «${m[2]}».`],
  [/^Please use "([^"]+)" for "([^"]+)"/, (m) => `scrivi «${m[1]}» invece di «${m[2]}» (per esempio "Mo-Fr 08:00-12:00; Tu off").`],
  [/^Assuming "([^"]+)" for "([^"]+)"/, (m) => `inteso «${m[1]}» per «${m[2]}»: meglio scriverlo così.`],
  [/^Please omit "([^"]+)"/, (m) => `togli «${m[1]}».`],
  [/^Missing "([^"]+)"/, (m) => `manca «${m[1]}».`],
  [/^"([^"]+)" expected/, (m) => `qui ci vuole «${m[1]}».`],
  [/^Bad range: (.*)$/, (m) => `intervallo non valido: ${m[1]}.`],
  [/^The value contains nothing meaningful/, () => `non c'è niente di comprensibile.`],
  [/^The value ends with "([^"]+)"/, (m) => `il valore finisce con «${m[1]}»: continua dopo «${m[1]}» oppure toglilo.`],
  [/^Separate rules detected each of which only consists of a time selector.*"([^"]+)"/, (m) => `più regole con soli orari: uniscile in una con «${m[1]}».`],
  [/^You have used an empty comment/, () => `commento vuoto: scrivi qualcosa fra le virgolette o toglile.`],
  [/^Single-digit hour "(\d+)".*"(\d+)"/, (m) => `ora «${m[1]}» a una cifra: scrivi 0${m[1]} (mattina) o ${m[2]} (pomeriggio).`],
  [/^Range in wrong order/, () => `intervallo al contrario: il primo giorno viene dopo il secondo.`],
  [/^Month (\S+) doesn.t have 31 days/, (m) => `il mese ${m[1]} ha 30 giorni.`],
  [/^Month (\S+) either has 28 or 29 days/, (m) => `febbraio (${m[1]}) ha 28 o 29 giorni.`],
  [/^The day for (\S+) must be between 1 and 31/, () => `il giorno deve stare fra 1 e 31.`],
  [/^This date is in the past/, () => `questa data è già passata.`],
  [/^This date range is entirely in the past/, () => `questo periodo è già passato.`],
  [/^The year is in the past/, () => `questo anno è già passato.`],
  [/^Specified as open end/, () => `manca l'ora di chiusura: è stata indovinata.`],
  [/^The selector "([^"]+)" was switched with the selector "([^"]+)"/, (m) => `meglio scrivere «${m[2]}» prima di «${m[1]}».`],
  [/^This rule is not very explicit because there is no time selector/, () => `regola senza ore: aggiungi le ore (per esempio 10:00-19:00) o un commento fra virgolette.`],
  [/^Time range does not continue as expected/, () => `la fascia oraria non continua come previsto (scrivi per esempio 09:00-12:00).`],
  [/^Time range starts outside of the current day/, () => `la fascia oraria comincia fuori dal giorno.`],
  [/^This rule overwrites parts of the previous rule/, () => `questa regola cancella in parte quella prima: per aggiungere orari allo stesso giorno usa la virgola.`],
  [/^This rule which changes the default state/, () => `questa regola cambia lo stato predefinito ma non è la prima: annulla tutte le regole prima.`],
  [/^You have used (\d+) /, (m) => `ci sono ${m[1]} parti dello stesso tipo in una regola: separa le regole con il punto e virgola.`],
  [/not connected .* in one rule/, () => `parti dello stesso tipo non unite: scrivile insieme separate dalla virgola (per esempio Mo,We 09:00-12:00).`],
];

const FALLBACK_IT = 'la sintassi degli orari non è rispettata da questo punto.';

function rewrite(note: string): string {
  for (const [re, to] of IT) {
    const m = re.exec(note.trim());
    if (m) return to(m);
  }
  return FALLBACK_IT;
}

/** One "value up to the problem <--- (explanation)" pair. */
interface Marked {
  at: string;
  note: string;
}

/**
 * Splits the library's text into its marked places. Explanations may hold parentheses,
 * so each one ends where the next place (a prefix of the value) begins.
 */
function marks(text: string, value: string | undefined): Marked[] {
  const parts = text.split(' <--- (');
  if (parts.length < 2) return [{ at: '', note: text }];
  const out: Marked[] = [];
  let at = parts[0]!.trim();
  for (let i = 1; i < parts.length; i++) {
    let body = parts[i]!;
    let next = '';
    if (i < parts.length - 1) {
      const start = value ? value.slice(0, Math.min(3, value.length)) : '';
      const cut = start ? body.lastIndexOf(`) ${start}`) : body.lastIndexOf(') ');
      if (cut >= 0) [body, next] = [body.slice(0, cut + 1), body.slice(cut + 2)];
    }
    out.push({ at, note: body.replace(/\)\s*$/, '') });
    at = next.trim();
  }
  return out;
}

/**
 * The library's explanation in the chosen language: unchanged in English; in Italian our
 * sentence after the place it points at ("«lun-ven 9-12» ← orario senza minuti: ...").
 */
export function translateHoursNote(text: string, lang: Lang, value?: string): string {
  if (lang === 'en') return text;
  const lines = value === undefined ? text.split('\n') : [text];
  return lines
    .flatMap((line) => marks(line, value ?? line.split(' <--- (')[0]))
    .map(({ at, note }) => (at ? `«${at}» ← ${rewrite(note)}` : rewrite(note)))
    .join('\n');
}

/** A value of plain words ("su appuntamento") is only valid as a quoted comment. */
export function plainWordsHint(value: string, lang: Lang): string | undefined {
  if (/\d|"/.test(value) || !/\p{L}{3}/u.test(value)) return undefined;
  const quoted = `"${value.trim()}"`;
  return lang === 'it'
    ? `Un orario a parole va scritto fra virgolette: ${quoted}. Nel foglio di calcolo scrivete ${quoted} nella cella; in un file CSV scritto a mano le virgolette si raddoppiano: "${quoted.replace(/"/g, '""')}".`
    : `Hours in words must be written in double quotes: ${quoted}. In a spreadsheet type ${quoted} in the cell; in a CSV file written by hand the quotes are doubled: "${quoted.replace(/"/g, '""')}".`;
}
