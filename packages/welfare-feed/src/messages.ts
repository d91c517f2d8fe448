/**
 * Every sentence the tools print, in Italian and English. Messages are plain language
 * for the people who publish the feed, not for developers.
 */

export type Lang = 'it' | 'en';

export type Params = Readonly<Record<string, string | number | undefined>>;

type Template = (p: Params) => string;

const suggestIt = (p: Params) => (p['suggestion'] ? ` Forse «${p['suggestion']}»?` : '');
const suggestEn = (p: Params) => (p['suggestion'] ? ` Did you mean "${p['suggestion']}"?` : '');
const moreIt = (p: Params) => (Number(p['more']) > 0 ? ` e altri ${p['more']}` : '');
const moreEn = (p: Params) => (Number(p['more']) > 0 ? ` and ${p['more']} more` : '');
const knownIt = (p: Params) => (p['known'] ? `Codici validi: ${p['known']}${moreIt(p)}.` : 'Il feed non ne ha nessuna.');
const knownEn = (p: Params) => (p['known'] ? `Valid codes: ${p['known']}${moreEn(p)}.` : 'The feed has none.');
/** ": <reason>." after a sentence when there is a reason, "." alone otherwise. */
const because = (p: Params) => (p['reason'] ? `: ${String(p['reason']).replace(/\.?$/, '.')}` : '.');
const axisIt = (p: Params) => (p['axis'] === 'lon' ? 'longitudine' : 'latitudine');
const axisEn = (p: Params) => (p['axis'] === 'lon' ? 'longitude' : 'latitude');

