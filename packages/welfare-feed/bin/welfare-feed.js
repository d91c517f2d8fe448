#!/usr/bin/env node
// The command's entry point, committed (not built) so that `npm install` can link
// `welfare-feed` before `npm run build` has written dist/ (npm links bins at install time).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('welfare-feed non è ancora compilato: nel repository lanciate "npm run build" (lo fa anche "npm start").\n');
  process.stderr.write('welfare-feed is not built yet: run "npm run build" in the repository ("npm start" does it too).\n');
  process.exit(2);
}
const { run } = await import(cli.href);
process.exitCode = run(process.argv.slice(2));
