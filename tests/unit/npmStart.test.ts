import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setStatus } from '../../shared/plan/itemOps';
import { listItems } from '../../shared/plan/schema';
import { openStore } from '../../server/store/openStore';
import { freePort, waitForHealth } from '../helpers/runServer';
import { signInFirstAdmin } from '../helpers/signInFirstAdmin';
import { storedDoc } from '../helpers/storedDoc';
import { connectClient } from '../helpers/syncClient';
import { waitFor } from '../helpers/waitFor';

// `npm start` as an operator runs it, and stopped the ways a process manager, `docker
// stop` or a person at the terminal stops it: SIGTERM to npm's own pid, Ctrl+C (SIGINT
// to the whole foreground process group), or npm killed outright. Each time the server
// must store everything, exit and free its port.

interface NpmStart {
  npm: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

const started: NpmStart[] = [];
const dirs: string[] = [];
afterEach(() => {
  // Whatever is left of a run (a server npm left behind) is in npm's own process group.
  for (const run of started.splice(0)) {
    try {
      process.kill(-run.npm.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function npmStart(port: number, dataDir: string): Promise<NpmStart> {
  const url = `http://localhost:${port}`;
  // detached: its own process group, as a shell gives a foreground job.
  const npm = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_ORIGIN: url, CLIENT_BUILD: 'skip' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  npm.stdout!.on('data', (d) => (log += d));
  npm.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const run = { npm, output: () => log, exited };
  started.push(run);
  await waitForHealth(url, npm, run.output);
  return run;
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/** Changes a card's status over the websocket and waits until a second client has it, so it is stored. */
async function changeAndWait(port: number, log: string): Promise<string> {
  const url = `http://localhost:${port}`;
  const headers = await signInFirstAdmin(url, log);
  const [a, b] = [await connectClient(`ws://127.0.0.1:${port}/ws`, 'plan/2025', { headers }), await connectClient(`ws://127.0.0.1:${port}/ws`, 'plan/2025', { headers })];
  try {
    const target = listItems(a.doc).find((i) => i.status !== 'done')!;
    setStatus(a.doc, target.id, 'done');
    await waitFor(() => listItems(b.doc).find((i) => i.id === target.id)?.status === 'done', { what: 'the change to reach the other client' });
    return target.id;
  } finally {
    a.destroy();
    b.destroy();
  }
}

/** A free port, an empty data folder, `npm start` on them, and a card changed and stored. */
async function startWithChange(): Promise<{ port: number; dataDir: string; run: NpmStart; changed: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'planbord-npm-'));
  dirs.push(dataDir);
  const run = await npmStart(port, dataDir);
  return { port, dataDir, run, changed: await changeAndWait(port, run.output()) };
}

function storedStatus(dataDir: string, id: string) {
  const store = openStore(dataDir);
  try {
    return listItems(storedDoc(store)).find((i) => i.id === id)?.status;
  } finally {
    store.close();
  }
}

describe('npm start', () => {
  it('stops the server on SIGTERM to npm, stores every change, frees the port, and starts again; Ctrl+C stops it too', async () => {
    const { port, dataDir, run: first, changed } = await startWithChange();
    first.npm.kill('SIGTERM');
    await first.exited;
    // npm has exited: a process manager now takes the service for stopped.
    expect(first.output()).toContain('SIGTERM: shutting down');
    expect(first.output()).toContain('every change is stored');
    expect(await portIsFree(port)).toBe(true);
    expect(storedStatus(dataDir, changed)).toBe('done');

    const second = await npmStart(port, dataDir);
    expect(second.output()).not.toContain('EADDRINUSE');
    // Ctrl+C: the terminal sends SIGINT to npm and the server alike.
    process.kill(-second.npm.pid!, 'SIGINT');
    await second.exited;
    expect(second.output()).toContain('SIGINT: shutting down');
    expect(second.output()).toContain('every change is stored');
    expect(second.output()).not.toContain('exiting without waiting');
    expect(await portIsFree(port)).toBe(true);
  }, 120_000);

  it('stops the server when npm itself is killed and can pass nothing on', async () => {
    const { port, dataDir, run, changed } = await startWithChange();
    run.npm.kill('SIGKILL');
    await run.exited;
    await waitFor(() => run.output().includes('every change is stored'), { timeoutMs: 30_000, what: 'the server to stop by itself' });
    await waitFor(() => portIsFree(port), { timeoutMs: 10_000, what: 'the port to be free' });
    expect(storedStatus(dataDir, changed)).toBe('done');
  }, 120_000);
});
