import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Starts the real server as its own process (`node --import tsx server/main.ts`) on a
// free port with its own data folder, so a test can kill it, restart it on the same
// data, and see what a user would see. The client is built once before the browser
// tests (tests/e2e/globalSetup.ts), so servers started in parallel never rebuild it.

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The running process's id (for measuring it). */
  pid(): number | undefined;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Moves the server's clock forward (a server started with `movableClock`); resolves once it has moved. */
  advanceClock(ms: number): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * A free port below the kernel's ephemeral range (32768–60999 on Linux). Servers that
 * listen on port 0 and outgoing connections take their ports from that range, so a test
 * can stop the server on this port and start it again without a test running beside it
 * taking the port meanwhile (a stopped mail server would then "answer" as somebody
 * else's server instead of refusing the connection).
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
}

export async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${output()}`);
}

/** The server's entry on a clock the test moves (tests/helpers/clockServerMain.ts), for rounds' deadlines. */
const CLOCK_ENTRY = 'tests/helpers/clockServerMain.ts';

/** `port`: the port to listen on (one a proxy was told of beforehand); a free one by default. */
export async function runServer(env: Record<string, string> = {}, options: { movableClock?: boolean; port?: number } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'planbord-test-'));
  const port = options.port ?? (await freePort());
  const url = `http://localhost:${port}`;
  let child: ChildProcess;
  let log = '';
  const output = () => log;

  const start = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', options.movableClock ? CLOCK_ENTRY : 'server/main.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, PUBLIC_ORIGIN: url, CLIENT_BUILD: 'skip', ...env },
      stdio: [options.movableClock ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    await waitForHealth(url, child, output);
  };

  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
      child.once('exit', (code) => resolve(code));
      child.kill(signal);
    });

  await start();
  return {
    url,
    port,
    dataDir,
    output,
    pid: () => child.pid,
    stop,
    advanceClock: async (ms) => {
      if (!options.movableClock) throw new Error('this server runs on the system clock');
      const answer = `clock advanced ${ms}\n`;
      const before = log.split(answer).length;
      child.stdin!.write(`advance ${ms}\n`);
      while (log.split(answer).length === before) {
        if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    restart: async () => {
      await stop();
      await start();
    },
    dispose: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
