import type { ImportResult } from '../../shared/import/ImportResult';
import { replacePlanWith } from '../../shared/import/replacePlanWith';
import type { PlanDocument, TextRun } from '../../shared/plan/types';
import { writePlanDocument } from '../../shared/plan/writePlanDocument';
import { checkMeetingText, checkTitle, checkVersion, checkYear } from '../meetings/checkMeetingInput';
import type { LiveDocs } from '../meetings/LiveDocs';
import { MeetingError } from '../meetings/MeetingError';
import { saveSnapshot, type SnapshotAuthor } from '../meetings/saveSnapshot';
import type { MeetingStore, SnapshotInfo } from '../store/MeetingStore';
import type { PlanRecord, PlanStore } from '../store/PlanStore';
import { planDocName } from '../sync/docName';

/** What a new plan is given beside its file; absent fields come from the file. */
export interface NewPlanFields {
  year?: unknown;
  title?: unknown;
  version?: unknown;
  /** The text about the annual meeting that opens the document (its preamble). */
  meetingText?: unknown;
}

export interface PlanImportDeps {
  meetings: MeetingStore;
  plans: Pick<PlanStore, 'get' | 'create' | 'list'>;
  docs: LiveDocs;
}

/** The annual meeting's text as the preamble: bold, as the document's cover sets it. */
const meetingRuns = (text: string): TextRun[] => (text ? [{ text, bold: true }] : []);

/**
 * Plans made from files, and plans whose content a file replaces. The person is the
 * session's (null for the command line); every check is made before anything is
 * written, and each change is one transaction.
 */
export class PlanImports {
  constructor(private readonly deps: PlanImportDeps) {}

  /** A new plan from a file read, under its own year: the year's plan must not exist yet. */
  create(author: SnapshotAuthor, result: ImportResult, fields: NewPlanFields): PlanRecord {
    const year = checkYear(fields.year ?? (result.document.plan.year || undefined));
    const taken = this.deps.plans.list().find((p) => p.year === year || p.id === String(year));
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
    return this.deps.meetings.transaction(() => {
      const plan = this.deps.plans.create({ id, title, year });
      this.deps.docs.change(planDocName(id), author.id, (doc) => writePlanDocument(doc, document));
      return plan;
    });
  }

  /**
   * Replaces the plan's content with the file's, as one change everyone on the plan
   * receives. The plan as it was is stored first as a snapshot ("före import"), in the
   * same transaction: restoring it undoes the import.
   */
  replace(author: SnapshotAuthor, planId: string, result: ImportResult, fileName = ''): { before: SnapshotInfo; plan: PlanRecord } {
    const plan = this.deps.plans.get(planId);
    if (!plan) throw new MeetingError('PLAN_NOT_FOUND', 'Planen finns inte.');
    const meetingId = this.deps.meetings.openMeeting(plan.id)?.id ?? null;
    const note = `Före import${fileName ? ` av ${fileName}` : ''}`.slice(0, 2000);
    return this.deps.meetings.transaction(() => {
      const before = saveSnapshot(this.deps, author, { planId: plan.id, meetingId, reason: 'before_import', note });
      this.deps.docs.change(planDocName(plan.id), author.id, (doc) => replacePlanWith(doc, result.document));
      return { before, plan };
    });
  }
}
