// Adds up the vitest JSON reports of every workspace package and prints one closing line:
// "Tests: N passed, N failed, N skipped". Exits non-zero when a package wrote no report, or when
// vitest said the run did not succeed although no test failed (an unhandled error, a file that
// could not load): such a package counts one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
const failures = [];
const firstLines = (text) =>
  (text ?? '')
    .split('\n')
    .filter((line) => line.trim())
    .slice(0, 6)
    .join('\n      ');
for (const folder of ['packages', 'examples', 'test']) {
  const dir = join(root, folder);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) {
    const manifest = join(dir, name, 'package.json');
    if (!existsSync(manifest)) continue;
    if (!JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test) continue;
    const report = join(dir, name, 'test-artifacts', 'vitest.json');
    if (!existsSync(report)) {
      console.error(`${folder}/${name}: no test report`);
      missing++;
      continue;
    }
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const s = r.numPendingTests + r.numTodoTests;
    console.error(
      `${folder}/${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed${s ? `, ${s} skipped` : ''}`,
    );
    passed += r.numPassedTests;
    // A file that fails to load fails no test, and an unhandled error fails none either: vitest
    // then reports `success: false`, which must still count as a failure.
    const packageFailures = r.numFailedTests || r.numFailedTestSuites || (r.success === false ? 1 : 0);
    if (packageFailures > 0 && !r.numFailedTests && !r.numFailedTestSuites) {
      console.error(`${folder}/${name}: vitest reported an unsuccessful run (unhandled error)`);
    }
    failed += packageFailures;
    skipped += s;
    // Name every failed test and file, with the first lines of its message: the end of the log
    // is what a reader of a red run sees first.
    for (const file of r.testResults ?? []) {
      const where = file.name.slice(root.length);
      if (file.status === 'failed' && !file.assertionResults?.some((t) => t.status === 'failed')) {
        failures.push(`${where}: ${firstLines(file.message)}`);
      }
      for (const t of file.assertionResults ?? []) {
        if (t.status !== 'failed') continue;
        failures.push(`${where} › ${t.fullName}: ${firstLines(t.failureMessages?.join('\n'))}`);
      }
    }
  }
}
for (const failure of failures) console.error(`  FAILED ${failure}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing > 0 ? 1 : 0);