const catalog = {
  // files and command line
  file_unreadable: {
    it: (p) => `Non riesco a leggere il file ${p['file']}${because(p)}`,
    en: (p) => `Cannot read the file ${p['file']}${because(p)}`,
  },
  json_invalid: {
    it: (p) => `Il file ${p['file']} non è JSON valido${because(p)}`,
    en: (p) => `The file ${p['file']} is not valid JSON${because(p)}`,
  },
  not_a_feed: {
    it: (p) => `Il file ${p['file']} non è un feed v1 (serve un oggetto con "version": 1).`,
    en: (p) => `The file ${p['file']} is not a feed v1 (an object with "version": 1 is needed).`,
  },
  source_kind: {
    it: (p) => `Non so leggere ${p['file']}: uso solo file .csv e .json.`,
    en: (p) => `Cannot read ${p['file']}: only .csv and .json files are supported.`,
  },
  file_encoding: {
    it: (p) => `Il file ${p['file']} non è in UTF-8: l'ho letto come ${p['encoding']} (il «CSV» semplice di Excel). Controllate che lettere accentate e simboli (è, à, €) siano giusti; la prossima volta salvate come «CSV UTF-8».`,
    en: (p) => `The file ${p['file']} is not UTF-8: it was read as ${p['encoding']} (Excel's plain "CSV"). Check that accented letters and symbols (è, à, €) are right; next time save as "CSV UTF-8".`,
  },
  json_too_deep: {
    it: (p) => `Il JSON è annidato troppo in profondità (più di ${p['max']} livelli): non è un feed e non viene letto oltre.`,
    en: (p) => `The JSON is nested too deeply (more than ${p['max']} levels): it is not a feed and is not read further.`,
  },
  output_unwritable: {
    it: (p) => `Non riesco a scrivere ${p['file']}: ${p['reason']}. Il feed non è stato scritto.`,
    en: (p) => `Cannot write ${p['file']}: ${p['reason']}. The feed was not written.`,
  },
  text_replacement_char: {
    it: (p) => `Il testo contiene «\uFFFD», il segno di un file letto con la codifica sbagliata: «${p['value']}». Correggete il testo (un foglio va salvato come «CSV UTF-8»).`,
    en: (p) => `The text holds "\uFFFD", the mark of a file read with the wrong encoding: "${p['value']}". Fix the text (save spreadsheets as "CSV UTF-8").`,
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
    it: (p) => `La categoria «${p['id']}» non esiste nell'elenco delle categorie del feed.${suggestIt(p)} ${knownIt(p)} Per aggiungerne una, mettetela in «categories» nel file di base (per esempio base.json).`,
    en: (p) => `Category "${p['id']}" is not in the feed's list of categories.${suggestEn(p)} ${knownEn(p)} To add one, put it in "categories" in the base file (e.g. base.json).`,
  },
  unknown_organization: {
    it: (p) => `L'organizzazione «${p['id']}» non esiste nell'elenco delle organizzazioni del feed.${suggestIt(p)} ${knownIt(p)} Per aggiungerne una, mettetela in «organizations» nel file di base (per esempio base.json).`,
    en: (p) => `Organisation "${p['id']}" is not in the feed's list of organisations.${suggestEn(p)} ${knownEn(p)} To add one, put it in "organizations" in the base file (e.g. base.json).`,
  },
  coord_swapped: {
    it: (p) => `Latitudine e longitudine sembrano scambiate (${p['lat']}, ${p['lon']}): nel Lodigiano la latitudine è circa 45 e la longitudine circa 9,5. Scambiatele, altrimenti la mappa mostra un punto lontanissimo.`,
    en: (p) => `Latitude and longitude look swapped (${p['lat']}, ${p['lon']}): around Lodi latitude is about 45 and longitude about 9.5. Swap them, otherwise the map shows a faraway point.`,
  },
  coord_outside_territory: {
    it: (p) => `Il punto ${p['lat']}, ${p['lon']} è fuori dal territorio del feed (${p['area']}): controllate le coordinate, o allargate «territory» nel file di base.`,
    en: (p) => `The point ${p['lat']}, ${p['lon']} is outside the feed's territory (${p['area']}): check the coordinates, or widen "territory" in the base file.`,
  },
  comune_outside_territory: {
    it: (p) => `Il comune «${p['comune']}» non è fra i comuni del territorio (${p['known']}): controllate come è scritto.`,
    en: (p) => `The comune "${p['comune']}" is not one of the territory's comuni (${p['known']}): check its spelling.`,
  },
  patron_outside_territory: {
    it: (p) => `Il giorno del patrono è per «${p['comune']}», che non è fra i comuni del territorio (${p['known']}): controllate come è scritto, o scrivete il patrono sul comune in «territory».`,
    en: (p) => `The patron day is for "${p['comune']}", which is not one of the territory's comuni (${p['known']}): check its spelling, or write the patron on the comune in "territory".`,
  },
  patron_conflict: {
    it: (p) => `Due giorni del patrono per «${p['comune']}»: ${p['date']} qui e ${p['other']} in ${p['where']}. Tenetene uno solo (meglio sul comune in «territory»).`,
    en: (p) => `Two patron days for "${p['comune']}": ${p['date']} here and ${p['other']} at ${p['where']}. Keep only one (best on the comune in "territory").`,
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

  mutual_aid_invalid: {
    it: (p) => `Annuncio di aiuto reciproco non valido, non viene mostrato: ${p['reason']}.`,
    en: (p) => `Invalid mutual-aid post, not shown: ${p['reason']}.`,
  },
  mutual_aid_contact: {
    it: () => `L'annuncio sembra contenere un indirizzo email o un numero di telefono: non viene mostrato. I contatti restano nel hub, visibili solo a chi fa da tramite.`,
    en: () => `The post seems to hold an email address or a phone number: it is not shown. Contacts stay in the hub, seen only by the mediator.`,
  },
  mutual_aid_unknown_mediator: {
    it: (p) => `L'organizzazione che fa da tramite «${p['id']}» non è fra le organizzazioni del feed: l'annuncio non viene mostrato.`,
    en: (p) => `The mediating organisation "${p['id']}" is not in the feed's organizations: the post is not shown.`,
  },
  mutual_aid_expired: {
    it: (p) => `Annuncio scaduto il ${p['date']}: non viene più mostrato. Puoi toglierlo dal feed.`,
    en: (p) => `Post expired on ${p['date']}: it is no longer shown. You can remove it from the feed.`,
  },

  // spreadsheets (CSV)
  csv_parse: {
    it: (p) => `Problema nel file CSV alla riga ${p['line']}: ${p['detail']}.`,
    en: (p) => `Problem in the CSV file at row ${p['line']}: ${p['detail']}.`,
  },
  csv_no_name_column: {
    it: () => `Manca la colonna «nome»: la prima riga deve contenere le intestazioni del modello.`,
    en: () => `The "nome" column is missing: the first line must hold the template's headers.`,
  },
  csv_unknown_column: {
    it: (p) => `Colonna «${p['column']}» sconosciuta: viene ignorata. Le colonne del modello sono: ${p['known']}.`,
    en: (p) => `Unknown column "${p['column']}": it is ignored. The template's columns are: ${p['known']}.`,
  },
  csv_misspelt_column: {
    it: (p) => `Colonna «${p['column']}» sconosciuta: forse «${p['suggestion']}»? Correggete l'intestazione, altrimenti i dati di questa colonna andrebbero persi.`,
    en: (p) => `Unknown column "${p['column']}": did you mean "${p['suggestion']}"? Fix the header, otherwise this column's data would be lost.`,
  },
  csv_too_many_cells: {
    it: (p) => `La riga ${p['line']} ha ${p['cells']} celle ma le intestazioni sono ${p['columns']}: probabilmente una cella contiene il separatore «${p['separator']}» senza virgolette, e le colonne dopo sono scalate. La riga viene saltata.`,
    en: (p) => `Row ${p['line']} has ${p['cells']} cells but there are ${p['columns']} headers: probably a cell holds the separator "${p['separator']}" without quotes, and the columns after it have shifted. The row is skipped.`,
  },
  csv_formula: {
    it: (p) => `Alla riga ${p['line']}, colonna «${p['column']}», la cella comincia come una formula del foglio di calcolo («${p['value']}»): viene tenuta come testo, così com'è. Controllate che sia il testo voluto e non una formula copiata.`,
    en: (p) => `Row ${p['line']}, column "${p['column']}": the cell starts like a spreadsheet formula ("${p['value']}"): it is kept as text, as it is. Check it is the intended text and not a copied formula.`,
  },
  csv_missing_name: {
    it: (p) => `Riga ${p['line']} senza nome del servizio: la riga viene saltata.`,
    en: (p) => `Row ${p['line']} has no service name: the row is skipped.`,
  },
  csv_coord_unreadable: {
    it: (p) => `Coordinate illeggibili alla riga ${p['line']}: ${axisIt(p)} «${p['value']}» non è un numero. Il servizio resta, ma senza posizione sulla mappa.`,
    en: (p) => `Unreadable coordinates at row ${p['line']}: ${axisEn(p)} "${p['value']}" is not a number. The service is kept, without a map position.`,
  },
  csv_coord_range: {
    it: (p) => `Coordinate impossibili alla riga ${p['line']}: ${axisIt(p)} ${p['value']} (deve stare fra ${p['min']} e ${p['max']}). Il servizio resta, ma senza posizione sulla mappa.`,
    en: (p) => `Impossible coordinates at row ${p['line']}: ${axisEn(p)} ${p['value']} (must be between ${p['min']} and ${p['max']}). The service is kept, without a map position.`,
  },
  csv_coord_half: {
    it: (p) => `Alla riga ${p['line']} c'è solo una delle due coordinate: il servizio resta, ma senza posizione sulla mappa.`,
    en: (p) => `Row ${p['line']} has only one of the two coordinates: the service is kept, without a map position.`,
  },
  csv_date_invalid: {
    it: (p) => `Data non valida alla riga ${p['line']}, colonna «${p['column']}»: «${p['value']}». Scrivi per esempio 31/12/2026.`,
    en: (p) => `Invalid date at row ${p['line']}, column "${p['column']}": "${p['value']}". Write e.g. 31/12/2026.`,
  },
  csv_extra_location: {
    it: (p) => `La riga ${p['line']} ripete l'id «${p['id']}»: è stata aggiunta come altra sede dello stesso servizio.`,
    en: (p) => `Row ${p['line']} repeats the id "${p['id']}": it was added as another location of the same service.`,
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
  hsds_not_object: {
    it: () => `Questa voce non è un oggetto HSDS (con "id", "name"...): scartata.`,
    en: () => `This entry is not an HSDS object (with "id", "name"...): dropped.`,
  },
  hsds_empty: {
    it: () => `Il file HSDS non contiene servizi: non c'è niente da pubblicare. Controllate di aver esportato il file giusto.`,
    en: () => `The HSDS file holds no services: there is nothing to publish. Check that the right file was exported.`,
  },
  hsds_nothing_imported: {
    it: (p) => `Nessuno dei ${p['read']} servizi letti è stato importato (vedi i motivi sopra): il feed sarebbe vuoto.`,
    en: (p) => `None of the ${p['read']} services read was imported (see the reasons above): the feed would be empty.`,
  },
  hsds_more_pages: {
    it: (p) => `Questa è la pagina ${p['page']} di ${p['total']} della risposta dell'API: i servizi delle altre pagine mancano. Scaricate tutte le pagine e unitele (o usate l'esportazione completa).`,
    en: (p) => `This is page ${p['page']} of ${p['total']} of the API response: the services on the other pages are missing. Fetch every page and merge them (or use the full export).`,
  },
  hsds_no_coordinates: {
    it: (p) => `La sede «${p['name']}» non ha coordinate: resta nel feed, ma non sarà sulla mappa.`,
    en: (p) => `The location "${p['name']}" has no coordinates: it stays in the feed, but it will not be on the map.`,
  },
  hsds_schedule_periods: {
    it: (p) => `Orari con periodi di validità diversi: espressi con intervalli di date, senza unirli («${p['hours']}»).`,
    en: (p) => `Schedules with different validity periods: written with date ranges, not merged ("${p['hours']}").`,
  },
  hsds_table_ignored: {
    it: (p) => `${p['table']}: ${p['rows']} righe non importate (il feed v1 non ha un campo equivalente).`,
    en: (p) => `${p['table']}: ${p['rows']} rows not imported (feed v1 has no equivalent field).`,
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
  line: { it: 'riga', en: 'row' },
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
  --json, --format json  resoconto in JSON per altri programmi (validate, build, from-hsds)
  --all                mostra tutti i problemi (altrimenti i primi 5 di ogni tipo e il conteggio)
  --today AAAA-MM-GG   data di oggi per le scadenze (predefinito: oggi a Roma)
  --lang it|en         lingua dei messaggi (predefinita: da LANG)

Uscita: 0 nessun errore (anche con avvisi), 1 errori nel feed, 2 uso sbagliato, file illeggibile
o risultato impossibile da scrivere (per esempio la cartella di -o non esiste).`,
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
  --json, --format json  machine-readable report (validate, build, from-hsds)
  --all                print every problem (otherwise the first 5 of each kind and a count)
  --today YYYY-MM-DD   today's date for expiry (default: today in Rome)
  --lang it|en         message language (default: from LANG)

Exit: 0 no errors (warnings allowed), 1 errors in the feed, 2 usage error, unreadable file
or output that cannot be written (e.g. the folder of -o does not exist).`,
  },
  ok: { it: 'Nessun problema trovato.', en: 'No problems found.' },
  hoursCompiled: {
    it: 'Orari compilati per i telefoni: {compiled} (non compilati, letti dal browser: {skipped}).',
    en: 'Opening hours compiled for phones: {compiled} (not compiled, read by the browser: {skipped}).',
  },
  written: {
    it: 'Feed scritto in {file} ({services} servizi, {accessPoints} punti di accesso).',
    en: 'Feed written to {file} ({services} services, {accessPoints} access points).',
  },
  noFolder: { it: 'la cartella {dir} non esiste (createla prima, o scegliete un\'altra cartella)', en: 'the folder {dir} does not exist (create it first, or choose another folder)' },
  isFolder: { it: 'è una cartella, non un file', en: 'it is a folder, not a file' },
  noPermission: { it: 'non c\'è il permesso di scriverci', en: 'permission denied' },
  // Node's file and JSON errors, said plainly (node-errors.ts).
  fileMissing: { it: 'il file non esiste (controllate il nome e la cartella)', en: 'the file does not exist (check its name and folder)' },
  notDirOnPath: { it: 'una parte del percorso è un file, non una cartella', en: 'part of the path is a file, not a folder' },
  noReadPermission: { it: 'non c\'è il permesso di leggerlo', en: 'permission denied' },
  jsonEmpty: { it: 'il file è vuoto', en: 'the file is empty' },
  jsonEnds: { it: 'il testo finisce prima del previsto (manca una parentesi ] o } di chiusura, o il file è stato tagliato)', en: 'the text ends too soon (a closing ] or } is missing, or the file was cut short)' },
  jsonAt: { it: 'errore alla riga {line}, colonna {column}, vicino a «{near}».', en: 'error at line {line}, column {column}, near "{near}".' },
  jsonHintComma: { it: 'Forse manca una virgola tra due valori.', en: 'Perhaps a comma is missing between two values.' },
  jsonHintName: { it: 'Forse c\'è una virgola di troppo prima di } o ], o un nome di campo senza virgolette doppie.', en: 'Perhaps there is a comma too many before } or ], or a field name without double quotes.' },
  hiddenTitle: {
    it: 'Altri problemi dello stesso tipo (ne sono mostrati {n} per tipo; --all li mostra tutti):',
    en: 'More problems of the same kind ({n} of each kind are shown; --all shows them all):',
  },
  hiddenLine: { it: '{code}: altri {count} ({severity}, {total} in tutto)', en: '{code}: {count} more ({severity}, {total} in all)' },
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
