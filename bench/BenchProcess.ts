import { spawn, type ChildProcess } from 'node:child_process';

// A child process of the benchmark, pinned to one CPU core with taskset and reachable
// over Node's IPC channel: the load generator, and every measured server (whose
// probe answers GC and event-loop requests on the same channel). The measured
// processes run at the highest priority (nice -20; as root) so that other programs on
// a shared machine delay them as little as possible; an unprivileged user gets the
// normal priority instead (nice then only warns), and the noise shows in the report.

const NICENESS = -20;

export class BenchProcess {
  readonly child: ChildProcess;
  private log = '';
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(m: any) => void>();
  readonly exited: Promise<number | null>;

  constructor(core: number, args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
    this.child = spawn('nice', ['-n', String(NICENESS), 'taskset', '-c', String(core), process.execPath, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout!.on('data', (d) => (this.log += d));
    this.child.stderr!.on('data', (d) => (this.log += d));
    this.child.on('message', (m: any) => {
      const id = m?.id ?? m?.probeReply;
      const waiting = id !== undefined ? this.pending.get(id) : undefined;
      if (waiting) {
        this.pending.delete(id);
        if (m.error) waiting.reject(new Error(m.error));
        else waiting.resolve(m.result);
      } else this.listeners.forEach((l) => l(m));
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.exited.then(() => {
      for (const p of this.pending.values()) p.reject(new Error(`process exited:\n${this.output().slice(-2000)}`));
      this.pending.clear();
    });
  }

  /** nice and taskset exec in place, so this is the node process itself. */
  get pid(): number {
    return this.child.pid!;
  }

  output(): string {
    return this.log;
  }

  onMessage(listener: (m: any) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits for a message matching `test`, or for `text` to appear in the output. */
  waitFor(test: (m: any) => boolean, timeoutMs = 60_000): Promise<any> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out; output:\n${this.output().slice(-2000)}`));
      }, timeoutMs);
      const off = this.onMessage((m) => {
        if (!test(m)) return;
        clearTimeout(timer);
        off();
        resolve(m);
      });
    });
  }

  async waitForOutput(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.log);
      if (match) return match;
      if (this.child.exitCode !== null) throw new Error(`process exited with ${this.child.exitCode}:\n${this.log.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${this.log.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A generator request ({ id, req }) answered by { id, result | error }. */
  request<T = any>(req: unknown, timeoutMs = 300_000): Promise<T> {
    return this.call({ req }, 'id', timeoutMs);
  }

  /** A probe request ({ probe, id }) answered by { probeReply: id, result | error }. */
  probe<T = any>(probe: 'gc' | 'reset' | 'delay'): Promise<T> {
    return this.call({ probe }, 'id', 30_000);
  }

  private call<T>(body: Record<string, unknown>, key: string, timeoutMs: number): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.child.send({ ...body, [key]: id });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}
