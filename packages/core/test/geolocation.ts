/**
 * A stand-in for navigator.geolocation (tests never ask for a real position) and the
 * failures "Vicino a me" explains, shared by the map's and the access points' tests.
 */

type GeoError = { code: number; message: string; PERMISSION_DENIED: 1; POSITION_UNAVAILABLE: 2; TIMEOUT: 3 };
export type GeoAnswer = { lat: number; lon: number; accuracy?: number } | { code: 1 | 2 | 3 };

/** Overrides a property of `target` for one test; returns what puts it back. */
function override(target: object, name: string, get: () => unknown): () => void {
  const original = Object.getOwnPropertyDescriptor(target, name);
  Object.defineProperty(target, name, { configurable: true, get });
  return () => {
    if (original) Object.defineProperty(target, name, original);
    else delete (target as Record<string, unknown>)[name];
  };
}

/**
 * Replaces navigator.geolocation for one test: each request is answered with `answer`
 * after 10 ms, or, with `'later'`, when the test calls `answer()` on the returned stub.
 * `calls` counts the requests; `restore()` puts the browser's own back.
 */
export function stubGeolocation(answer: GeoAnswer | 'later'): { restore: () => void; calls: () => number; answer: (a: GeoAnswer) => void } {
  let calls = 0;
  let waiting: ((a: GeoAnswer) => void) | undefined;
  const fake = {
    getCurrentPosition(ok: PositionCallback, fail?: PositionErrorCallback | null) {
      calls++;
      const reply = (a: GeoAnswer) => {
        if ('code' in a) {
          const error: GeoError = { code: a.code, message: 'stub', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 };
          fail?.(error as unknown as GeolocationPositionError);
        } else {
          ok({ coords: { latitude: a.lat, longitude: a.lon, accuracy: a.accuracy ?? 20 }, timestamp: Date.now() } as unknown as GeolocationPosition);
        }
      };
      if (answer === 'later') waiting = reply;
      else setTimeout(() => reply(answer), 10);
    },
    watchPosition: () => 0,
    clearWatch: () => undefined,
  };
  return {
    restore: override(Navigator.prototype, 'geolocation', () => fake),
    calls: () => calls,
    /** Answers the request that waits (with 'later'); the next one waits again. */
    answer: (a) => {
      const reply = waiting;
      waiting = undefined;
      reply?.(a);
    },
  };
}

/** A browser without geolocation. */
export function withoutGeolocation(): () => void {
  return override(Navigator.prototype, 'geolocation', () => undefined);
}

/** An http page: the browsers keep the position from it (Window's own isSecureContext). */
export function insecurePage(): () => void {
  return override(window, 'isSecureContext', () => false);
}

/**
 * Every way "Vicino a me" can fail, with words its message must have in each language:
 * what went wrong, and what the person can do instead (search by comune).
 */
export const LOCATE_FAILURES: { kind: string; stub: () => () => void; it: RegExp; en: RegExp }[] = [
  { kind: 'permission refused', stub: () => stubGeolocation({ code: 1 }).restore, it: /permesso è stato negato.*impostazioni del browser.*per comune/, en: /permission was denied.*settings in your browser.*by municipality/ },
  { kind: 'position unavailable', stub: () => stubGeolocation({ code: 2 }).restore, it: /non è disponibile.*Riprovare più tardi.*per comune/, en: /not available right now.*Try again later.*by municipality/ },
  { kind: 'timeout', stub: () => stubGeolocation({ code: 3 }).restore, it: /troppo tempo.*Riprovare.*per comune/, en: /took too long.*Try again.*by municipality/ },
  { kind: 'no geolocation', stub: withoutGeolocation, it: /browser non può indicare la posizione.*per comune/, en: /browser cannot tell your position.*by municipality/ },
  { kind: 'http page', stub: () => {
    const page = insecurePage();
    const geo = stubGeolocation({ code: 1 }); // what the browsers answer an http page
    return () => (geo.restore(), page());
  }, it: /browser non può indicare la posizione.*per comune/, en: /browser cannot tell your position.*by municipality/ },
];
