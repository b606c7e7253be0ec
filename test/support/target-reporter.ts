import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints how many tests ran on each database and in the browser, then the
 * plain `N passed, N failed` line. Storage tests name their dialect
 * (`[sqlite]`, `[postgres]`); every test of the e2e project runs in Chromium.
 */
export default class TargetReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { sqlite: 0, postgres: 0, browser: 0, pure: 0 };
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
        if (state === 'skipped' || state === 'pending') continue;
        if (test.project.name === 'e2e') counts.browser += 1;
        else if (test.fullName.includes('[sqlite]')) counts.sqlite += 1;
        else if (test.fullName.includes('[postgres]')) counts.postgres += 1;
        else counts.pure += 1;
      }
    }
    console.log(
      `\nTests by target: SQLite ${counts.sqlite}, PostgreSQL ${counts.postgres}, Chromium ${counts.browser}, without a database ${counts.pure}`,
    );
    console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
