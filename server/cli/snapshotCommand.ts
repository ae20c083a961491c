import { parseArgs } from 'node:util';
import { describePlanDiff } from '../../shared/snapshot/describePlanDiff';
import { readConfig } from '../config';
import { checkSnapshotId } from '../meetings/checkMeetingInput';
import { MeetingError } from '../meetings/MeetingError';
import { MeetingService, type SnapshotRef } from '../meetings/MeetingService';
import { storedDocs } from '../meetings/storedDocs';
import type { SnapshotInfo } from '../store/MeetingStore';
import { openInstallationStore } from '../store/openStore';
import { discussionDocName, planDocName } from '../sync/docName';
import type { Command } from './Command';

const USAGE = `usage:
  planbord snapshot list [--plan ID] [--json]
  planbord snapshot diff A B [--plan ID] [--json]
  A and B are snapshot ids; either may be "current", the plan as it is now (the
  plan of the other snapshot, or --plan).`;

// Reads the installation's database directly (DATA_DIR's SQLite file, whose WAL lets it
// read beside a running server, or DATABASE_URL's PostgreSQL) and changes nothing.

type Ref = SnapshotRef | 'current';

function listing(info: SnapshotInfo, meetingTitle: string | null) {
  return { ...info, createdAt: new Date(info.createdAt).toISOString(), meetingTitle };
}

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: 'list the stored snapshots of the plans, or compare two of them (or one with the plan now)',
  usage: USAGE,
  async run(args, env, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, plan: { type: 'string' } } });
    } catch (err) {
      io.err(`planbord snapshot: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const [action, ...rest] = parsed.positionals;
    const json = parsed.values.json === true;
    let refs: Ref[] = [];
    try {
      if (action === 'diff' && rest.length === 2) refs = rest.map((r) => (r === 'current' ? 'current' : checkSnapshotId(r)));
      else if (action !== 'list' || rest.length) throw new MeetingError('INVALID_INPUT', action ? `cannot use "${args.join(' ')}"` : 'list or diff?');
    } catch (err) {
      io.err(`planbord snapshot: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const config = readConfig(env);
    const store = await openInstallationStore(config.databaseUrl, config.dataDir);
    try {
      const { meetings } = store;
      const docs = storedDocs(store);
      const service = new MeetingService({
        meetings,
        plans: store.plans,
        transaction: (fn) => store.transaction(fn),
        storesOn: (tx) => store.on(tx),
        docs,
        planChanges: async () => [],
        nameOf: async () => null,
      });
      if (action === 'list') {
        const list = await service.snapshots(parsed.values.plan);
        const titles = new Map((await meetings.meetingsOf(list.map((s) => s.meetingId))).map((m) => [m.id, m.title]));
        const title = (id: number | null) => (id === null ? null : (titles.get(id) ?? null));
        if (json) io.out(JSON.stringify(list.map((s) => listing(s, title(s.meetingId))), null, 2));
        else if (!list.length) io.out('No snapshots yet.');
        else for (const s of list) io.out(`${s.id}\t${s.planId}\t${listing(s, null).createdAt}\t${s.createdByName}\t${title(s.meetingId) ?? ''}\t${s.note}`);
        return 0;
      }
      const numbered = refs.find((r): r is number => typeof r === 'number');
      const planId = parsed.values.plan ?? (numbered === undefined ? undefined : (await service.snapshot(numbered)).planId);
      if (planId === undefined) throw new MeetingError('INVALID_INPUT', 'which plan is "current"? Give --plan ID');
      const [from, to] = refs.map((r) => (r === 'current' ? { current: planId } : r));
      if (refs.includes('current')) await docs.readFirst(planDocName(planId), discussionDocName(planId));
      const diff = await service.compare(from, to);
      const side = (r: SnapshotRef) => (typeof r === 'number' ? { snapshot: r } : { current: r.current });
      if (json) io.out(JSON.stringify({ from: side(from), to: side(to), ...diff }, null, 2));
      else describePlanDiff(diff).forEach((line) => io.out(line));
      return 0;
    } catch (err) {
      if (err instanceof MeetingError || (err as { code?: string }).code === 'PLAN_NOT_FOUND') {
        io.err(`planbord snapshot: ${(err as Error).message}`);
        return err instanceof MeetingError && err.code === 'INVALID_INPUT' ? 2 : 1;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
