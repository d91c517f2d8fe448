#!/usr/bin/env node
// Deterministic generator of synthetic welfare-elements feeds (feed v1, CONTRACT.md section 4).
//
//   node scripts/generate-feed.mjs --services 50000 --seed 1 --out examples/data/bench-50000.json [--hours]
//
// Options:
//   --services N        number of services (default 1000)
//   --seed S            integer seed of the PRNG (default 1); same seed + options => same bytes
//   --out FILE          output path (default: stdout)
//   --hours             add OSM opening_hours to services, locations and access points
//                       (without it there is no `hours` field anywhere)
//   --access-points N   number of access points (default: services/200, between 5 and 500)
//   --pretty            pretty-print (default only when services <= 1000)
//   --compact           never pretty-print
//
// Also importable: `import { generateFeed } from './generate-feed.mjs'`.
// The data are invented; they are meant for benchmarks and tests only.
// No dependencies, no clock, no Math.random: output depends only on the options.

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** mulberry32: small, fast, good-enough 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CATEGORIES = [
  { id: 'casa', name: { it: 'Casa', en: 'Housing' } },
  { id: 'lavoro', name: { it: 'Lavoro', en: 'Work' } },
  { id: 'cibo', name: { it: 'Cibo e beni essenziali', en: 'Food and essentials' } },
  { id: 'cura', name: { it: 'Cura e salute', en: 'Care and health' } },
  { id: 'formazione', name: { it: 'Formazione', en: 'Training' } },
  { id: 'famiglia', name: { it: 'Famiglia e minori', en: 'Families and children' } },
  { id: 'anziani', name: { it: 'Anziani', en: 'Older people' } },
  { id: 'disabilita', name: { it: 'Disabilità', en: 'Disability' } },
  { id: 'stranieri', name: { it: 'Cittadini stranieri', en: 'Foreign citizens' } },
  { id: 'ascolto', name: { it: 'Ascolto e orientamento', en: 'Listening and guidance' } },
];

export const AUDIENCES = ['giovani', 'donne', 'famiglie', 'anziani', 'stranieri', 'disabili', 'adulti'];

// [name, province, lat, lon] — approximate centres of real comuni (Lombardy and Piedmont).
export const COMUNI = [
  // Lodi district
  ['Lodi', 'LO', 45.3138, 9.5018], ['Codogno', 'LO', 45.16, 9.705], ['Casalpusterlengo', 'LO', 45.178, 9.65],
  ["Sant'Angelo Lodigiano", 'LO', 45.237, 9.407], ['Lodi Vecchio', 'LO', 45.302, 9.418],
  ['Zelo Buon Persico', 'LO', 45.412, 9.43], ['Tavazzano con Villavesco', 'LO', 45.327, 9.404],
  ["Castiglione d'Adda", 'LO', 45.219, 9.693], ['Borghetto Lodigiano', 'LO', 45.214, 9.499],
  ['Maleo', 'LO', 45.168, 9.763], ['Mulazzano', 'LO', 45.373, 9.399], ['San Martino in Strada', 'LO', 45.277, 9.526],
  ['Massalengo', 'LO', 45.264, 9.488], ['Somaglia', 'LO', 45.149, 9.667], ['Livraga', 'LO', 45.192, 9.547],
  ['Casalmaiocco', 'LO', 45.353, 9.372], ['Montanaso Lombardo', 'LO', 45.336, 9.465], ['Orio Litta', 'LO', 45.162, 9.556],
  // Lombardy
  ['Milano', 'MI', 45.4642, 9.19], ['Monza', 'MB', 45.5845, 9.2744], ['Bergamo', 'BG', 45.6983, 9.6773],
  ['Brescia', 'BS', 45.5416, 10.2118], ['Cremona', 'CR', 45.1332, 10.0227], ['Crema', 'CR', 45.3621, 9.6853],
  ['Pavia', 'PV', 45.1847, 9.1582], ['Vigevano', 'PV', 45.3167, 8.8667], ['Voghera', 'PV', 44.9924, 9.0092],
  ['Mantova', 'MN', 45.1564, 10.7914], ['Varese', 'VA', 45.8206, 8.8251], ['Busto Arsizio', 'VA', 45.6119, 8.8492],
  ['Gallarate', 'VA', 45.6597, 8.7917], ['Como', 'CO', 45.8081, 9.0852], ['Cantù', 'CO', 45.7386, 9.1302],
  ['Lecco', 'LC', 45.8566, 9.3977], ['Sondrio', 'SO', 46.1699, 9.8715], ['Legnano', 'MI', 45.5956, 8.9142],
  ['Rho', 'MI', 45.5286, 9.0408], ['Sesto San Giovanni', 'MI', 45.5333, 9.2333], ['Cinisello Balsamo', 'MI', 45.5581, 9.2147],
  ['San Donato Milanese', 'MI', 45.4167, 9.2667], ['Melegnano', 'MI', 45.3586, 9.3236], ['Abbiategrasso', 'MI', 45.3983, 8.9186],
  ['Treviglio', 'BG', 45.5214, 9.5928], ['Seriate', 'BG', 45.6847, 9.7228], ['Desenzano del Garda', 'BS', 45.4711, 10.5386],
  ['Chiari', 'BS', 45.5369, 9.9294], ['Lumezzane', 'BS', 45.6483, 10.2644], ['Casalmaggiore', 'CR', 44.9889, 10.4153],
  ['Seregno', 'MB', 45.65, 9.2], ['Desio', 'MB', 45.6186, 9.2081], ['Saronno', 'VA', 45.6253, 9.0372],
  // Piedmont
  ['Torino', 'TO', 45.0703, 7.6869], ['Moncalieri', 'TO', 44.9996, 7.6825], ['Collegno', 'TO', 45.0778, 7.5725],
  ['Rivoli', 'TO', 45.0711, 7.5156], ['Pinerolo', 'TO', 44.8847, 7.3311], ['Chieri', 'TO', 45.0125, 7.8247],
  ['Ivrea', 'TO', 45.4667, 7.8767], ['Novara', 'NO', 45.4469, 8.6222], ['Vercelli', 'VC', 45.3203, 8.4186],
  ['Biella', 'BI', 45.5667, 8.0533], ['Asti', 'AT', 44.9, 8.2069], ['Alessandria', 'AL', 44.9133, 8.615],
  ['Casale Monferrato', 'AL', 45.1333, 8.45], ['Tortona', 'AL', 44.8942, 8.8653], ['Novi Ligure', 'AL', 44.7614, 8.7872],
  ['Cuneo', 'CN', 44.3844, 7.5425], ['Alba', 'CN', 44.7, 8.0333], ['Bra', 'CN', 44.6983, 7.8525],
  ['Mondovì', 'CN', 44.3908, 7.8222], ['Savigliano', 'CN', 44.6469, 7.6567], ['Verbania', 'VB', 45.9214, 8.5517],
  ['Domodossola', 'VB', 46.1167, 8.2833], ['Borgomanero', 'NO', 45.7, 8.4667], ['Trecate', 'NO', 45.4333, 8.7333],
];

