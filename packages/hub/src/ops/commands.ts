import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatIssue, pickLang, type Issue, type Lang } from 'welfare-feed';
import { configure } from '../config.js';
import type { Db } from '../db/db.js';
import { Publisher } from '../publish/publisher.js';
import { openDb } from '../db/open.js';
import { backup, restore, RestoreError } from './backup.js';
import { exportAll, writeAtomically } from './export.js';
import { importFeed } from './import.js';

/**
 * The hub's maintenance commands: `import`, `export`, `backup`, `restore`. Each opens the
 * same database as `welfare-hub serve` (DATABASE_URL, else the PGlite folder --data) and
 * closes it at the end. With PGlite, stop the hub first: one process at a time may open
 * the folder.
 */
export const OPS_USAGE = `  welfare-hub import FILE... [--organisation ID] [--draft] [--force] [--json]
      un feed v1 (JSON), un frammento JSON o il foglio delle offerte (CSV del modello)
  welfare-hub export CARTELLA
      il feed pubblicato (feed.json) e un foglio CSV per organizzazione
  welfare-hub backup FILE.json
      tutto: organizzazioni, utenti, offerte con ogni versione, avvisi, registro
  welfare-hub restore FILE.json
      in un database vuoto (una nuova cartella --data o un nuovo database PostgreSQL)

  Tutti accettano --data CARTELLA (PGlite, predefinita ./hub-data) o usano DATABASE_URL.`;

export const OPS_COMMANDS = new Set(['import', 'export', 'backup', 'restore']);

export interface OpsIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
}

const processIo: OpsIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
};

/** Runs one command; the exit code is 0 done, 1 refused (errors in the data), 2 usage or unreadable input. */
export async function runOpsCommand(command: string, argv: readonly string[], io: OpsIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      data: { type: 'string', default: io.env['HUB_DATA_DIR'] ?? 'hub-data' },
      organisation: { type: 'string' },
      draft: { type: 'boolean' },
      force: { type: 'boolean' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
      today: { type: 'string' },
    },
  });
  const lang = pickLang(values.lang, io.env['LANG']);
  if (!positionals.length || (command !== 'import' && positionals.length !== 1)) {
    io.stderr(`${OPS_USAGE}\n`);
    return 2;
  }
  const db = await openDb({ databaseUrl: io.env['DATABASE_URL'] || undefined, dataDir: values.data });
  try {
    switch (command) {
      case 'import':
        return await importCommand(db, positionals, values, lang, io);
      case 'export': {
        const result = await exportAll(db, positionals[0]!);
        io.stdout(`${result.feed ? `feed: ${result.feed}` : 'Nessun feed ancora pubblicato: feed.json non è stato scritto.'}\n`);
        for (const s of result.sheets) io.stdout(`${s.file}: ${s.services} servizi\n`);
        return 0;
      }
      case 'backup': {
        const data = await backup(db);
        // Password hashes and staff e-mail addresses: readable by the owner only.
        writeAtomically(positionals[0]!, `${JSON.stringify(data)}\n`, 0o600);
        io.stdout(`${positionals[0]}: ${summary(data.tables)}\n`);
        return 0;
      }
      default: {
        let data: unknown;
        try {
          data = JSON.parse(readFileSync(positionals[0]!, 'utf8'));
        } catch (e) {
          io.stderr(`${positionals[0]}: ${e instanceof Error ? e.message : String(e)}\n`);
          return 2;
        }
        try {
          const counts = await restore(db, data);
          io.stdout(`Ripristinato: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}\n`);
          return 0;
        } catch (e) {
          if (!(e instanceof RestoreError)) throw e;
          io.stderr(`${e.message}\n`);
          return 1;
        }
      }
    }
  } finally {
    await db.close();
  }
}

type ImportValues = { organisation?: string; draft?: boolean; force?: boolean; json?: boolean; today?: string };

async function importCommand(db: Db, files: string[], values: ImportValues, lang: Lang, io: OpsIo): Promise<number> {
  const sources = [];
  for (const file of files) {
    try {
      // Bytes: welfare-feed tells a sheet saved as Windows-1252 from UTF-8 by itself.
      sources.push({ file, bytes: readFileSync(file) });
    } catch (e) {
      io.stderr(`${file}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }
  const result = await importFeed(db, sources, {
    lang,
    state: values.draft ? 'draft' : 'published',
    force: values.force === true,
    ...(values.organisation ? { organisationId: values.organisation } : {}),
    ...(values.today ? { today: values.today } : {}),
  });
  if (values.json) {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    for (const issue of result.issues) io.stdout(`${formatIssue(issue as Issue, lang)}\n`);
    const c = result.counts;
    io.stdout(
      result.written
        ? `${lang === 'en' ? 'Imported' : 'Importati'}: ${c.services.added} + ${c.services.updated} ${lang === 'en' ? 'services (new + changed)' : 'servizi (nuovi + modificati)'}, ${c.services.unchanged} ${lang === 'en' ? 'unchanged' : 'invariati'}; ${c.organisations} ${lang === 'en' ? 'organisations' : 'organizzazioni'}, ${c.categories} ${lang === 'en' ? 'categories' : 'categorie'}, ${c.accessPoints} ${lang === 'en' ? 'access points' : 'punti di accesso'}, ${c.notices} ${lang === 'en' ? 'notices' : 'avvisi'}.\n`
        : `${lang === 'en' ? `Nothing imported: ${result.errors} errors (fix them, or --force to leave those entries out).` : `Niente importato: ${result.errors} errori (correggerli, o --force per lasciare fuori quelle voci).`}\n`,
    );
  }
  if (!result.written) return 1;
  // The feed follows at once (a running hub on the same PostgreSQL serves it at its next
  // publication; with PGlite the hub is stopped and publishes it again when it starts).
  const published = await new Publisher(db, configure({})).schedule();
  if (!values.json) io.stdout(`${publicationLine(published.outcome, published.errors ?? 0, lang)}\n`);
  return published.outcome === 'refused' ? 1 : 0;
}

function publicationLine(outcome: 'published' | 'unchanged' | 'refused', errors: number, lang: Lang): string {
  if (lang === 'en') {
    if (outcome === 'published') return 'The feed is published.';
    if (outcome === 'unchanged') return 'The published feed has not changed.';
    return `The resulting feed does not pass validation (${errors} errors): the last good feed stays published.`;
  }
  if (outcome === 'published') return 'Il feed è pubblicato.';
  if (outcome === 'unchanged') return 'Il feed pubblicato non cambia.';
  return `Il feed che ne risulta non supera la validazione (${errors} errori): resta pubblicato l'ultimo valido.`;
}

function summary(tables: Record<string, unknown[]>): string {
  return Object.entries(tables).map(([t, rows]) => `${t} ${rows.length}`).join(', ');
}
