import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config';

// The machine and software a run was made on, for the report's header.

// Read from node_modules directly: not every package exports its package.json.
const version = (pkg: string): string => {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

export function machineInfo() {
  const cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    nproc: cpus().length,
    cpuModel,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: release(),
    node: process.version,
    versions: Object.fromEntries(
      ['yjs', 'ws', 'y-protocols', '@y/websocket-server', '@hocuspocus/server', '@hocuspocus/extension-sqlite', 'better-sqlite3', '@playwright/test'].map(
        (p) => [p, version(p)],
      ),
    ),
  };
}
