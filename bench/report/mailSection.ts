import type { MailPhase } from '../mail/mailPhase';

const round = (n: number) => (n >= 100 ? Math.round(n).toString() : n.toFixed(1));

export const MAIL_SECTION_INTRO = `Planbord's server (the shipped 2025 plan) in a process pinned to core 0, an SMTP server
(smtp-server, no TLS) in the benchmark's own process. Every person has chosen a daily
digest; a board member writes 20 comments; then the scheduler, on a clock the run moves
past the digest hour, makes and queues every digest (one transaction per person), and
the sender delivers them over a pool of 4 SMTP connections. The SMTP server counts each
message by its Message-ID: every digest must arrive exactly once.`;

/** "Digest by mail" in RESULTS.md. */
export function mailSection(phase: MailPhase | undefined): string {
  const title = '## Digest by mail (ours)';
  if (!phase) return `${title}\n\nnot measured in this run\n`;
  if (phase.error || !phase.result) return `${title}\n\nnot available: ${(phase.error ?? '').split('\n')[0]}\n`;
  const r = phase.result;
  return `${title}

${MAIL_SECTION_INTRO}

| people | queue every digest | deliver them | mails a second | received (distinct) | size of one digest | server RSS |
|---|---|---|---|---|---|---|
| ${r.people} | ${round(r.queueMs)} ms | ${round(r.deliverMs)} ms | ${round(r.mailsPerSecond)} | ${r.received} (${r.distinct}) | ${round(r.bytesPerMail / 1000)} kB | ${round(r.rssMb)} MB |
`;
}
