/**
 * The welfare thesaurus: the words people say → the words services use. Italian first,
 * then English for foreign residents. It ships with the library (in the lazy search
 * chunk, not the first load); a feed adds its own entries with the optional top-level
 * `thesaurus` field (docs/feed-format.md), in the same shape.
 *
 * `words` are what a person types: single words or short phrases, any form (they are
 * stemmed, so "bolletta" also covers "bollette"). `means` are words the feeds use; a
 * query that contains one of `words` also looks for them, ranked a little below the
 * words actually typed. Entries are one-way: "fame" finds "alimentare", not the reverse.
 * Documented in docs/search.md; keep entries general (no names of one territory's
 * services: those belong in that feed's own `thesaurus`).
 */
import type { ThesaurusEntry } from '../feed/types.js';

export type { ThesaurusEntry };

export const THESAURUS: readonly ThesaurusEntry[] = [
  // Cibo
  { words: ['mangiare', 'fame', 'cibo', 'pacco', 'pacchi', 'viveri', 'da mangiare'], means: ['cibo', 'alimentare', 'alimenti', 'pasto', 'spesa', 'mensa'] },
  { words: ['spesa', 'supermercato', 'generi alimentari'], means: ['alimentare', 'alimenti', 'emporio', 'spesa'] },
  // Snowball keeps "alimentari" whole (not "aliment…"), so it would miss "alimenti".
  { words: ['alimentari', 'alimentare', 'alimento'], means: ['alimenti', 'alimentare', 'alimentari'] },
  { words: ['pranzo', 'cena', 'pasto caldo', 'pasti'], means: ['mensa', 'pasto', 'pasti'] },
  { words: ['gratis', 'gratuito', 'senza pagare'], means: ['gratuito', 'gratuita', 'gratuiti', 'solidale'] },
  { words: ['latte in polvere', 'omogeneizzati'], means: ['infanzia', 'latte', 'pannolini'] },
  // Casa
  { words: ['casa popolare', 'case popolari', 'aler', 'edilizia popolare'], means: ['alloggi', 'case popolari', 'bando', 'abitare'] },
  { words: ['affitto', 'pigione', 'canone'], means: ['affitto', 'canone', 'abitare'] },
  { words: ['alloggio', 'appartamento', 'abitazione'], means: ['casa', 'alloggio', 'abitare', 'abitativa'] },
  { words: ['dormire', 'posto letto', 'notte'], means: ['dormitorio', 'posti letto', 'alloggio', 'accoglienza'] },
  { words: ['senzatetto', 'senza casa', 'senza tetto', 'clochard', 'barbone', 'vivo in strada'], means: ['senza dimora', 'dormitorio', 'emergenza abitativa'] },
  { words: ['sfrattato', 'sfratto', 'perdere la casa', 'mi cacciano di casa'], means: ['sfratto', 'morosità', 'emergenza abitativa'] },
  // Soldi
  { words: ['soldi', 'denaro', 'pagare', 'non arrivo a fine mese', 'debiti', 'povertà', 'povero'], means: ['contributo', 'contributi', 'sostegno economico', 'aiuto economico', 'bonus'] },
  { words: ['bollette', 'bolletta', 'luce', 'gas', 'riscaldamento'], means: ['bollette', 'utenze', 'aiuto economico'] },
  { words: ['sussidio', 'sussidi', 'assegno', 'reddito'], means: ['contributo', 'assegno', 'bonus', 'sostegno'] },
  // Lavoro
  { words: ['cerco lavoro', 'trovare lavoro', 'impiego', 'occupazione', 'posto di lavoro'], means: ['lavoro', 'impiego', 'tirocinio', 'curriculum', 'offerte'] },
  { words: ['disoccupato', 'disoccupata', 'disoccupazione', 'senza lavoro', 'licenziato'], means: ['lavoro', 'orientamento', 'tirocinio', 'offerte'] },
  { words: ['stage', 'apprendistato'], means: ['tirocinio', 'tirocini'] },
  { words: ['corso professionale', 'qualifica', 'diploma'], means: ['corsi professionali', 'attestato', 'formazione'] },
  { words: ['cv'], means: ['curriculum'] },
  // Salute e cura
  { words: ['dottore', 'dottoressa', 'medico di base', 'visita', 'ambulatorio'], means: ['medico', 'medici', 'visite', 'ambulatorio', 'salute'] },
  { words: ['malato', 'malattia', 'sto male'], means: ['salute', 'cura', 'medico'] },
  { words: ['dentista', 'denti', 'dente', 'ortopedico', 'ortopedia', 'oculista', 'occhi', 'specialista', 'visita specialistica'], means: ['medico', 'medici', 'visite', 'ambulatorio', 'salute'] },
  { words: ['medicine', 'medicinali', 'farmaci', 'pastiglie'], means: ['farmaci', 'farmacia'] },
  { words: ['incinta', 'aspetto un bambino', 'gravidanza', 'parto'], means: ['gravidanza', 'consultorio', 'ostetrica'] },
  { words: ['ginecologo', 'ginecologa', 'contraccezione', 'pillola'], means: ['consultorio', 'ginecologa', 'contraccezione'] },
  { words: ['psicologo', 'psicologa', 'depressione', 'ansia', 'stress', 'sto male dentro'], means: ['psicologo', 'sostegno psicologico', 'ascolto'] },
  { words: ['droga', 'droghe', 'drogarsi', 'sostanze', 'cocaina', 'eroina'], means: ['dipendenze', 'sostanze'] },
  { words: ['alcolismo', 'alcolista', 'bere', 'ubriaco'], means: ['alcol', 'dipendenze'] },
  { words: ['slot', 'scommesse', 'ludopatia', 'gioco'], means: ["gioco d'azzardo", 'dipendenze'] },
  { words: ['badante', 'assistenza a casa', 'aiuto a casa', 'oss'], means: ['assistenza domiciliare', 'domicilio', 'assistenza'] },
  { words: ['alzheimer', 'demenza', 'perde la memoria', 'memoria'], means: ['alzheimer', 'demenza'] },
  // Anziani
  { words: ['anziano', 'anziana', 'anziani', 'nonno', 'nonna', 'vecchio', 'terza età'], means: ['anziani'] },
  { words: ['solo', 'sola', 'solitudine', 'compagnia'], means: ['solitudine', 'compagnia', 'soli'] },
  { words: ['accompagnare', 'passaggio', 'portare in ospedale'], means: ['trasporto', 'accompagnamento'] },
  { words: ['caduta', 'allarme'], means: ['telesoccorso', 'emergenza'] },
  // Disabilità
  { words: ['handicap', 'handicappato', 'invalido', 'invalida', 'disabile', 'disabili'], means: ['disabilità', 'disabili', 'invalidità'] },
  { words: ['104', 'legge 104', 'permessi 104'], means: ['legge 104', 'agevolazioni'] },
  { words: ['sedia a rotelle', 'carrozzella'], means: ['carrozzina', 'trasporto'] },
  // Famiglia
  { words: ['figli', 'figlio', 'figlia', 'bimbi', 'bimbo', 'neonato', 'neonata'], means: ['bambini', 'figli', 'neonati', 'minori', 'famiglie'] },
  { words: ['mamma', 'mamme', 'papà', 'genitore'], means: ['genitori', 'mamme', 'famiglie'] },
  { words: ['compiti', 'ripetizioni', 'studiare'], means: ['doposcuola', 'compiti'] },
  { words: ['borsa di studio', 'borse di studio', 'libri di scuola', 'rette'], means: ['borse di studio', 'studenti', 'scuola'] },
  { words: ['separazione', 'divorzio', 'separata', 'separato'], means: ['separazione', 'diritti', 'famiglia'] },
  { words: ['botte', 'picchia', 'picchiare', 'maltrattamenti', 'maltratta', 'violenza domestica', 'stalking', 'abuso'], means: ['violenza', 'antiviolenza'] },
  { words: ['affidamento', 'adozione'], means: ['affido', 'accoglienza', 'minori'] },
  // Stranieri
  { words: ['permesso di soggiorno', 'soggiorno', 'questura', 'visto'], means: ['permesso di soggiorno', 'rinnovo', 'documenti'] },
  { words: ['imparare italiano', 'scuola di italiano', 'lezioni di italiano'], means: ['corso', 'italiano', 'lingua'] },
  { words: ['traduttore', 'traduzione', 'interprete', 'non parlo italiano'], means: ['interprete', 'mediazione', 'traduzioni'] },
  { words: ['rifugiato', 'rifugiati', 'profugo', 'profughi', 'asilo politico', 'richiedente asilo'], means: ['asilo', 'protezione', 'richiedenti', 'accoglienza'] },
  { words: ['cittadinanza italiana', 'diventare italiano'], means: ['cittadinanza'] },
  // Orientamento e pratiche
  { words: ['rivolgermi', 'rivolgersi', 'non so cosa fare', 'chi mi aiuta', 'consiglio'], means: ['orientamento', 'ascolto', 'informazioni', 'segretariato sociale'] },
  { words: ['assistente sociale', 'servizi sociali'], means: ['assistente sociale', 'segretariato sociale', 'servizi sociali'] },
  { words: ['avvocato', 'legale', 'diritti'], means: ['consulenza legale', 'diritti', 'avvocato'] },
  { words: ['spid', 'computer', 'internet', 'cellulare', 'telefonino'], means: ['digitale', 'smartphone', 'spid', 'computer'] },
  { words: ['volontario', 'volontariato', 'servizio civile'], means: ['volontariato', 'servizio civile'] },

  // English, for foreign residents
  { words: ['food', 'hungry', 'groceries', 'eat'], means: ['cibo', 'alimentare', 'alimenti', 'spesa', 'mensa'] },
  { words: ['food bank', 'food parcel'], means: ['banco alimentare', 'pacco alimentare', 'emporio'] },
  { words: ['meal', 'meals', 'lunch', 'dinner', 'soup kitchen'], means: ['pasto', 'pasti', 'mensa', 'pranzo'] },
  { words: ['free'], means: ['gratuito', 'gratuita', 'gratuiti', 'solidale'] },
  { words: ['house', 'housing', 'home', 'flat', 'apartment'], means: ['casa', 'alloggio', 'abitare'] },
  { words: ['rent', 'landlord'], means: ['affitto', 'canone'] },
  { words: ['homeless', 'shelter', 'sleep'], means: ['senza dimora', 'dormitorio', 'emergenza abitativa'] },
  { words: ['eviction', 'evicted'], means: ['sfratto'] },
  { words: ['job', 'jobs', 'work', 'employment', 'unemployed'], means: ['lavoro', 'impiego', 'tirocinio', 'curriculum'] },
  { words: ['job center', 'job centre', 'employment office'], means: ['sportello lavoro'] },
  { words: ['training', 'course', 'lessons', 'class'], means: ['corso', 'corsi', 'formazione', 'lezioni'] },
  { words: ['italian', 'language'], means: ['italiano', 'lingua'] },
  { words: ['doctor', 'gp', 'clinic', 'health', 'sick', 'dentist', 'teeth', 'specialist'], means: ['medico', 'visite', 'ambulatorio', 'salute', 'cura'] },
  { words: ['medicine', 'medicines', 'pharmacy', 'drugs'], means: ['farmaci', 'farmacia'] },
  { words: ['pregnant', 'pregnancy', 'midwife'], means: ['gravidanza', 'consultorio', 'ostetrica'] },
  { words: ['psychologist', 'therapy', 'mental health', 'anxiety', 'depression'], means: ['psicologo', 'sostegno psicologico'] },
  { words: ['addiction', 'alcohol', 'gambling'], means: ['dipendenze', 'alcol', "gioco d'azzardo"] },
  { words: ['elderly', 'older', 'old', 'senior', 'seniors'], means: ['anziani'] },
  { words: ['carer', 'caregiver', 'home care'], means: ['assistenza domiciliare', 'caregiver', 'sollievo'] },
  { words: ['disability', 'disabled', 'wheelchair'], means: ['disabilità', 'disabili', 'carrozzina'] },
  { words: ['children', 'child', 'kids', 'baby', 'family', 'families'], means: ['bambini', 'famiglie', 'minori', 'neonati'] },
  { words: ['school', 'homework'], means: ['scuola', 'doposcuola', 'compiti'] },
  { words: ['scholarship', 'grant'], means: ['borse di studio', 'contributo'] },
  { words: ['violence', 'domestic violence', 'abuse'], means: ['violenza', 'antiviolenza'] },
  { words: ['residence permit', 'permit', 'visa', 'documents', 'papers'], means: ['permesso di soggiorno', 'documenti', 'rinnovo'] },
  { words: ['citizenship'], means: ['cittadinanza'] },
  { words: ['refugee', 'refugees', 'asylum'], means: ['asilo', 'protezione', 'richiedenti'] },
  { words: ['interpreter', 'translation', 'translator'], means: ['interprete', 'mediazione', 'traduzioni'] },
  { words: ['money', 'benefit', 'benefits', 'allowance', 'bills'], means: ['contributo', 'contributi', 'bonus', 'aiuto economico', 'bollette'] },
  { words: ['help', 'advice', 'information'], means: ['ascolto', 'orientamento', 'informazioni'] },
  { words: ['transport', 'lift'], means: ['trasporto', 'accompagnamento'] },
  { words: ['lonely', 'loneliness'], means: ['solitudine', 'compagnia'] },
];

