/** The pages' routes, in the URL's hash so the hub serves one file for all of them. */
export type Route =
  | { readonly page: 'offers' }
  | { readonly page: 'new' }
  | { readonly page: 'offer'; readonly id: string }
  | { readonly page: 'review' }
  | { readonly page: 'organisations' }
  | { readonly page: 'notices' }
  | { readonly page: 'access-points' }
  | { readonly page: 'vocabulary' }
  | { readonly page: 'freshness' }
  | { readonly page: 'activity' }
  | { readonly page: 'mutual-aid' }
  | { readonly page: 'invite'; readonly token: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  const [first, second] = path.split('/').map((p) => decodeURIComponent(p));
  if (first === 'offerte' && second === 'nuova') return { page: 'new' };
  if (first === 'offerte' && second) return { page: 'offer', id: second };
  if (first === 'revisione') return { page: 'review' };
  if (first === 'organizzazioni') return { page: 'organisations' };
  if (first === 'avvisi') return { page: 'notices' };
  if (first === 'punti-di-accesso') return { page: 'access-points' };
  if (first === 'elenchi') return { page: 'vocabulary' };
  if (first === 'da-verificare') return { page: 'freshness' };
  if (first === 'attivita') return { page: 'activity' };
  if (first === 'aiuto-reciproco') return { page: 'mutual-aid' };
  if (first === 'invito' && second) return { page: 'invite', token: second };
  return { page: 'offers' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'new':
      return '#/offerte/nuova';
    case 'offer':
      return `#/offerte/${encodeURIComponent(route.id)}`;
    case 'review':
      return '#/revisione';
    case 'organisations':
      return '#/organizzazioni';
    case 'notices':
      return '#/avvisi';
    case 'access-points':
      return '#/punti-di-accesso';
    case 'vocabulary':
      return '#/elenchi';
    case 'freshness':
      return '#/da-verificare';
    case 'activity':
      return '#/attivita';
    case 'mutual-aid':
      return '#/aiuto-reciproco';
    case 'invite':
      return `#/invito/${encodeURIComponent(route.token)}`;
    default:
      return '#/offerte';
  }
}

/**
 * Which one-time link opened the page, from its file name: the hub's links are
 * `invito.html#<token>` (create the account) and `password.html#<token>` (a new password),
 * and the hub answers both with the one index.html.
 */
export function modeOf(pathname: string): 'invitation' | 'reset' | undefined {
  if (/\/invito\.html$/.test(pathname)) return 'invitation';
  if (/\/password\.html$/.test(pathname)) return 'reset';
  return undefined;
}
