/**
 * Notices over time, in one place for every element and the feed tools: which notices
 * are current, their order, and the closures in force on a day. Dates are YYYY-MM-DD in
 * Europe/Rome (the reader's), both ends included. No lit here: the CLI imports it too.
 */
import type { AccessPoint, Notice, Service } from '../feed/types.js';

export type NoticePhase = 'upcoming' | 'current' | 'expired';

/** Where `today` falls in a notice's period. A notice without dates is always current. */
export function noticePhase(n: Notice, today: string): NoticePhase {
  if (n.validThrough && n.validThrough < today) return 'expired';
  if (n.validFrom && n.validFrom > today) return 'upcoming';
  return 'current';
}

/** The date a notice sorts by: published, else the start of its period. */
const sortDate = (n: Notice) => n.date ?? n.validFrom ?? '';

/**
 * The notices still worth showing (current or upcoming; expired ones are hidden),
 * newest first; undated ones after the dated, in feed order.
 */
export function currentNotices(notices: readonly Notice[], today: string): Notice[] {
  return notices
    .filter((n) => noticePhase(n, today) !== 'expired')
    .map((n, i) => ({ n, i, d: sortDate(n) }))
    .sort((a, b) => (a.d === b.d ? a.i - b.i : a.d < b.d ? 1 : -1))
    .map((x) => x.n);
}

/** A closure in force: the notice, and the hours that apply instead (none: closed). */
export interface Closure {
  readonly notice: Notice;
  /** The hours during the closure; undefined when closed altogether. */
  readonly hours?: string;
  /** The last day of the closure (YYYY-MM-DD), when the notice says. */
  readonly until?: string;
}

/** Closure notices by the ids they name (services and access points), built once per feed. */
export class Closures {
  private readonly byId = new Map<string, Notice[]>();

  constructor(notices: readonly Notice[]) {
    for (const n of notices) {
      if (n.kind !== 'closure') continue;
      for (const id of [...n.services, ...n.accessPoints]) {
        const list = this.byId.get(id);
        if (list) list.push(n);
        else this.byId.set(id, [n]);
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * The closure of `id` in force on `today`, if any. When two overlap, a full closure
   * wins over reduced hours, then the one that ends last.
   */
  on(id: string, today: string): Closure | undefined {
    let best: Notice | undefined;
    for (const n of this.byId.get(id) ?? []) {
      if (noticePhase(n, today) !== 'current') continue;
      if (!best || rank(n) > rank(best)) best = n;
    }
    if (!best) return undefined;
    return { notice: best, ...(best.hours ? { hours: best.hours } : {}), ...(best.validThrough ? { until: best.validThrough } : {}) };
  }
}

/** Closed beats reduced hours; later end beats earlier; open-ended beats both. */
function rank(n: Notice): string {
  return `${n.hours ? 0 : 1}${n.validThrough ?? '9999-99-99'}`;
}

/** A group's scope, as the store holds it. */
export interface NoticeScope {
  readonly organization: string;
  readonly comune: string;
  readonly categories: readonly string[];
  service(id: string): Service | undefined;
  accessPoint(id: string): AccessPoint | undefined;
}

/**
 * The current notices within a group's scope: an organisation keeps its own notices and
 * those about its services; a comune or category keeps the notices about it (directly or
 * through their services and access points) and those that name none (the whole territory).
 */
export function noticesInScope(notices: readonly Notice[], today: string, scope: NoticeScope): Notice[] {
  const { organization: org, comune, categories } = scope;
  const services = (n: Notice) => n.services.map((id) => scope.service(id)).filter((s) => s !== undefined);
  return currentNotices(notices, today).filter((n) => {
    if (org && n.organization !== org && !services(n).some((s) => s.organization === org)) return false;
    if (comune) {
      const where = [
        ...(n.comune ? [n.comune] : []),
        ...services(n).flatMap((s) => s.locations.map((l) => l.comune)),
        ...n.accessPoints.map((id) => scope.accessPoint(id)?.comune),
      ].filter((c): c is string => !!c);
      if (where.length && !where.includes(comune)) return false;
    }
    if (categories.length) {
      const about = [...n.categories, ...services(n).flatMap((s) => s.categories)];
      if (about.length && !about.some((c) => categories.includes(c))) return false;
    }
    return true;
  });
}