/**
 * Filler words: what people add around the words that matter ("cerco", "vorrei",
 * "aiuto con", articles and prepositions). They are left out of a query that has other
 * words, so they never block results; a query of filler words alone is searched as
 * typed. Folded (no accents).
 */
export const FILLER: ReadonlySet<string> = new Set(
  (
    // Italian: articles, prepositions, pronouns, and the verbs of asking
    'a ad al allo alla ai agli alle all da dal dallo dalla dai dagli dalle di del dello della dei degli delle dell d ' +
    'in nel nello nella nei negli nelle nell con col coi su sul sullo sulla sui sugli sulle per tra fra ' +
    'il lo la i gli le l un uno una e ed o oppure anche che chi cui come dove quando quale quali cosa ' +
    'mi ti ci vi si me te se ne io tu lui lei noi voi loro mio mia miei mie tuo tua suo sua nostro nostra ' +
    'non piu molto poco qualche qualcosa qualcuno ogni tutto tutti ' +
    'ho hai ha abbiamo avete hanno sono sei siamo siete era essere avere fare faccio fa ' +
    'cerco cerca cercare cercavo cerchiamo vorrei voglio volevo vorremmo serve servono servirebbe bisogno ' +
    'posso puoi possiamo potete potrei trovare trovo riesco riuscire so sapere ' +
    'aiuto aiutare aiutatemi aiutami aiuti info informazioni informazione per favore grazie buongiorno salve ciao qui ' +
    // English
    'the an of to for on at with by from my me our your is are am was be have has need needs want looking ' +
    'help look find get can could please where how what who some any near'
  ).split(' '),
);
