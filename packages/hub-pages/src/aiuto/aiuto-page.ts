/**
 * The hub's public mutual-aid page, /gestione/aiuto.html (issue 19): the posting form
 * (<welfare-mutual-aid-form>, which also answers a post from a board's
 * "#rispondi=<id>") or, from the personal link (#annuncio=…&chiave=…), the poster's own
 * post (<welfare-hub-poster-post>). Italian first; `lang=en` in the address (the board
 * and the form add it when they speak English) or the switch at the top gives English.
 */
import '@welfare-elements/mutual-aid/welfare-mutual-aid-form.js';
import './welfare-hub-poster-post.js';
import { personalLink } from './poster-post.component.js';
import { aiutoPageStrings } from './aiuto-page.strings.js';

type Lang = keyof typeof aiutoPageStrings;
const html = document.documentElement;
const params = new URLSearchParams(location.hash.slice(1));
const what = params.get('rispondi') ? 'answer' : personalLink() ? 'own' : 'post';
const heading = document.querySelector('h1')!;
const button = document.querySelector<HTMLButtonElement>('#lang-switch')!;

function setLang(lang: Lang): void {
  const t = aiutoPageStrings[lang];
  html.lang = lang; // the elements follow <html lang>
  heading.textContent = t[what];
  document.title = `${t[what]} · ${t.site}`;
  const other = lang === 'it' ? 'en' : 'it';
  button.textContent = t.switchTo;
  button.lang = other;
}

const element = document.createElement(what === 'own' ? 'welfare-hub-poster-post' : 'welfare-mutual-aid-form');
element.setAttribute('hub', location.origin); // before it connects: it loads at once
document.querySelector('main')!.append(element);
setLang(params.get('lang') === 'en' ? 'en' : 'it');
button.hidden = false;
button.addEventListener('click', () => setLang(html.lang === 'en' ? 'it' : 'en'));

// The personal link differs from this page only by its hash: following it (from the
// confirmation) changes no page, so read the page again.
window.addEventListener('hashchange', () => location.reload());
