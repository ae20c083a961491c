import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// Runs every test: the type check, vitest, then Playwright, and ends with one line
// "N passed, N failed" counted from the runners' JSON reports, so that a run in which
// no test executed shows as 0 passed rather than as success.

const reports = 'reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status;
}

const only = process.argv.slice(2); // optional: "unit" or "e2e"
const want = (part: string) => only.length === 0 || only.includes(part);

let passed = 0;
let failed = 0;

if (want('typecheck')) {
  const status = run('npx', ['tsc', '--noEmit']);
  status === 0 ? passed++ : failed++;
  console.log(status === 0 ? 'type check: passed' : 'type check: FAILED');
}

if (want('unit')) {
  run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`]);
  const file = `${reports}/vitest.json`;
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.success === false && r.numFailedTests === 0 ? 1 : 0);
  } else failed++;
}

if (want('e2e')) {
  const file = `${reports}/playwright.json`;
  run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected + (r.errors?.length ? 1 : 0);
  } else failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
