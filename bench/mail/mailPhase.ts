import { pathToFileURL } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { BenchProcess } from '../BenchProcess';
import { SERVER_CORE } from '../servers';
import type { MailDigestTimes } from './mailDigestTimes';

// Runs mailDigestTimes.ts on the server's core with an SMTP server (smtp-server, no TLS)
// here, in the benchmark's own process, which counts every message by its Message-ID:
// each digest must arrive exactly once.

export interface MailPhase {
  result: (MailDigestTimes & { received: number; distinct: number }) | null;
  error: string | null;
}

function smtpSink(): Promise<{ server: SMTPServer; port: number; ids: string[] }> {
  const ids: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        ids.push(/^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '');
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.server.address() as { port: number }).port, ids }));
  });
}

export async function mailPhase(people: number, log: (line: string) => void): Promise<MailPhase> {
  const sink = await smtpSink();
  const proc = new BenchProcess(SERVER_CORE, ['--import', 'tsx', 'bench/mail/mailDigestTimes.ts'], {
    BENCH_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    BENCH_MAIL_PEOPLE: String(people),
  });
  try {
    const code = await proc.exited;
    const line = /RESULT (.*)/.exec(proc.output());
    if (code !== 0 || !line) throw new Error(`mail digest timing exited with ${code}:\n${proc.output().slice(-2000)}`);
    const times = JSON.parse(line[1]) as MailDigestTimes;
    const result = { ...times, received: sink.ids.length, distinct: new Set(sink.ids).size };
    log(`  ${people} digests: queued in ${result.queueMs.toFixed(0)} ms, delivered in ${result.deliverMs.toFixed(0)} ms (${result.mailsPerSecond.toFixed(0)}/s), ${result.distinct} distinct of ${result.received} received`);
    return { result, error: null };
  } catch (err) {
    const error = (err as Error).message;
    log(`FAILED mail digest: ${error}`);
    return { result: null, error };
  } finally {
    await proc.stop();
    await new Promise<void>((resolve) => sink.server.close(() => resolve()));
  }
}

// `node --import tsx bench/mail/mailPhase.ts [people]`: this phase alone.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const phase = await mailPhase(Number(process.argv[2] ?? 1000), (l) => process.stderr.write(`${l}\n`));
  console.log(JSON.stringify(phase, null, 1));
  process.exit(phase.error ? 1 : 0);
}
