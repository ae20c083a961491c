import { BenchProcess } from '../BenchProcess';
import { SERVER_CORE } from '../servers';
import type { ExportTimes } from './exportTimes';

// Runs exportTimes.ts in its own process on the server's core and collects its JSON.

export interface ExportPhase {
  sizes: ExportTimes[];
  error: string | null;
}

export async function exportPhase(sizes: number[], log: (line: string) => void): Promise<ExportPhase> {
  const proc = new BenchProcess(SERVER_CORE, ['--import', 'tsx', 'bench/exports/exportTimes.ts'], {
    BENCH_EXPORT_SIZES: sizes.join(','),
  });
  try {
    const code = await proc.exited;
    const line = /RESULT (.*)/.exec(proc.output());
    if (code !== 0 || !line) throw new Error(`export timing exited with ${code}:\n${proc.output().slice(-2000)}`);
    const parsed = JSON.parse(line[1]) as ExportTimes[];
    for (const s of parsed) log(`  ${s.items} items: snapshot ${s.snapshot?.ms.toFixed(0) ?? 'n/a'} ms, DOCX ${s.docx?.ms.toFixed(0) ?? 'n/a'} ms, PDF ${s.pdf?.ms.toFixed(0) ?? 'n/a'} ms`);
    return { sizes: parsed, error: null };
  } catch (err) {
    const error = (err as Error).message;
    log(`FAILED exports: ${error}`);
    return { sizes: [], error };
  } finally {
    await proc.stop();
  }
}
