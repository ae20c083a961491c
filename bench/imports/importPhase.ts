import { BenchProcess } from '../BenchProcess';
import { SERVER_CORE } from '../servers';
import type { ImportTimes } from './importTimes';

// Runs importTimes.ts in its own process on the server's core and collects its JSON.

export interface ImportPhase {
  sizes: ImportTimes[];
  error: string | null;
}

export async function importPhase(sizes: number[], log: (line: string) => void): Promise<ImportPhase> {
  const proc = new BenchProcess(SERVER_CORE, ['--import', 'tsx', 'bench/imports/importTimes.ts'], { BENCH_IMPORT_SIZES: sizes.join(',') });
  try {
    const code = await proc.exited;
    const line = /RESULT (.*)/.exec(proc.output());
    if (code !== 0 || !line) throw new Error(`import timing exited with ${code}:\n${proc.output().slice(-2000)}`);
    const parsed = JSON.parse(line[1]) as ImportTimes[];
    for (const s of parsed) log(`  ${s.items} items: read ${s.readMs.toFixed(0)} ms, create ${s.createMs.toFixed(0)} ms`);
    return { sizes: parsed, error: null };
  } catch (err) {
    const error = (err as Error).message;
    log(`FAILED imports: ${error}`);
    return { sizes: [], error };
  } finally {
    await proc.stop();
  }
}
