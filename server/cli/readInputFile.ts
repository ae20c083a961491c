import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandIo } from './Command';

/**
 * A file named on the command line, relative to where the person typed the command
 * (npm runs scripts in the project folder; INIT_CWD is where they were). Null, with
 * the reason said, when it cannot be read.
 */
export function readInputFile(command: string, file: string, env: NodeJS.ProcessEnv, io: CommandIo): Uint8Array | null {
  try {
    return readFileSync(resolve(env.INIT_CWD ?? process.cwd(), file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    io.err(`planbord ${command}: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}`);
    return null;
  }
}
