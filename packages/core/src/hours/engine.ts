import OpeningHours from 'opening_hours';

/** Open or closed at a moment, and when that changes (Europe/Rome wall-clock time). */
export interface HoursState {
  readonly open: boolean;
  /** "unknown" in OSM syntax, or a comment-only rule: neither open nor closed is certain. */
  readonly unknown: boolean;
  /** Next change as Rome wall-clock time, or undefined when it never changes. */
  readonly next?: Date;
}

export interface HoursEngine {
  /** undefined when the string cannot be parsed: show it as written. */
  state(hours: string, at: Date): HoursState | undefined;
  isValid(hours: string): boolean;
}

/** Where the feeds live: Italy, so `PH` means Italian public holidays. */
const NOMINATIM = { lat: 45.31, lon: 9.5, address: { country_code: 'it', state: 'Lombardia' } };

/**
 * opening_hours reads the local time of a Date. Pages can run in any time zone, so we
 * hand it a Date whose local fields are the wall-clock time in Europe/Rome.
 */
const romeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

export function romeWallClock(at: Date): Date {
  const p = Object.fromEntries(romeParts.formatToParts(at).map((x) => [x.type, x.value]));
  return new Date(+p['year']!, +p['month']! - 1, +p['day']!, +p['hour']!, +p['minute']!, +p['second']!);
}

export function createHoursEngine(): HoursEngine {
  const parsed = new Map<string, OpeningHours | null>();
  const parse = (hours: string): OpeningHours | null => {
    let oh = parsed.get(hours);
    if (oh === undefined) {
      try {
        oh = new OpeningHours(hours, NOMINATIM as never, { mode: 0 } as never);
      } catch {
        oh = null;
      }
      parsed.set(hours, oh);
    }
    return oh;
  };
  return {
    isValid: (hours) => parse(hours) !== null,
    state(hours, at) {
      const oh = parse(hours);
      if (!oh) return undefined;
      const local = romeWallClock(at);
      try {
        const unknown = oh.getUnknown(local);
        const next = oh.getNextChange(local);
        return { open: oh.getState(local), unknown, ...(next ? { next } : {}) };
      } catch {
        return undefined;
      }
    },
  };
}
