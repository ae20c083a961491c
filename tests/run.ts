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

const only = process.argv.slice(2); // optional: "typecheck", "unit", "postgres" or "e2e"

const POSTGRES_SUITES = [
  'tests/unit/postgresSchema.test.ts',
  'tests/unit/postgresDocStore.test.ts',
  'tests/unit/redisFanout.test.ts',
  'tests/unit/twoProcesses.test.ts',
  'tests/unit/proxyRestart.test.ts',
  'tests/unit/postgresAway.test.ts',
  'tests/unit/roundStore.test.ts',
  'tests/unit/roundLifecycle.test.ts',
  'tests/unit/roundRoutes.test.ts',
  'tests/unit/roundSnapshots.test.ts',
  'tests/unit/roundExport.test.ts',
  'tests/unit/serverConfig.test.ts',
  'tests/unit/migrateToPostgres.test.ts',
  'tests/unit/meetingStore.test.ts',
  'tests/unit/meetingService.test.ts',
  'tests/unit/meetingRoutes.test.ts',
  'tests/unit/meetingSize.test.ts',
  'tests/unit/syncConverge.test.ts',
  'tests/unit/syncReadOnly.test.ts',
  'tests/unit/syncHostile.test.ts',
  'tests/unit/syncStorage.test.ts',
  'tests/unit/authSync.test.ts',
  'tests/unit/auditTrail.test.ts',
  'tests/unit/auditTurns.test.ts',
  'tests/unit/authSignIn.test.ts',
  'tests/unit/authCli.test.ts',
  'tests/unit/snapshotCli.test.ts',
  'tests/unit/authLinks.test.ts',
  'tests/unit/authPeople.test.ts',
  'tests/unit/authSessions.test.ts',
  'tests/unit/authHardening.test.ts',
  'tests/unit/sessionActivity.test.ts',
];
const want = (part: string) => only.length === 0 || only.includes(part);

let passed = 0;
let failed = 0;

if (want('typecheck')) {
  const status = run('npx', ['tsc', '--noEmit']);
  status === 0 ? passed++ : failed++;
  console.log(status === 0 ? 'type check: passed' : 'type check: FAILED');
}

/** Runs vitest (all files, or those given) and counts its results from its JSON report. */
function vitest(report: string, files: string[] = [], env: Record<string, string> = {}) {
  const file = `${reports}/${report}.json`;
  run('npx', ['vitest', 'run', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests + (r.success === false && r.numFailedTests === 0 ? 1 : 0);
  } else failed++;
}

if (want('unit')) vitest('vitest');

// The storage, sync, meeting, auth and multi-process suites, and the consultation
// rounds' suites (the whole server: comments, meetings, snapshots, restarts), once more on PostgreSQL (a
// private cluster the run starts and stops), with two server processes on it and
// Redis; the rest runs on SQLite only.
// One file at a time: these suites share the run's one PostgreSQL server.
if (want('postgres')) vitest('vitest-postgres', ['--maxWorkers=1', ...POSTGRES_SUITES], { TEST_ENGINE: 'postgres' });

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
