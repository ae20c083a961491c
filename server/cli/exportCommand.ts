import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ExportError } from '../../shared/export/ExportError';
import { wantsRounds } from '../../shared/export/exportRounds';
import { parseExportRequest } from '../../shared/export/parseExportRequest';
import { EXPORT_FORMATS } from '../../shared/export/types';
import { readConfig } from '../config';
import { loadExport } from '../export/loadExport';
import { renderExport } from '../export/renderExport';
import { storeExportSources } from '../export/storeExportSources';
import type { MeetingStore } from '../store/MeetingStore';
import { openInstallationStore } from '../store/openStore';
import type { Command, CommandIo } from './Command';

// `planbord export …`: the plan, or one of its snapshots, as a file. It reads the
// installation's database directly (DATA_DIR's SQLite file, whose WAL lets it read next
// to a running server, or DATABASE_URL's PostgreSQL) and changes no plan.

const USAGE = `usage:
  planbord export --format ${EXPORT_FORMATS.join('|')} --out FILE [--plan ID] [--snapshot ID]
                  [--directions I,J|TITLE]... [--status-notes 1|0] [--comments none|open|resolved|all]
                  [--rounds none|closed|all]   the consultation rounds' answers ("Remissvar")
  Without --plan: the snapshot's own plan, or else the newest plan.`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the plan or one of its snapshots as Word, PDF, Markdown, text, CSV or JSON',
  usage: USAGE,
  run,
};

/** A snapshot belongs to one plan: a 2025 snapshot is exported as 2025's, whatever plan is newest. */
async function planOfSnapshot(meetings: MeetingStore, snapshotId: string): Promise<string> {
  const info = /^\d{1,15}$/.test(snapshotId) ? await meetings.snapshot(Number(snapshotId)) : undefined;
  if (!info) throw new ExportError('SNAPSHOT_NOT_FOUND', `there is no snapshot ${snapshotId}`);
  return info.planId;
}

async function run(args: string[], env: NodeJS.ProcessEnv, io: CommandIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        plan: { type: 'string' },
        snapshot: { type: 'string' },
        directions: { type: 'string', multiple: true },
        'status-notes': { type: 'string' },
        comments: { type: 'string' },
        rounds: { type: 'string' },
      },
    }));
  } catch (err) {
    io.err(`planbord export: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.out) {
    io.err(`planbord export: --out is missing\n${USAGE}`);
    return 2;
  }
  const config = readConfig(env);
  const store = await openInstallationStore(config.databaseUrl, config.dataDir);
  try {
    const { format, options } = parseExportRequest({
      format: values.format === undefined ? undefined : [values.format],
      directions: values.directions,
      statusNotes: values['status-notes'] === undefined ? undefined : [values['status-notes']],
      comments: values.comments === undefined ? undefined : [values.comments],
      rounds: values.rounds === undefined ? undefined : [values.rounds],
    });
    const { meetings } = store;
    const planId = values.plan ?? (values.snapshot === undefined ? (await store.plans.list())[0]?.id : await planOfSnapshot(meetings, values.snapshot));
    if (!planId) throw new ExportError('PLAN_NOT_FOUND', `there is no plan in ${store.file}`);
    const { source, meta } = await loadExport(storeExportSources(store, meetings), planId, values.snapshot, undefined, wantsRounds(options));
    const file = await renderExport(format, source, options, meta);
    writeFileSync(values.out, file.body);
    io.err(`Wrote ${values.out} (${file.body.byteLength} bytes) from plan ${planId}${values.snapshot ? `, snapshot ${values.snapshot}` : ''}.`);
    return 0;
  } catch (err) {
    if (err instanceof ExportError) {
      io.err(`${err.message}${err.code === 'BAD_EXPORT_OPTION' ? `\n${USAGE}` : ''}`);
      return err.code === 'BAD_EXPORT_OPTION' ? 2 : 1;
    }
    if ((err as NodeJS.ErrnoException).code && (err as NodeJS.ErrnoException).syscall) {
      io.err(`could not write ${values.out}: ${(err as Error).message}`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
  }
}
