#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startHub } from './server.js';
import { OPS_COMMANDS, OPS_USAGE, runOpsCommand } from './ops/commands.js';

const HELP = `welfare-hub: il punto di pubblicazione dei servizi

  welfare-hub serve [--port 8080] [--host 127.0.0.1] [--data ./hub-data] [--publish-dir DIR]
                    [--stale-months 6] [--public-url https://...] [--trust-proxy]
                    [--smtp smtp://utente:password@host:587] [--mail-from indirizzo]
                    [--aid-origins https://www.comune.esempio.it,https://...]
                    [--tiles https://.../{z}/{x}/{y}.png|none] [--tiles-credit "© ..."]

Senza DATABASE_URL usa il database incorporato (PGlite) nella cartella --data;
con DATABASE_URL=postgres://... usa quel server PostgreSQL.
Con --smtp (o HUB_SMTP_URL) inviti e nuove password partono anche per email,
dal mittente --mail-from (o HUB_MAIL_FROM; di norma l'utente SMTP).
Con --aid-origins (o HUB_AID_ORIGINS) le pagine di quei siti possono inviare
annunci e risposte di aiuto reciproco con <welfare-mutual-aid-form> (solo quelle richieste).
Le mappe delle pagine usano le mattonelle di OpenStreetMap; --tiles (o HUB_TILES) ne sceglie
altre, con il credito in --tiles-credit (o HUB_TILES_CREDIT); --tiles none: sfondo semplice.

${OPS_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(HELP);
    return 0;
  }
  if (OPS_COMMANDS.has(command)) return runOpsCommand(command, rest);
  if (command === 'serve') {
    const { values } = parseArgs({
      args: rest,
      options: {
        port: { type: 'string', default: process.env.PORT ?? '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: process.env.HUB_DATA_DIR ?? 'hub-data' },
        'publish-dir': { type: 'string' },
        'stale-months': { type: 'string' },
        'public-url': { type: 'string', default: process.env.HUB_PUBLIC_URL },
        'trust-proxy': { type: 'boolean', default: false },
        smtp: { type: 'string', default: process.env.HUB_SMTP_URL || undefined },
        'mail-from': { type: 'string', default: process.env.HUB_MAIL_FROM || undefined },
        'aid-origins': { type: 'string', default: process.env.HUB_AID_ORIGINS || undefined },
        tiles: { type: 'string', default: process.env.HUB_TILES || undefined },
        'tiles-credit': { type: 'string', default: process.env.HUB_TILES_CREDIT || undefined },
      },
    });
    const publicUrl = values['public-url'];
    const hub = await startHub({
      port: Number(values.port),
      host: values.host,
      databaseUrl: process.env.DATABASE_URL || undefined,
      dataDir: values.data,
      publishDir: values['publish-dir'],
      staleMonths: values['stale-months'] ? Number(values['stale-months']) : undefined,
      publicUrl,
      secureCookies: publicUrl?.startsWith('https://') ?? false,
      trustProxy: values['trust-proxy'],
      smtpUrl: values.smtp,
      mailFrom: values['mail-from'],
      aidOrigins: values['aid-origins']?.split(',').filter((o) => o.trim()),
      tiles: values.tiles,
      tilesCredit: values['tiles-credit'],
    });
    if (hub.warmedUp.saves) console.log(`welfare-hub: ${hub.warmedUp.saves} salvataggi di prova prima di aprire (annullati) e ${hub.warmedUp.requests} richieste di prova (${Math.round(hub.warmedUp.ms)} ms)`);
    console.log(`welfare-hub: ${hub.url} (database: ${hub.db.kind === 'pg' ? 'PostgreSQL' : `PGlite in ${values.data}`})`);
    if (hub.mailer) console.log(`welfare-hub: email da ${hub.mailer.from} via ${new URL(values.smtp!).host}`);
    const stop = () => void hub.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return -1;
  }
  console.error(`Comando sconosciuto: ${command}\n\n${HELP}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
