/**
 * `npm start` serves the repository root on localhost so that examples/ can load the
 * built bundle (packages/welfare-elements/dist) and the demo feed (examples/data).
 * A small static server on node:http, loopback only; Markdown docs opened in a browser
 * are rendered to HTML (marked), so the examples' links to docs/ are readable.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { marked } from 'marked';

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

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * The project's own docs (trusted Markdown) as a plain readable page. The language is
 * guessed from common words, so a screen reader reads the Italian guide in Italian.
 */
function renderMarkdown(markdown, path) {
  const words = (re) => (markdown.match(re) ?? []).length;
  const lang = words(/\b(il|che|per|della|sono|una)\b/g) > words(/\b(the|and|of|is|to|with)\b/g) ? 'it' : 'en';
  const title = markdown.match(/^#\s+(.+)$/m)?.[1] ?? path;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${escape(title)}</title>
<link rel="icon" href="data:," />
<style>
  body { margin: 0 auto; max-width: 46rem; padding: 1rem 1.25rem 3rem; font-family: system-ui, sans-serif; line-height: 1.6; color: #1a1a1a; }
  a { color: #0066cc; }
  a:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
  pre { overflow-x: auto; padding: 0.75rem; background: #f5f7fa; border: 1px solid #c5c7c9; border-radius: 4px; }
  code { font-size: 0.9em; }
  table { border-collapse: collapse; display: block; overflow-x: auto; }
  th, td { border: 1px solid #c5c7c9; padding: 0.25rem 0.5rem; text-align: start; vertical-align: top; }
  .source { color: #5c6f82; font-size: 0.875rem; }
</style>
</head>
<body>
<main>
${marked.parse(markdown)}
</main>
<p class="source">${escape(path)} · <a href="?raw">Markdown</a></p>
</body>
</html>
`;
}

/**
 * `options.port` (0: any free port) and `options.headers(url)`, extra response headers
 * for a request (the example-page tests serve pages under a strict Content-Security-Policy).
 */
export function startServer(options = {}) {
  const server = createServer(staticFiles(options));
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? port, host, () => {
      server.off('error', fail);
      ok(server);
    });
  });
}

/**
 * The request listener that serves the repository's files (examples, dist, docs): also used
 * by `npm start` (scripts/start.mjs), which puts the hub in front of it.
 */
export function staticFiles(options = {}) {
  return (req, res) => {
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
    // A browser opening a doc linked from an example gets it rendered, not raw Markdown.
    if (extname(file) === '.md' && /text\/html/.test(req.headers.accept ?? '') && !url.searchParams.has('raw')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
      return res.end(renderMarkdown(readFileSync(file, 'utf8'), relative(root, file)));
    }
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      // Feeds are often hosted on another site than the page: show the header they need.
      'Access-Control-Allow-Origin': '*',
      ...options.headers?.(url),
    });
    createReadStream(file).pipe(res);
  };
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
