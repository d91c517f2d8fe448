import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../i18n/lang.js';
import { type LocateProblem, locateStrings } from './locate.strings.js';

export type { LocateProblem } from './locate.strings.js';
// From here too, so the chunk the bundle fetches for this module holds the styles as well.
export { locateStyles } from './locate.styles.js';

/** Where "Vicino a me" stands: `cleared` once the person took the position back. */
export type LocateStatus = 'idle' | 'locating' | 'located' | 'cleared' | 'failed';

/**
 * A network position is enough to order by distance (and answers in a second or two
 * where GPS may take a minute); one from the last five minutes is reused. 15 s is
 * counted from the moment the person allows it, not while the browser asks.
 */
const OPTIONS: PositionOptions = { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 };

/** The codes of GeolocationPositionError (1 denied, 3 timeout; 2 and anything else: unavailable). */
const PROBLEMS: Record<number, LocateProblem> = { 1: 'denied', 3: 'timeout' };

/**
 * "Vicino a me" for the map and the access points: asks the browser for the position once
 * per press, says it is busy meanwhile, and turns every failure into a sentence that says
 * what the person can do (locate.strings.ts). The element renders the button (busy:
 * `aria-disabled`, never `disabled`, which would drop the focus) and the message, and
 * gives a found position to its group.
 */
export class LocateController implements ReactiveController {
  status: LocateStatus = 'idle';
  problem?: LocateProblem;
  /** Answers to an older press, or to an element since removed, are ignored. */
  private asked = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly found: (position: GeolocationPosition) => void,
  ) {
    host.addController(this);
  }

  get busy(): boolean {
    return this.status === 'locating';
  }

  /** Asks for the position; a press while the browser is still answering does nothing. */
  locate(): void {
    if (this.busy) return;
    // An http page gets "denied" from the browsers, whatever the person allows: changing
    // the settings would not help, so it is told the same as a browser without geolocation.
    const geolocation = globalThis.isSecureContext !== false ? globalThis.navigator?.geolocation : undefined;
    if (!geolocation) return this.fail('unsupported');
    this.set('locating');
    const asked = ++this.asked;
    geolocation.getCurrentPosition(
      (position) => {
        if (asked !== this.asked) return;
        this.set('located');
        this.found(position);
      },
      (error) => {
        if (asked === this.asked) this.fail(PROBLEMS[error.code] ?? 'unavailable');
      },
      OPTIONS,
    );
  }

  /** The person took the position back (pressed the button again). */
  clear(): void {
    this.asked++;
    this.set('cleared');
  }

  /**
   * The sentence for the element's live region: busy, the failure, or the element's own
   * `located` / `cleared` sentence while its group's position (`origin`) agrees; '' otherwise.
   */
  message(lang: Lang, origin: boolean, done: { located: string; cleared?: string }): string {
    const t = locateStrings[lang];
    switch (this.status) {
      case 'locating':
        return t.locating;
      case 'failed':
        return t.problem[this.problem!];
      case 'located':
        return origin ? done.located : '';
      case 'cleared':
        return origin ? '' : (done.cleared ?? '');
      default:
        return '';
    }
  }

  hostDisconnected(): void {
    // A late answer would give a position to an element no longer on the page; once
    // connected again, the button must not stay busy.
    this.asked++;
    if (this.busy) this.set('idle');
  }

  private fail(problem: LocateProblem): void {
    this.problem = problem;
    this.set('failed');
  }

  private set(status: LocateStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
