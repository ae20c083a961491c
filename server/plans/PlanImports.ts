import type { ImportResult } from '../../shared/import/ImportResult';
import { replacePlanWith } from '../../shared/import/replacePlanWith';
import type { PlanDocument, TextRun } from '../../shared/plan/types';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { checkMeetingText, checkTitle, checkVersion, checkYear } from '../meetings/checkMeetingInput';
import type { LiveDocs } from '../meetings/LiveDocs';
import { MeetingError } from '../meetings/MeetingError';
import { storeSnapshot, type SnapshotAuthor } from '../meetings/saveSnapshot';
import { discussionCopy, snapshotContent, type PlanSnapshot } from '../meetings/snapshotOfPlan';
import type { MeetingStore, SnapshotInfo } from '../store/MeetingStore';
import type { Stores } from '../store/openStore';
import type { PlanRecord, PlanStore } from '../store/PlanStore';
import type { Sql } from '../store/sql/Sql';
import { discussionDocName, planDocName } from '../sync/docName';

/** What a new plan is given beside its file; absent fields come from the file. */
export interface NewPlanFields {
  year?: unknown;
  title?: unknown;
  version?: unknown;
  /** The text about the annual meeting that opens the document (its preamble). */
  meetingText?: unknown;
}

export interface PlanImportDeps {
  meetings: Pick<MeetingStore, 'openMeeting'>;
  plans: Pick<PlanStore, 'get' | 'list'>;
  docs: LiveDocs;
  /** The stores bound to `tx`, the transaction of the document's change. */
  storesOn(tx: Sql): Pick<Stores, 'plans' | 'meetings'>;
}

/** The annual meeting's text as the preamble: bold, as the document's cover sets it. */
const meetingRuns = (text: string): TextRun[] => (text ? [{ text, bold: true }] : []);

/**
 * Plans made from files, and plans whose content a file replaces. The person is the
 * session's (null for the command line); every check is made before anything is
 * written, and each change is one transaction: the document's change, with the rows
 * that go with it.
 */
export class PlanImports {
  constructor(private readonly deps: PlanImportDeps) {}

  /** A new plan from a file read, under its own year: the year's plan must not exist yet. */
  async create(author: SnapshotAuthor, result: ImportResult, fields: NewPlanFields): Promise<PlanRecord> {
    const year = checkYear(fields.year ?? (result.document.plan.year || undefined));
    const taken = (await this.deps.plans.list()).find((p) => p.year === year || p.id === String(year));
    if (taken) throw new MeetingError('YEAR_HAS_PLAN', `Det finns redan en plan för ${year}: ”${taken.title}”. Välj ett annat år, eller ersätt den planens innehåll.`);
    const title = checkTitle(fields.title ?? (result.document.plan.title || `Verksamhetsplan ${year}`));
    const version = checkVersion(fields.version) ?? result.document.version;
    const meetingText = checkMeetingText(fields.meetingText);
    const document: PlanDocument = {
      ...result.document,
      plan: { ...result.document.plan, title, year },
      version,
      preamble: meetingText === undefined ? result.document.preamble : meetingRuns(meetingText),
    };
    const id = String(year);
    let plan: PlanRecord | null = null;
    await this.deps.docs.change(
      planDocName(id),
      author.id,
      (doc) => writePlanDocument(doc, document),
      async (tx) => {
        plan = await this.deps.storesOn(tx).plans.create({ id, title, year });
      },
    );
    return plan!;
  }

  /**
   * Replaces the plan's content with the file's, as one change everyone on the plan
   * receives. The plan as it was the moment before is stored as a snapshot ("före
   * import"), in the same transaction: restoring it undoes the import.
   */
  async replace(author: SnapshotAuthor, planId: string, result: ImportResult, fileName = ''): Promise<{ before: SnapshotInfo; plan: PlanRecord }> {
    const plan = await this.deps.plans.get(planId);
    if (!plan) throw new MeetingError('PLAN_NOT_FOUND', 'Planen finns inte.');
    const meetingId = (await this.deps.meetings.openMeeting(plan.id))?.id ?? null;
    const facts = { planId: plan.id, meetingId, reason: 'before_import' as const, note: `Före import${fileName ? ` av ${fileName}` : ''}`.slice(0, 2000) };
    const discussion = this.deps.docs.read(discussionDocName(plan.id), discussionCopy);
    let content: PlanSnapshot | null = null;
    let before: SnapshotInfo | null = null;
    await this.deps.docs.change(
      planDocName(plan.id),
      author.id,
      (doc) => {
        content = snapshotContent(doc, discussion);
        replacePlanWith(doc, result.document);
      },
      async (tx) => {
        before = await storeSnapshot(this.deps.storesOn(tx).meetings, author, facts, content!);
      },
    );
    return { before: before!, plan };
  }
}
