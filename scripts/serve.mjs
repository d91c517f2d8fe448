/**
 * `npm start` serves the repository root on localhost so that examples/ can load the
 * built bundle (packages/welfare-elements/dist) and the demo feed (examples/data).
 * No dependencies: a small static server on node:http, loopback only.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const isMain = import.meta.url === `file://${process.argv[1]}`;
// The folder to serve: an argument when run as a command, else the repository root.
const root = resolve(isMain && process.argv[2] ? process.argv[2] : new URL('..', import.meta.url).pathname);
const port = Number(process.env.PORT ?? 8000);
const host = process.env.HOST ?? '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

export function startServer(options = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(302, { Location: '/examples/' });
      return res.end();
    }
    let file = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403);
      return res.end('Forbidden');
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Not found');
    }
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      // Feeds are often hosted on another site than the page: show the header they need.
      'Access-Control-Allow-Origin': '*',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? port, host, () => {
      server.off('error', fail);
      ok(server);
    });
  });
}

/** What a person can do when the port is taken, in Italian and English, instead of a stack trace. */
export function portAdvice(error, wanted = port) {
  if (error?.code === 'EADDRINUSE') {
    return [
      `La porta ${wanted} è già in uso (forse un altro \`npm start\` è ancora aperto).`,
      `Chiudi l'altro programma, oppure scegli un'altra porta: PORT=8080 npm start`,
      `Port ${wanted} is already in use (perhaps another \`npm start\` is still running).`,
      `Stop the other program, or choose another port: PORT=8080 npm start`,
    ].join('\n');
  }
  if (error?.code === 'EACCES') {
    return [
      `Non è permesso usare la porta ${wanted}: scegli una porta sopra 1024, ad esempio PORT=8080 npm start`,
      `Port ${wanted} is not allowed: choose a port above 1024, for example PORT=8080 npm start`,
    ].join('\n');
  }
  return undefined;
}

if (isMain) {
  try {
    const server = await startServer();
    const { port: actual } = server.address();
    console.log(`welfare-elements examples: http://${host}:${actual}/examples/`);
  } catch (error) {
    const advice = portAdvice(error);
    if (!advice) throw error;
    console.error(advice);
    process.exitCode = 1;
  }
}
