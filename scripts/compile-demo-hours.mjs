/**
 * `node scripts/compile-demo-hours.mjs` (after `npm run build`): writes the compiled opening
 * hours (`hoursCompiled`, issue 14) into the demo feeds in examples/data, as
 * `welfare-feed compile` would, but keeping the rest of each hand-written file as it is
 * (one compiled form per line, at the end). Run it again when the hours change or the
 * window (this month to the same month next year) has moved on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withCompiledHours } from '../packages/welfare-feed/dist/compile-hours.js';

for (const file of ['examples/data/servizi.json']) {
  const text = readFileSync(file, 'utf8');
  const { feed, compiled, skipped } = withCompiledHours(JSON.parse(text));
  const table = feed.hoursCompiled ?? {};
  const body = Object.entries(table)
    .map(([hours, form]) => `    ${JSON.stringify(hours)}: ${JSON.stringify(form)}`)
    .join(',\n');
  // Drop an earlier table, then add the new one as the last member.
  let out = text.replace(/,\n  "hoursCompiled": \{\n[\s\S]*?\n  \}(?=\n\}\n?$)/, '');
  if (compiled) out = out.replace(/\n\}\n?$/, `,\n  "hoursCompiled": {\n${body}\n  }\n}\n`);
  JSON.parse(out); // still JSON
  writeFileSync(file, out);
  console.log(`${file}: ${compiled} strings compiled${skipped.length ? `, not compiled: ${skipped.join(' | ')}` : ''}.`);
}
