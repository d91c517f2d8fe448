/**
 * Every sentence the tools print, in Italian and English. Messages are plain language
 * for the people who publish the feed, not for developers.
 */

export type Lang = 'it' | 'en';

export type Params = Readonly<Record<string, string | number | undefined>>;

type Template = (p: Params) => string;

const axisIt = (p: Params) => (p['axis'] === 'lon' ? 'longitudine' : 'latitudine');
const axisEn = (p: Params) => (p['axis'] === 'lon' ? 'longitude' : 'latitude');

const catalog = {
  // files and command line
  file_unreadable: {
    it: (p) => `Non riesco a leggere il file ${p['file']}.`,
    en: (p) => `Cannot read the file ${p['file']}.`,
  },
  json_invalid: {
    it: (p) => `Il file ${p['file']} non è JSON valido.`,
    en: (p) => `The file ${p['file']} is not valid JSON.`,
  },
  not_a_feed: {
    it: (p) => `Il file ${p['file']} non è un feed v1 (serve un oggetto con "version": 1).`,
    en: (p) => `The file ${p['file']} is not a feed v1 (an object with "version": 1 is needed).`,
  },
  source_kind: {
    it: (p) => `Non so leggere ${p['file']}: uso solo file .csv e .json.`,
    en: (p) => `Cannot read ${p['file']}: only .csv and .json files are supported.`,
  },
  not_written: {
    it: (p) => `Il feed non è stato scritto perché ci sono errori. Correggili, oppure aggiungi --force per scriverlo comunque (${p['file']}).`,
    en: (p) => `The feed was not written because of errors. Fix them, or add --force to write it anyway (${p['file']}).`,
  },

  // JSON Schema
  schema_required: {
    it: (p) => `Manca il campo obbligatorio «${p['field']}».`,
    en: (p) => `The required field "${p['field']}" is missing.`,
  },
  schema_type: {
    it: (p) => `Tipo sbagliato: qui ci vuole ${p['expected']}.`,
    en: (p) => `Wrong type: this must be ${p['expected']}.`,
  },
  schema_enum: {
    it: (p) => `Valore non ammesso ${p['value']}: i valori possibili sono ${p['allowed']}.`,
    en: (p) => `Value ${p['value']} is not allowed: possible values are ${p['allowed']}.`,
  },
  schema_const: {
    it: (p) => `Il valore deve essere ${p['expected']}.`,
    en: (p) => `The value must be ${p['expected']}.`,
  },
  schema_format: {
    it: (p) => `Formato non valido (${p['format']}): ${p['value']}.`,
    en: (p) => `Invalid format (${p['format']}): ${p['value']}.`,
  },
  schema_empty: {
    it: () => `Il valore non può essere vuoto.`,
    en: () => `The value cannot be empty.`,
  },
  schema_other: {
    it: (p) => `Valore non valido: ${p['detail']}.`,
    en: (p) => `Invalid value: ${p['detail']}.`,
  },

  // checks on the content of the feed
  coord_not_number: {
    it: (p) => `Coordinate non valide: ${axisIt(p)} ${p['value']} non è un numero (scrivi per esempio 45.3138, con il punto).`,
    en: (p) => `Invalid coordinates: ${axisEn(p)} ${p['value']} is not a number (write e.g. 45.3138).`,
  },
  coord_range: {
    it: (p) => `Coordinate impossibili: ${axisIt(p)} ${p['value']} (deve stare fra ${p['min']} e ${p['max']}).`,
    en: (p) => `Impossible coordinates: ${axisEn(p)} ${p['value']} (must be between ${p['min']} and ${p['max']}).`,
  },
  coord_half: {
    it: () => `C'è solo una delle due coordinate (latitudine e longitudine): senza l'altra il punto non va sulla mappa.`,
    en: () => `Only one of latitude and longitude is given: without the other the place is not put on the map.`,
  },
  coord_outside_italy: {
    it: (p) => `Le coordinate ${p['lat']}, ${p['lon']} cadono fuori dall'Italia: controlla che latitudine e longitudine non siano scambiate.`,
    en: (p) => `Coordinates ${p['lat']}, ${p['lon']} fall outside Italy: check that latitude and longitude are not swapped.`,
  },
  hours_invalid: {
    it: (p) => `Orari non comprensibili: «${p['value']}». Usa la sintassi opening_hours di OpenStreetMap, per esempio "Mo-Fr 09:00-12:30".`,
    en: (p) => `Opening hours cannot be read: "${p['value']}". Use the OpenStreetMap opening_hours syntax, e.g. "Mo-Fr 09:00-12:30".`,
  },
  hours_warning: {
    it: (p) => `Orari comprensibili ma scritti in modo impreciso: «${p['value']}».`,
    en: (p) => `Opening hours are readable but loosely written: "${p['value']}".`,
  },
  service_expired: {
    it: (p) => `Servizio scaduto il ${p['date']}: non viene più mostrato. Aggiorna la data o toglilo.`,
    en: (p) => `Service expired on ${p['date']}: it is no longer shown. Update the date or remove it.`,
  },
  validity_reversed: {
    it: (p) => `La data di inizio (${p['from']}) viene dopo la data di fine (${p['through']}): il servizio non sarebbe mai mostrato.`,
    en: (p) => `The start date (${p['from']}) is after the end date (${p['through']}): the service would never be shown.`,
  },
  unknown_category: {
    it: (p) => `La categoria «${p['id']}» non esiste nell'elenco delle categorie del feed.`,
    en: (p) => `Category "${p['id']}" is not in the feed's list of categories.`,
  },
  unknown_organization: {
    it: (p) => `L'organizzazione «${p['id']}» non esiste nell'elenco delle organizzazioni del feed.`,
    en: (p) => `Organisation "${p['id']}" is not in the feed's list of organisations.`,
  },
  duplicate_id: {
    it: (p) => `L'id «${p['id']}» è ripetuto: è già usato in ${p['first']}. Ogni voce deve avere un id diverso.`,
    en: (p) => `The id "${p['id']}" is repeated: it is already used at ${p['first']}. Every entry needs its own id.`,
  },
  id_shared: {
    it: (p) => `L'id «${p['id']}» è usato sia da un servizio sia da un punto di accesso (${p['first']}): meglio renderli diversi.`,
    en: (p) => `The id "${p['id']}" is used by both a service and an access point (${p['first']}): better make them different.`,
  },

  notice_no_text: {
    it: () => `Avviso senza testo: aggiungi «text» (o almeno «title»), altrimenti non viene mostrato.`,
    en: () => `Notice without text: add "text" (or at least "title"), otherwise it is not shown.`,
  },
  notice_unknown_service: {
    it: (p) => `L'avviso indica il servizio «${p['id']}», che non esiste nel feed: viene ignorato (una chiusura non lo chiude).`,
    en: (p) => `The notice names service "${p['id']}", which is not in the feed: it is ignored (a closure does not close it).`,
  },
  notice_unknown_access_point: {
    it: (p) => `L'avviso indica il punto di accesso «${p['id']}», che non esiste nel feed: viene ignorato.`,
    en: (p) => `The notice names access point "${p['id']}", which is not in the feed: it is ignored.`,
  },
  notice_link: {
    it: (p) => `Collegamento non valido ${p['value']}: serve un indirizzo web completo, con https://. Viene tolto.`,
    en: (p) => `Invalid link ${p['value']}: a full web address with https:// is needed. It is removed.`,
  },
  notice_hours_ignored: {
    it: () => `Gli orari di un avviso valgono solo per le chiusure (kind "closure"): qui vengono ignorati.`,
    en: () => `A notice's hours only apply to closures (kind "closure"): here they are ignored.`,
  },
  notice_dates_reversed: {
    it: (p) => `La data di inizio (${p['from']}) viene dopo la data di fine (${p['through']}): l'avviso non viene mostrato.`,
    en: (p) => `The start date (${p['from']}) is after the end date (${p['through']}): the notice is not shown.`,
  },
  notice_expired: {
    it: (p) => `Avviso scaduto il ${p['date']}: non viene più mostrato. Puoi toglierlo dal feed.`,
    en: (p) => `Notice expired on ${p['date']}: it is no longer shown. You can remove it from the feed.`,
  },

  // spreadsheets (CSV)
  csv_parse: {
    it: (p) => `Problema nel file CSV alla riga ${p['line']}: ${p['detail']}.`,
    en: (p) => `Problem in the CSV file at line ${p['line']}: ${p['detail']}.`,
  },
  csv_no_name_column: {
    it: () => `Manca la colonna «nome»: la prima riga deve contenere le intestazioni del modello.`,
    en: () => `The "nome" column is missing: the first line must hold the template's headers.`,
  },
  csv_unknown_column: {
    it: (p) => `Colonna «${p['column']}» sconosciuta: viene ignorata.`,
    en: (p) => `Unknown column "${p['column']}": it is ignored.`,
  },
  csv_missing_name: {
    it: (p) => `Riga ${p['line']} senza nome del servizio: la riga viene saltata.`,
    en: (p) => `Line ${p['line']} has no service name: the line is skipped.`,
  },
  csv_coord_unreadable: {
    it: (p) => `Coordinate illeggibili alla riga ${p['line']}: ${axisIt(p)} «${p['value']}» non è un numero. Il servizio resta, ma senza posizione sulla mappa.`,
    en: (p) => `Unreadable coordinates at line ${p['line']}: ${axisEn(p)} "${p['value']}" is not a number. The service is kept, without a map position.`,
  },
  csv_coord_range: {
    it: (p) => `Coordinate impossibili alla riga ${p['line']}: ${axisIt(p)} ${p['value']} (deve stare fra ${p['min']} e ${p['max']}). Il servizio resta, ma senza posizione sulla mappa.`,
    en: (p) => `Impossible coordinates at line ${p['line']}: ${axisEn(p)} ${p['value']} (must be between ${p['min']} and ${p['max']}). The service is kept, without a map position.`,
  },
  csv_coord_half: {
    it: (p) => `Alla riga ${p['line']} c'è solo una delle due coordinate: il servizio resta, ma senza posizione sulla mappa.`,
    en: (p) => `Line ${p['line']} has only one of the two coordinates: the service is kept, without a map position.`,
  },
  csv_date_invalid: {
    it: (p) => `Data non valida alla riga ${p['line']}, colonna «${p['column']}»: «${p['value']}». Scrivi per esempio 31/12/2026.`,
    en: (p) => `Invalid date at line ${p['line']}, column "${p['column']}": "${p['value']}". Write e.g. 31/12/2026.`,
  },
  csv_extra_location: {
    it: (p) => `La riga ${p['line']} ripete l'id «${p['id']}»: è stata aggiunta come altra sede dello stesso servizio.`,
    en: (p) => `Line ${p['line']} repeats the id "${p['id']}": it was added as another location of the same service.`,
  },

  // build
  entry_not_object: {
    it: () => `Questa voce non è un oggetto JSON: viene saltata.`,
    en: () => `This entry is not a JSON object: it is skipped.`,
  },
  entry_missing_name: {
    it: () => `Questa voce non ha un nome: viene saltata.`,
    en: () => `This entry has no name: it is skipped.`,
  },
  fragment_shape: {
    it: () => `Il frammento JSON deve essere un oggetto (come un feed) o un elenco di servizi.`,
    en: () => `A JSON fragment must be an object (like a feed) or a list of services.`,
  },
  build_duplicate_id: {
    it: (p) => `L'id «${p['id']}» è già stato usato (${p['first']}): questa voce viene saltata.`,
    en: (p) => `The id "${p['id']}" was already used (${p['first']}): this entry is skipped.`,
  },
  definition_conflict: {
    it: (p) => `«${p['id']}» è definito in modo diverso anche in ${p['first']}: tengo la prima versione.`,
    en: (p) => `"${p['id']}" is also defined differently in ${p['first']}: the first one is kept.`,
  },
  likely_duplicate: {
    it: (p) => `Probabile doppione: «${p['name']}» a ${p['comune']} compare anche in ${p['first']}.`,
    en: (p) => `Likely duplicate: "${p['name']}" in ${p['comune']} also appears in ${p['first']}.`,
  },

  // Open Referral HSDS
  hsds_shape: {
    it: () => `Non riconosco il formato HSDS: mi aspetto un oggetto con "services", "organizations", "locations"... oppure un elenco di servizi.`,
    en: () => `Not recognised as HSDS: expected an object with "services", "organizations", "locations"... or a list of services.`,
  },
  hsds_missing_identity: {
    it: () => `Voce senza id o senza nome: scartata.`,
    en: () => `Entry without id or name: dropped.`,
  },
  hsds_service_status: {
    it: (p) => `Servizio con stato «${p['status']}»: scartato (si importano solo i servizi attivi).`,
    en: (p) => `Service with status "${p['status']}": dropped (only active services are imported).`,
  },
  hsds_unknown_reference: {
    it: (p) => `Riferimento a ${p['what']} «${p['id']}» che non esiste: scartato.`,
    en: (p) => `Reference to ${p['what']} "${p['id']}", which does not exist: dropped.`,
  },
  hsds_location_kind: {
    it: (p) => `Sede di tipo «${p['type']}»: non è un luogo dove andare, scartata.`,
    en: (p) => `Location of type "${p['type']}": not a place to go to, dropped.`,
  },
  hsds_location_unused: {
    it: () => `Sede non collegata a nessun servizio importato: scartata.`,
    en: () => `Location not linked to any imported service: dropped.`,
  },
  hsds_coordinates: {
    it: (p) => `Coordinate ${p['lat']}, ${p['lon']} non valide: la sede resta, senza posizione sulla mappa.`,
    en: (p) => `Coordinates ${p['lat']}, ${p['lon']} are not valid: the location is kept, without a map position.`,
  },
  hsds_schedule_unsupported: {
    it: (p) => `Orario non convertibile (${p['reason']}): scartato.`,
    en: (p) => `Schedule cannot be converted (${p['reason']}): dropped.`,
  },
  hsds_schedule_expired: {
    it: (p) => `Orario valido solo fino al ${p['date']}: scartato.`,
    en: (p) => `Schedule valid only until ${p['date']}: dropped.`,
  },
  hsds_schedule_timezone: {
    it: (p) => `Orario con fuso «${p['zone']}»: l'ora è stata presa così com'è, come ora italiana.`,
    en: (p) => `Schedule with time zone "${p['zone']}": the time was kept as is, as Italian time.`,
  },
  hsds_field_ignored: {
    it: (p) => `Campo «${p['field']}» (${p['entity']}, ${p['count']} in tutto): il feed v1 non ha un campo equivalente, ignorato.`,
    en: (p) => `Field "${p['field']}" (${p['entity']}, ${p['count']} in all): feed v1 has no equivalent field, ignored.`,
  },
} satisfies Record<string, Record<Lang, Template>>;

