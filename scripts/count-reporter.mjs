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
      const walk = (suite) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites ?? []) walk(s);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) failed++;
        else if (session.errors?.length) failed += session.errors.length;
      }
      const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      process.stdout.write(`\nbrowser: ${line}\n`);
      if (process.env.WTR_COUNT_FILE) {
        writeFileSync(process.env.WTR_COUNT_FILE, JSON.stringify({ passed, failed, skipped }));
      }
    },
  };
}
