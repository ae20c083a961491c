import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `node --import tsx server/cli.ts …` as npm's planbord script does, typed in `cwd`, on the data folder given (and `env`'s settings). */
export function planbord(env: { cwd: string; dataDir: string; env?: Record<string, string> }, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, INIT_CWD: env.cwd, DATA_DIR: env.dataDir, ...env.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
