/**
 * Europe/Rome wall-clock time, whatever the time zone of the page (CONTRACT §4: hours are
 * evaluated in Europe/Rome time). Small and static: the renderer needs it too, the
 * evaluator stays in its own chunk.
 */
const romeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * A Date whose *local* fields (getFullYear, getDay, getHours, ...) are the wall-clock
 * time in Europe/Rome at the instant `at`. opening_hours reads local fields, so it
 * computes in Rome time on a page in any zone. Read the result only through local
 * getters; its getTime() is not the real instant.
 */
export function romeWallClock(at: Date): Date {
  const p: Record<string, string> = {};
  for (const part of romeParts.formatToParts(at)) p[part.type] = part.value;
  return new Date(+p['year']!, +p['month']! - 1, +p['day']!, +p['hour']!, +p['minute']!, +p['second']!);
}

/** Midnight (local fields) of the day of a wall-clock Date, `days` later. */
export function startOfDay(wall: Date, days = 0): Date {
  return new Date(wall.getFullYear(), wall.getMonth(), wall.getDate() + days);
}

/** Whole days between the calendar days of two wall-clock Dates (b - a). */
export function dayDiff(a: Date, b: Date): number {
  const utc = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}