const STREETS = [
  'Via Roma', 'Via Garibaldi', 'Via Mazzini', 'Corso Vittorio Emanuele', 'Via Cavour', 'Via Dante',
  'Piazza della Vittoria', 'Via Verdi', 'Via Manzoni', 'Viale Italia', 'Via XX Settembre', 'Via Matteotti',
  'Via Gramsci', 'Piazza del Municipio', 'Via San Francesco', 'Via della Pace', 'Via Volta', 'Via Marconi',
  'Via Carducci', 'Via Leopardi', 'Corso Umberto I', 'Via Don Milani', 'Via dei Mille', 'Via Fiume',
];

// Service templates per category: [name template, description template, keywords].
// {c} = comune, {o} = short organisation name.
const TEMPLATES = {
  casa: [
    ['Sportello casa di {c}', 'Informazioni su affitti, bandi per alloggi pubblici e contributi per il canone. Aiuto nella compilazione delle domande.', ['affitto', 'alloggio', 'sfratto', 'canone']],
    ['Agenzia per l\'abitare - {c}', 'Accompagnamento nella ricerca di una casa in affitto a canone concordato e mediazione con i proprietari.', ['casa', 'affitto', 'mediazione']],
    ['Housing sociale {o}', 'Appartamenti temporanei per persone e famiglie in emergenza abitativa.', ['emergenza abitativa', 'alloggio temporaneo']],
  ],
  lavoro: [
    ['Sportello lavoro di {c}', 'Orientamento al lavoro, scrittura del curriculum e ricerca attiva di offerte sul territorio.', ['lavoro', 'curriculum', 'colloquio']],
    ['Servizio inserimento lavorativo {o}', 'Percorsi di tirocinio e inserimento lavorativo per persone in situazione di fragilità.', ['tirocinio', 'inserimento', 'impiego']],
    ['Job club di {c}', 'Incontri di gruppo settimanali per cercare lavoro insieme e prepararsi ai colloqui.', ['lavoro', 'gruppo', 'colloquio']],
  ],
  cibo: [
    ['Emporio solidale di {c}', 'Spesa gratuita con tessera a punti per famiglie in difficoltà economica, su invio dei servizi sociali.', ['spesa', 'emporio', 'alimenti']],
    ['Banco alimentare {o}', 'Distribuzione mensile di pacchi alimentari e prodotti per l\'igiene.', ['pacco alimentare', 'spesa', 'cibo']],
    ['Mensa solidale di {c}', 'Pasto caldo a pranzo per chi ne ha bisogno, senza prenotazione.', ['mensa', 'pasto', 'caffè']],
  ],
  cura: [
    ['Ambulatorio solidale di {c}', 'Visite mediche gratuite per persone senza medico di base o senza copertura sanitaria.', ['medico', 'visite', 'salute']],
    ['Consultorio familiare {o}', 'Ascolto psicologico, salute della donna e sostegno alla genitorialità.', ['consultorio', 'psicologo', 'salute']],
    ['Assistenza domiciliare di {c}', 'Aiuto a casa per l\'igiene personale e le piccole necessità quotidiane.', ['domicilio', 'assistenza', 'cura']],
  ],
  formazione: [
    ['Corsi di italiano per stranieri - {c}', 'Corsi gratuiti di lingua italiana per adulti, di livello base e intermedio.', ['italiano', 'corso', 'lingua']],
    ['Scuola di informatica {o}', 'Corsi brevi per usare il computer, lo SPID e i servizi digitali della pubblica amministrazione.', ['computer', 'SPID', 'digitale']],
    ['Doposcuola di {c}', 'Aiuto nei compiti per ragazze e ragazzi delle scuole medie, due pomeriggi a settimana.', ['compiti', 'scuola', 'doposcuola']],
  ],
  famiglia: [
    ['Centro per la famiglia di {c}', 'Spazio di incontro per genitori e figli con consulenze educative e gruppi di mutuo aiuto.', ['genitori', 'figli', 'famiglia']],
    ['Spazio neutro {o}', 'Incontri protetti tra genitori e figli su indicazione dei servizi.', ['incontri protetti', 'minori']],
    ['Sostegno alle famiglie in difficoltà - {c}', 'Contributi economici e accompagnamento per famiglie in difficoltà con figli minori.', ['difficoltà', 'contributo', 'famiglia']],
  ],
  anziani: [
    ['Centro diurno anziani di {c}', 'Attività di socializzazione, pasti e ginnastica dolce per persone anziane.', ['anziani', 'centro diurno', 'socialità']],
    ['Telesoccorso {o}', 'Dispositivo di chiamata d\'emergenza per anziani che vivono soli.', ['telesoccorso', 'emergenza', 'solitudine']],
    ['Pasti a domicilio di {c}', 'Consegna a casa del pranzo per anziani non autosufficienti.', ['pasti', 'domicilio']],
  ],
  disabilita: [
    ['Servizio di trasporto disabili - {c}', 'Accompagnamento con mezzi attrezzati verso scuole, centri e visite mediche.', ['trasporto', 'accompagnamento', 'carrozzina']],
    ['Centro socio educativo {o}', 'Attività educative e laboratori per persone con disabilità.', ['laboratori', 'educativo', 'disabilità']],
    ['Sportello disabilità di {c}', 'Informazioni su invalidità civile, legge 104 e agevolazioni.', ['invalidità', 'legge 104', 'agevolazioni']],
  ],
  stranieri: [
    ['Sportello stranieri di {c}', 'Informazioni su permessi di soggiorno, ricongiungimenti e cittadinanza.', ['permesso di soggiorno', 'cittadinanza', 'immigrazione']],
    ['Mediazione culturale {o}', 'Mediatori linguistici e culturali per colloqui con scuole, servizi e ospedali.', ['mediazione', 'lingua', 'interprete']],
  ],
  ascolto: [
    ['Centro di ascolto di {c}', 'Ascolto, orientamento ai servizi e primo aiuto per chi attraversa un momento difficile.', ['ascolto', 'orientamento', 'aiuto']],
    ['Segretariato sociale {o}', 'Informazioni sui servizi sociali, bonus e contributi disponibili.', ['bonus', 'contributi', 'informazioni']],
    ['Sportello antiviolenza di {c}', 'Ascolto e aiuto riservato per donne che subiscono violenza.', ['violenza', 'donne', 'ascolto']],
  ],
};
const CAT_IDS = CATEGORIES.map((c) => c.id);