export type MessageCode = keyof typeof catalog;

export function message(lang: Lang, code: MessageCode, params: Params = {}): string {
  const entry: Record<Lang, Template> = catalog[code];
  return entry[lang](params);
}

/** Words used around messages (labels, summaries, type names). */
const words = {
  error: { it: 'errore', en: 'error' },
  warning: { it: 'avviso', en: 'warning' },
  info: { it: 'nota', en: 'note' },
  line: { it: 'riga', en: 'line' },
  string: { it: 'un testo', en: 'a string' },
  number: { it: 'un numero', en: 'a number' },
  integer: { it: 'un numero intero', en: 'an integer' },
  array: { it: 'un elenco', en: 'a list' },
  object: { it: 'un oggetto', en: 'an object' },
  boolean: { it: 'vero o falso', en: 'true or false' },
  or: { it: 'o', en: 'or' },
  'format:date': { it: 'data, scritta AAAA-MM-GG', en: 'date, written YYYY-MM-DD' },
  'format:date-time': { it: 'data e ora ISO 8601', en: 'ISO 8601 date and time' },
  'format:uri': { it: 'indirizzo web completo, con https://', en: 'full web address, with https://' },
  'format:email': { it: 'indirizzo e-mail', en: 'e-mail address' },
  organization: { it: "un'organizzazione", en: 'an organisation' },
  service: { it: 'un servizio', en: 'a service' },
  location: { it: 'una sede', en: 'a location' },
  services: { it: 'servizi', en: 'services' },
  organizations: { it: 'organizzazioni', en: 'organisations' },
  locations: { it: 'sedi', en: 'locations' },
  'schedule:freq': { it: 'frequenza «{value}» non supportata', en: 'frequency "{value}" not supported' },
  'schedule:interval': { it: 'si ripete ogni {value} settimane', en: 'repeats every {value} weeks' },
  'schedule:byday': { it: 'giorno «{value}» non riconosciuto', en: 'day "{value}" not recognised' },
  'schedule:rule': { it: 'regola «{value}» non supportata', en: 'rule "{value}" not supported' },
  'schedule:days': { it: 'mancano i giorni', en: 'no days given' },
  'schedule:orphan': { it: 'non collegato a nessun servizio o sede importati', en: 'not linked to any imported service or location' },
  'schedule:times': { it: 'mancano o sono illeggibili gli orari di apertura e chiusura', en: 'opening and closing times are missing or unreadable' },
  usage: {
    it: `Uso: welfare-feed <comando> [opzioni]

Comandi:
  validate <feed.json>           controlla un feed v1 (schema e contenuti)
  build <file.csv|file.json>...  unisce fogli di calcolo CSV e frammenti JSON in un feed
  from-hsds <hsds.json>          converte Open Referral HSDS 3.0 in feed v1
  compile <feed.json>            aggiunge gli orari compilati (hoursCompiled) a un feed scritto a mano
  notices <feed.json>            scrive gli avvisi attuali come RSS 2.0 (o --format ics:
                                 scadenze ed eventi come calendario iCalendar)
  template                       stampa il modello CSV da compilare

Opzioni:
  -o, --out <file>     dove scrivere il risultato (build, from-hsds, compile, notices); altrimenti sullo standard output
  --format rss|ics     notices: RSS 2.0 (predefinito) o iCalendar
  --link <url>         notices: indirizzo della pagina degli avvisi (necessario per RSS)
  --title <testo>      titolo del feed (build, from-hsds)
  --updated <data>     valore di "updated" (predefinito: adesso)
  --force              scrive il feed anche se ci sono errori
  --json               resoconto in JSON per altri programmi
  --today AAAA-MM-GG   data di oggi per le scadenze (predefinito: oggi a Roma)
  --lang it|en         lingua dei messaggi (predefinita: da LANG)

Uscita: 0 nessun errore (anche con avvisi), 1 errori, 2 uso sbagliato o file illeggibile.`,
    en: `Usage: welfare-feed <command> [options]

Commands:
  validate <feed.json>           check a feed v1 (schema and content)
  build <file.csv|file.json>...  merge CSV spreadsheets and JSON fragments into one feed
  from-hsds <hsds.json>          convert Open Referral HSDS 3.0 to feed v1
  compile <feed.json>            add the compiled opening hours (hoursCompiled) to a hand-written feed
  notices <feed.json>            write the current notices as RSS 2.0 (or --format ics:
                                 deadlines and events as an iCalendar file)
  template                       print the CSV template to fill in

Options:
  -o, --out <file>     where to write the result (build, from-hsds, compile, notices); default standard output
  --format rss|ics     notices: RSS 2.0 (default) or iCalendar
  --link <url>         notices: address of the notices web page (needed for RSS)
  --title <text>       feed title (build, from-hsds)
  --updated <date>     value of "updated" (default: now)
  --force              write the feed even when there are errors
  --json               machine-readable report
  --today YYYY-MM-DD   today's date for expiry (default: today in Rome)
  --lang it|en         message language (default: from LANG)

Exit: 0 no errors (warnings allowed), 1 errors, 2 usage error or unreadable file.`,
  },
  ok: { it: 'Nessun problema trovato.', en: 'No problems found.' },
  hoursCompiled: {
    it: 'Orari compilati per i telefoni: {compiled} (non compilati, letti dal browser: {skipped}).',
    en: 'Opening hours compiled for phones: {compiled} (not compiled, read by the browser: {skipped}).',
  },
  noticesLink: {
    it: 'Per il file RSS serve --link con l\'indirizzo (https://...) della pagina degli avvisi del sito.',
    en: 'The RSS file needs --link with the address (https://...) of the site\'s notices page.',
  },
  totals: { it: '{e} errori, {w} avvisi.', en: '{e} errors, {w} warnings.' },
  summary: {
    it: '{file}: {read} voci lette, {services} servizi, {accessPoints} punti di accesso, {skipped} saltate, {e} errori, {w} avvisi',
    en: '{file}: {read} entries read, {services} services, {accessPoints} access points, {skipped} skipped, {e} errors, {w} warnings',
  },
  hsdsCounts: {
    it: 'HSDS letto: {inServices} servizi, {inOrgs} organizzazioni, {inLocations} sedi, {inLinks} collegamenti servizio-sede, {inSchedules} orari. Feed: {services} servizi, {orgs} organizzazioni, {locations} sedi, {categories} categorie.',
    en: 'HSDS read: {inServices} services, {inOrgs} organisations, {inLocations} locations, {inLinks} service-location links, {inSchedules} schedules. Feed: {services} services, {orgs} organisations, {locations} locations, {categories} categories.',
  },
} satisfies Record<string, Record<Lang, string>>;

export type Word = keyof typeof words;

export const isWord = (key: string): key is Word => Object.hasOwn(words, key);

/** A word or short template; `{name}` placeholders are filled from params. */
export function word(lang: Lang, key: Word, params: Params = {}): string {
  const entry: Record<Lang, string> = words[key];
  return entry[lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** `--lang` wins; otherwise English only when LANG starts with "en". */
export function pickLang(flag: string | undefined, env: string | undefined): Lang {
  if (flag === 'it' || flag === 'en') return flag;
  return env?.toLowerCase().startsWith('en') ? 'en' : 'it';
}
