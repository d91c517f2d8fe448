// The public mutual-aid form (issue 19), served as written (no build step): posting an
// offer or a request; from the personal link (#annuncio=…&chiave=…), reading, renewing or
// withdrawing it; from a board's "Scrivi a chi ha pubblicato" (#rispondi=<id>), answering a
// post through the hub. Everything from the server is shown as text.
const API = '/api/public/mutual-aid';
const STATES = {
  pending: 'In attesa: un\'associazione lo sta leggendo.',
  published: 'Pubblicato sulla bacheca.',
  rejected: 'Non pubblicato.',
  done: 'Concluso: le persone sono state messe in contatto.',
  withdrawn: 'Ritirato.',
  expired: 'Scaduto.',
};
const $ = (id) => document.getElementById(id);
const message = $('message');
let token = '';

function say(text, error = false) {
  message.className = error ? 'error' : '';
  message.setAttribute('role', error ? 'alert' : 'status');
  message.replaceChildren(...(Array.isArray(text) ? text : [text]));
}

async function call(method, path, body) {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new Error(data?.detail ?? 'Qualcosa non ha funzionato: riprova tra poco.');
  return data;
}

async function loadForm() {
  const form = await call('GET', '/form');
  token = form.token;
  const select = $('comune');
  select.replaceChildren(...form.comuni.map((c) => new Option(c, c)));
  if (!form.comuni.length) say('Per ora nessun comune ha un\'associazione che fa da tramite: non è ancora possibile pubblicare.', true);
}

async function showOwn(id, key) {
  const own = await call('POST', `/posts/${encodeURIComponent(id)}/status`, { key });
  const lines = [
    ['Stato', STATES[own.state] ?? own.state],
    ...(own.reason ? [['Motivo', own.reason]] : []),
    ...(own.text ? [['Testo', own.text]] : []),
    ['Comune', own.comune],
    ...(['pending', 'published'].includes(own.state) ? [['Scade il', new Date(`${own.expires}T12:00:00Z`).toLocaleDateString('it-IT', { day: 'numeric', month: 'long', year: 'numeric' })]] : []),
  ];
  const list = document.createElement('dl');
  for (const [term, value] of lines) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    list.append(dt, dd);
  }
  $('own-body').replaceChildren(list);
  $('own').hidden = false;
  const active = ['pending', 'published'].includes(own.state);
  $('renew').hidden = !active;
  $('withdraw').hidden = !active;
}

/** The post being answered (`#rispondi=<id>`), or undefined. */
function answerLink() {
  return new URLSearchParams(location.hash.slice(1)).get('rispondi') ?? undefined;
}

/** Shows the post being answered, from the hub's own feed (its public part only). */
async function showAnswered(id) {
  const response = await fetch('/feed.json');
  const feed = response.ok ? await response.json() : {};
  const post = (feed.mutualAid ?? []).find((p) => p.id === id);
  if (!post) {
    $('answer-form').hidden = true;
    throw new Error('Questo annuncio non è più sulla bacheca: forse è stato ritirato, è scaduto o è concluso.');
  }
  const topic = $('topic').querySelector(`option[value="${CSS.escape(post.topic)}"]`)?.textContent ?? post.topic;
  const title = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = `${post.kind === 'offro' ? 'Offro' : 'Cerco'}: ${topic} · ${post.comune}`;
  title.append(strong);
  const text = document.createElement('blockquote');
  text.textContent = post.text;
  const parts = [title, text];
  if (post.availability) {
    const when = document.createElement('p');
    when.textContent = `Quando: ${post.availability}`;
    parts.push(when);
  }
  $('answer-post').replaceChildren(...parts);
}

function ownLink() {
  const params = new URLSearchParams(location.hash.slice(1));
  const id = params.get('annuncio');
  const key = params.get('chiave');
  return id && key ? { id, key } : undefined;
}

$('post').addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  const body = {
    kind: data.get('kind') ?? '',
    topic: data.get('topic') ?? '',
    text: String(data.get('text') ?? ''),
    availability: String(data.get('availability') ?? ''),
    comune: String(data.get('comune') ?? ''),
    contact: String(data.get('contact') ?? ''),
    consent: data.get('consent') === 'on',
    website: String(data.get('website') ?? ''),
    token,
  };
  if (!body.kind) return say('Scegli se offri o cerchi aiuto.', true);
  try {
    const posted = await call('POST', '/posts', body);
    const link = `${location.origin}${location.pathname}#annuncio=${encodeURIComponent(posted.id)}&chiave=${encodeURIComponent(posted.key)}`;
    const a = document.createElement('a');
    a.href = link;
    a.textContent = link;
    const keep = document.createElement('p');
    keep.append('Conserva questo link: serve per vedere, rinnovare o ritirare il tuo annuncio. ', a);
    const first = document.createElement('p');
    first.textContent = 'Grazie, l\'annuncio è arrivato. Un\'associazione del territorio lo legge prima di pubblicarlo.';
    event.target.hidden = true;
    say([first, keep]);
  } catch (error) {
    say(error.message, true);
    loadForm().catch(() => undefined); // a fresh token for the next try
  }
});

$('answer-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  const body = {
    text: String(data.get('text') ?? ''),
    contact: String(data.get('contact') ?? ''),
    consent: data.get('consent') === 'on',
    website: String(data.get('website') ?? ''),
    token,
  };
  try {
    const sent = await call('POST', `/posts/${encodeURIComponent(answerLink())}/messages`, body);
    event.target.hidden = true;
    say(
      sent.relayed
        ? 'Grazie, il messaggio è arrivato ed è stato inoltrato per email a chi ha pubblicato. Anche l\'associazione che fa da tramite lo legge e, se serve, vi mette in contatto.'
        : 'Grazie, il messaggio è arrivato. L\'associazione che fa da tramite lo legge e vi mette in contatto.',
    );
  } catch (error) {
    say(error.message, true);
    loadForm().catch(() => undefined); // a fresh token for the next try
  }
});

for (const [button, action, done] of [
  ['renew', 'renew', 'Rinnovato per 30 giorni.'],
  ['withdraw', 'withdraw', 'Ritirato: il tuo recapito e il testo sono stati cancellati.'],
]) {
  $(button).addEventListener('click', async () => {
    const own = ownLink();
    if (!own) return;
    try {
      await call('POST', `/posts/${encodeURIComponent(own.id)}/${action}`, { key: own.key });
      say(done);
      if (action === 'withdraw') $('own').hidden = true;
      else await showOwn(own.id, own.key);
    } catch (error) {
      say(error.message, true);
    }
  });
}

// The personal link differs from this page only by its hash: following it (from the
// confirmation) changes no page, so read the page again.
window.addEventListener('hashchange', () => location.reload());

const own = ownLink();
const answering = answerLink();
if (answering) {
  $('post').hidden = true;
  $('answer').hidden = false;
  document.title = 'Scrivi a chi ha pubblicato · Ambito di Lodi';
  loadForm().catch((error) => say(error.message, true));
  showAnswered(answering).catch((error) => say(error.message, true));
} else if (own) {
  $('post').hidden = true;
  showOwn(own.id, own.key).catch((error) => say(error.message, true));
} else {
  loadForm().catch((error) => say(error.message, true));
}
