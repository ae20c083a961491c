import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { freePort } from './runServer';
import { tempDir } from './tempDir';

// Debian's nginx with the site configuration that docs/deploy.md quotes, on a free
// loopback port in a temporary folder, stopped by its own process id. Only what
// cannot be the same on a test machine is replaced: the two upstream addresses (the
// test's processes) and `listen 443 ssl` (no certificate here: plain HTTP on the port).

export const NGINX_SITE = 'docs/planbord.nginx.conf';
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path)) ?? 'nginx';

export interface TestNginx {
  /** http://127.0.0.1:port, the one address people open. */
  readonly url: string;
  readonly port: number;
  /** Everything nginx logged as errors (failed upstreams included). */
  errors(): string;
  stop(): Promise<void>;
}

/** Replaces `from` by `to` in `text`, failing when the site file no longer has exactly one. */
function replaceOnce(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`${NGINX_SITE} should hold "${from}" once`);
  return parts.join(to);
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startNginx(upstreamPorts: [number, number]): Promise<TestNginx> {
  const dir = tempDir('planbord-nginx-');
  // nginx's workers run as an unprivileged user when it is started as root.
  chmodSync(dir.path, 0o777);
  for (const sub of ['temp', 'logs']) mkdirSync(join(dir.path, sub), { mode: 0o777 });
  const port = await freePort();
  let site = readFileSync(NGINX_SITE, 'utf8');
  site = replaceOnce(site, 'server 127.0.0.1:8801 ', `server 127.0.0.1:${upstreamPorts[0]} `);
  site = replaceOnce(site, 'server 127.0.0.1:8802 ', `server 127.0.0.1:${upstreamPorts[1]} `);
  site = replaceOnce(site, 'listen 443 ssl;', `listen 127.0.0.1:${port};`);
  writeFileSync(join(dir.path, 'site.conf'), site);
  const temp = (name: string) => `${name}_temp_path ${join(dir.path, 'temp', name)};`;
  writeFileSync(
    join(dir.path, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir.path, 'nginx.pid')};`,
      `error_log ${join(dir.path, 'logs', 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${temp(name)}`),
      `  include ${join(dir.path, 'site.conf')};`,
      '}',
    ].join('\n'),
  );
  const errorLog = join(dir.path, 'logs', 'error.log');
  let output = '';
  const child: ChildProcess = spawn(NGINX, ['-p', dir.path, '-c', join(dir.path, 'nginx.conf'), '-e', errorLog], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    errors: () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '') + output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      dir.remove();
    },
  };
}
