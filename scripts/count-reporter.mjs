import { writeFileSync } from 'node:fs';

/**
 * A web-test-runner reporter that prints one closing line, `N passed, N failed`,
 * counting every test in every file (CI reads that line). A file that fails to load
 * counts as one failure so that a broken import can never look green.
 */
export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      // What failed, with the engine's message: scripts/test.mjs repeats it at the end of
      // the run, where CI's excerpt of the output can show it.
      const failures = [];
      const walk = (suite, file, path) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else {
            failed++;
            failures.push(`${file} > ${[...path, t.name].join(' > ')}: ${t.error?.message ?? 'failed'}`);
          }
        }
        for (const s of suite.suites ?? []) walk(s, file, [...path, s.name]);
      };
      for (const session of sessions) {
        const file = session.testFile?.replace(`${process.cwd()}/`, '') ?? '?';
        if (session.testResults) walk(session.testResults, file, []);
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) {
          failed++;
          failures.push(`${file}: ${session.errors?.map((e) => e.message).join('; ') || 'did not run'}`);
        } else if (session.errors?.length) {
          failed += session.errors.length;
          failures.push(...session.errors.map((e) => `${file}: ${e.message}`));
        }
      }
      const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      process.stdout.write(`\nbrowser: ${line}\n`);
      if (process.env.WTR_COUNT_FILE) {
        writeFileSync(process.env.WTR_COUNT_FILE, JSON.stringify({ passed, failed, skipped, failures }));
      }
    },
  };
}