const ORG_NAME_PARTS = {
  public: [
    (c) => `Comune di ${c} - Servizi sociali`, (c) => `Ufficio di Piano di ${c}`,
    (c) => `Azienda Speciale Consortile di ${c}`, (c) => `ASST di ${c}`, (c) => `Consorzio servizi alla persona di ${c}`,
  ],
  'third-sector': [
    (c, w) => `Cooperativa sociale ${w}`, (c, w) => `Associazione ${w}`, (c) => `Caritas di ${c}`,
    (c, w) => `Associazione di volontariato ${w}`, (c, w) => `Cooperativa ${w} onlus`, (c) => `Auser ${c}`,
  ],
  other: [
    (c) => `Parrocchia di ${c}`, (c, w) => `Fondazione ${w}`, (c) => `Centro servizi volontariato ${c}`,
    (c, w) => `Comitato ${w}`,
  ],
};
const ORG_WORDS = [
  'Il Mosaico', 'Il Girasole', 'La Tenda', 'Il Ponte', 'Arcobaleno', 'La Rete', 'Il Sentiero', 'Insieme',
  'La Quercia', 'Il Faro', 'Semi di Speranza', 'La Bussola', 'Il Melograno', 'Porte Aperte', 'Il Granaio',
  'Mani Tese', 'La Goccia', 'Nuovi Orizzonti', 'Il Cortile', 'La Casa sull\'Albero', 'Il Seme', 'Passi Avanti',
];

