/**
 * Italian public holidays, computed in the browser (no table to download, no end year):
 * the national ones (law 260/1949 and later, Easter Monday included, San Francesco on
 * 4 October from 2026) plus a comune's patron saint day when the feed declares it
 * (`patronDays`, docs/feed-format.md). Offices close on both, so `PH off` covers both.
 * Names are the ones the opening_hours library uses, so that compiled hours and the
 * library say the same thing.
 */

/** A patron saint day declared by the feed for one comune. */
export interface PatronDay {
  readonly comune: string;
  /** Month 1–12 and day 1–31. */
  readonly month: number;
  readonly day: number;
  readonly name: string;
}

/** Fixed national holidays: "MM-DD" → name. */
const FIXED: ReadonlyMap<string, string> = new Map([
  ['01-01', 'Capodanno'],
  ['01-06', 'Epifania'],
  ['04-25', 'Liberazione dal nazifascismo (1945)'],
  ['05-01', 'Festa del lavoro'],
  ['06-02', 'Festa della Repubblica'],
  ['08-15', 'Assunzione di Maria'],
  ['11-01', 'Ognissanti'],
  ['12-08', 'Immacolata Concezione'],
  ['12-25', 'Natale di Gesù'],
  ['12-26', 'Santo Stefano'],
]);

/** Easter Sunday of a Gregorian year (anonymous algorithm): [month 1–12, day]. */
export function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const pad = (n: number) => String(n).padStart(2, '0');
const byYear = new Map<number, Map<string, string>>();

/** The national holidays of a year: "MM-DD" → name. */
export function nationalHolidays(year: number): ReadonlyMap<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map(FIXED);
    const [m, d] = easter(year);
    const monday = new Date(Date.UTC(year, m - 1, d + 1));
    days.set(`${pad(m)}-${pad(d)}`, 'Pasqua');
    days.set(`${pad(monday.getUTCMonth() + 1)}-${pad(monday.getUTCDate())}`, 'Lunedì di Pasqua');
    // Law 151/2025 made 4 October a national holiday again from 2026.
    if (year >= 2026) days.set('10-04', "Festa nazionale di San Francesco d'Assisi");
    byYear.set(year, days);
  }
  return days;
}

/**
 * The holiday's name when the day (year, month 1–12, day) is a public holiday for a place
 * in `comune` (its patron day counts only there), else undefined.
 */
export function holidayName(year: number, month: number, day: number, patron?: PatronDay): string | undefined {
  if (patron && patron.month === month && patron.day === day) return patron.name;
  return nationalHolidays(year).get(`${pad(month)}-${pad(day)}`);
}