const HOURS = [
  'Mo-Fr 09:00-12:30', 'Mo-Fr 09:00-12:30,14:00-17:00; PH off', 'Tu,Th 15:00-18:00', 'Sa 09:00-12:00',
  '24/7', 'Mo,We,Fr 09:00-12:00', 'Mo-Th 08:30-12:30; Fr 08:30-12:00; PH off', 'We 14:30-17:30',
  'Mo-Sa 08:00-13:00', 'Mo-Fr 10:00-12:00,15:00-18:00', 'Tu 09:00-11:00; Th 16:00-18:00; PH off',
];

function slug(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const round5 = (x) => Math.round(x * 1e5) / 1e5;

/**
 * Build a feed v1 object. Deterministic for given options.
 * @param {{services?: number, seed?: number, hours?: boolean, accessPoints?: number}} [opts]
 */
export function generateFeed({ services = 1000, seed = 1, hours = false, accessPoints } = {}) {
  const rnd = mulberry32(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (arr) => arr[int(arr.length)];
  const jitter = (km) => (rnd() * 2 - 1) * km;
  // Lodi-district comuni are weighted more, like a district feed with neighbours.
  const pickComune = () => (rnd() < 0.35 ? COMUNI[int(18)] : COMUNI[int(COMUNI.length)]);
  const phone = () => `0${300 + int(99)} ${String(100000 + int(900000))}`;

  // Organisations (~60)
  const organizations = [];
  const orgSeen = new Set();
  for (let i = 0; organizations.length < 60 && i < 1000; i++) {
    const n = organizations.length % 6; // 2 public : 3 third-sector : 1 other
    const kind = n < 2 ? 'public' : n < 5 ? 'third-sector' : 'other';
    const c = pickComune()[0];
    const name = pick(ORG_NAME_PARTS[kind])(c, pick(ORG_WORDS));
    const id = slug(name);
    if (orgSeen.has(id)) continue;
    orgSeen.add(id);
    const org = { id, name, kind };
    const domain = `${id.slice(0, 30).replace(/-+$/, '')}.example.org`;
    if (rnd() < 0.7) org.website = `https://www.${domain}`;
    org._short = name.replace(/^(Cooperativa sociale|Associazione di volontariato|Associazione|Fondazione|Comitato) /, '');
    org._domain = domain;
    organizations.push(org);
  }

  const out = new Array(services);
  for (let i = 0; i < services; i++) {
    const org = organizations[int(organizations.length)];
    const cat = CAT_IDS[int(CAT_IDS.length)];
    const cats = [cat];
    if (rnd() < 0.3) {
      const c2 = CAT_IDS[int(CAT_IDS.length)];
      if (c2 !== cat) cats.push(c2);
    }
    const tpl = pick(TEMPLATES[cat]);
    const com = pickComune();
    const name = tpl[0].replace('{c}', com[0]).replace('{o}', org._short);
    const svc = {
      id: `svc-${i + 1}`,
      name,
      description: tpl[1],
      organization: org.id,
      categories: cats,
    };
    const nAud = int(3);
    if (nAud) {
      const aud = [];
      for (let k = 0; k < nAud; k++) {
        const a = AUDIENCES[int(AUDIENCES.length)];
        if (!aud.includes(a)) aud.push(a);
      }
      svc.audiences = aud;
    }
    svc.keywords = rnd() < 0.5 ? tpl[2] : tpl[2].slice(0, 2);
    const nLoc = rnd() < 0.12 ? 2 : 1;
    const locations = [];
    for (let k = 0; k < nLoc; k++) {
      const lc = k === 0 ? com : pickComune();
      const loc = {
        address: `${pick(STREETS)} ${1 + int(120)}`,
        comune: lc[0],
        // ~0.009 deg lat per km; lon degrees are ~0.7 of that at 45°N, so scale
        lat: round5(lc[2] + jitter(3) * 0.009),
        lon: round5(lc[3] + jitter(3) * 0.0127),
      };
      if (nLoc > 1) loc.name = `Sede di ${lc[0]}`;
      if (hours) loc.hours = pick(HOURS);
      locations.push(loc);
    }
    svc.locations = locations;
    if (hours && rnd() < 0.5) svc.hours = locations[0].hours;
    if (rnd() < 0.85) svc.phone = phone();
    if (rnd() < 0.75) svc.email = `info${1 + int(9)}@${org._domain}`;
    if (rnd() < 0.5) svc.website = `https://${org._domain}/servizi/${i + 1}`;
    const v = rnd();
    if (v < 0.03) { svc.validFrom = '2024-01-01'; svc.validThrough = '2025-06-30'; }
    else if (v < 0.05) { svc.validFrom = '2027-03-01'; }
    else if (v < 0.4) { svc.validFrom = '2026-01-01'; svc.validThrough = '2027-12-31'; }
    out[i] = svc;
  }

  const nAp = accessPoints ?? Math.max(5, Math.min(500, Math.round(services / 200)));
  const aps = new Array(nAp);
  for (let i = 0; i < nAp; i++) {
    const com = i < 18 ? COMUNI[i] : pickComune();
    const ap = {
      id: `ap-${i + 1}`,
      name: `${i % 2 ? 'Sportello sociale' : 'Punto di accesso'} di ${com[0]}`,
      description: 'Informazioni, orientamento ai servizi e presa in carico delle richieste di aiuto.',
      address: `${pick(STREETS)} ${1 + int(60)}`,
      comune: com[0],
      lat: round5(com[2] + jitter(1) * 0.009),
      lon: round5(com[3] + jitter(1) * 0.0127),
    };
    if (hours) ap.hours = pick(HOURS);
    ap.phone = phone();
    ap.email = `puntoaccesso@${slug(com[0])}.example.org`;
    aps[i] = ap;
  }

  return {
    version: 1,
    title: `Feed sintetico per benchmark (${services} servizi, seed ${seed})`,
    updated: '2026-11-01T09:00:00Z',
    demo: true,
    categories: CATEGORIES,
    organizations: organizations.map(({ _short, _domain, ...o }) => o),
    services: out,
    accessPoints: aps,
    notices: [{
      id: 'synthetic',
      title: { it: 'Dati sintetici', en: 'Synthetic data' },
      text: {
        it: 'Dati generati automaticamente per test e benchmark: servizi, indirizzi e contatti sono inventati.',
        en: 'Automatically generated data for tests and benchmarks: services, addresses and contacts are invented.',
      },
    }],
  };
}

function parseArgs(argv) {
  const o = { services: 1000, seed: 1, hours: false, out: null, accessPoints: undefined, pretty: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`missing value for ${a}`);
      return v;
    };
    const num = () => {
      const n = Number(val());
      if (!Number.isInteger(n) || n < 0) throw new Error(`${a} needs a non-negative integer`);
      return n;
    };
    if (a === '--services') o.services = num();
    else if (a === '--seed') o.seed = num();
    else if (a === '--out') o.out = val();
    else if (a === '--hours') o.hours = true;
    else if (a === '--access-points') o.accessPoints = num();
    else if (a === '--pretty') o.pretty = true;
    else if (a === '--compact') o.pretty = false;
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`generate-feed: ${e.message}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log('usage: node scripts/generate-feed.mjs --services N --seed S [--out FILE] [--hours] [--access-points N] [--pretty|--compact]');
    process.exit(0);
  }
  const t0 = performance.now();
  const feed = generateFeed(opts);
  const pretty = opts.pretty ?? opts.services <= 1000;
  const json = JSON.stringify(feed, null, pretty ? 2 : undefined) + '\n';
  if (opts.out) {
    mkdirSync(dirname(resolve(opts.out)), { recursive: true });
    writeFileSync(opts.out, json);
    const ms = Math.round(performance.now() - t0);
    console.error(`generate-feed: ${opts.services} services, ${feed.accessPoints.length} access points -> ${opts.out} (${(Buffer.byteLength(json) / 1e6).toFixed(1)} MB, ${ms} ms)`);
  } else {
    process.stdout.write(json);
  }
}
