import type * as Y from 'yjs';
import { can, type Role } from '../../shared/auth/roles';
import { listDirections, listItems } from '../../shared/plan/schema';
import { newId } from '../../shared/plan/newId';
import type { KeyedPlan } from '../../shared/snapshot/KeyedPlan';
import { liveRoundViews } from '../../shared/rounds/liveRoundView';
import type { RoundNotice } from '../../shared/rounds/RoundNotice';
import { roundForViewer } from '../../shared/rounds/roundForViewer';
import { roundProgress, stillToAnswer } from '../../shared/rounds/roundProgress';
import type { RoundItem, RoundPersonRef, RoundView } from '../../shared/rounds/RoundView';
import type { LiveDocs } from '../meetings/LiveDocs';
import type { PeopleStore, UserRecord } from '../store/PeopleStore';
import type { PlanStore } from '../store/PlanStore';
import type { RoundStore } from '../store/RoundStore';
import type { Sql } from '../store/sql/Sql';
import { daysBefore } from '../../shared/rounds/stockholmTime';
import { discussionDocName, parseDocName, planDocName } from '../sync/docName';
import { checkDeadline, checkId, checkQuestion, checkRecipients, checkReminderDays, checkScope, reminderMoment } from './checkRoundInput';
import { RoundError } from './RoundError';

// Consultation rounds: opened, moved and closed by the board or the secretariat,
// reminded and closed at their deadline by the server. The person is always the
// session's and the time the server's clock. Every check runs before the one
// transaction that writes, and the people concerned are told (notify) through that
// transaction: a notice that cannot be queued undoes the event, and an event that is
// refused queues no notice.

export interface RoundActor {
  id: string;
  name: string;
  role: Role;
}

export interface RoundServiceDeps {
  rounds: RoundStore;
  /** Runs fn in one transaction, with the round store bound to it. */
  transaction<T>(fn: (tx: { rounds: RoundStore; sql: Sql }) => Promise<T>): Promise<T>;
  plans: Pick<PlanStore, 'get'>;
  docs: Pick<LiveDocs, 'read'>;
  people: Pick<PeopleStore, 'getUser' | 'listUsers'>;
  /** The plain JSON a snapshot stored, for its rounds; absent where there are no snapshots. */
  snapshotJson?(snapshotId: number): Promise<string | undefined>;
  now: () => number;
  /** Queues the notice through `tx`, the transaction of the round's event. */
  notify(tx: Sql, notice: RoundNotice): void | Promise<void>;
  /** Told after a round opened, moved or closed: the next moment due may have changed. */
  onChange?(): void;
}

export interface OpenRoundInput {
  question?: unknown;
  deadline?: unknown;
  reminderDays?: unknown;
  itemIds?: unknown;
  directionId?: unknown;
  recipients?: unknown;
}

export interface DueRun {
  closed: string[];
  reminded: string[];
  failed: Array<{ roundId: string; err: unknown }>;
}

const ref = (p: { id: string; name: string }): RoundPersonRef => ({ id: p.id, name: p.name });

export class RoundService {
  constructor(private readonly deps: RoundServiceDeps) {}

  async plan(planId: string): Promise<string> {
    if (typeof planId !== 'string' || !parseDocName(planDocName(planId)) || !(await this.deps.plans.get(planId))) {
      throw new RoundError('PLAN_NOT_FOUND', 'Planen finns inte.');
    }
    return planId;
  }

  /** The plan's rounds as the viewer may see them, newest first. */
  async list(viewer: RoundActor, planId: string): Promise<RoundView[]> {
    return (await this.viewsOf(await this.plan(planId))).map((r) => roundForViewer(r, viewer));
  }

  async get(viewer: RoundActor, roundId: unknown): Promise<RoundView> {
    const round = await this.stored(roundId);
    return roundForViewer(this.live(round.planId, [round])[0], viewer);
  }

  /** Every round of the plan, whole and up to date: what a snapshot keeps. */
  async viewsOf(planId: string): Promise<RoundView[]> {
    return this.live(planId, await this.deps.rounds.forPlan(planId));
  }

  /** Active people who can be asked, for choosing them by name. */
  async candidates(): Promise<Array<Pick<UserRecord, 'id' | 'name' | 'organisation' | 'role'>>> {
    return (await this.deps.people.listUsers())
      .filter((u) => u.active)
      .map(({ id, name, organisation, role }) => ({ id, name, organisation, role }));
  }

  async open(actor: RoundActor, planId: string, input: OpenRoundInput): Promise<RoundView> {
    this.requireRunner(actor);
    await this.plan(planId);
    const now = this.deps.now();
    const question = checkQuestion(input.question);
    const deadline = checkDeadline(input.deadline, now);
    const reminderDays = checkReminderDays(input.reminderDays);
    const remindAt = reminderMoment(deadline, reminderDays, now);
    const scope = checkScope(input);
    const recipients = checkRecipients(input.recipients);
    const items = this.readPlan(planId, (doc) => itemsOf(doc, scope));
    const people = await this.resolvePeople(recipients);
    const id = newId();
    const directionId = 'directionId' in scope ? scope.directionId : null;
    await this.deps.transaction(async (tx) => {
      await tx.rounds.insert({ id, planId, question, directionId, audience: recipients === 'forum' ? 'forum' : 'people', deadline, reminderDays, remindAt, openedBy: ref(actor), openedAt: now, items, recipientIds: people.map((p) => p.id) });
      await tx.rounds.addEvent(id, ref(actor), now, { kind: 'opened', items: items.length, recipients: people.length });
      await this.deps.notify(tx.sql, notice('round_opened', { id, planId, question, deadline, items }, people.map((p) => p.id)));
    });
    this.deps.onChange?.();
    return this.get(actor, id);
  }

  /** Moves the deadline and/or changes the reminder of an open round. */
  async update(actor: RoundActor, roundId: unknown, input: { deadline?: unknown; reminderDays?: unknown }): Promise<RoundView> {
    this.requireRunner(actor);
    const round = this.requireOpen(await this.stored(roundId));
    if (input.deadline === undefined && input.reminderDays === undefined) {
      throw new RoundError('INVALID_INPUT', 'Ange en ny sista svarsdag (deadline) eller påminnelse (reminderDays).');
    }
    const now = this.deps.now();
    const deadline = input.deadline === undefined ? round.deadline : checkDeadline(input.deadline, now);
    const reminderDays = input.reminderDays === undefined ? round.reminderDays : checkReminderDays(input.reminderDays);
    const remindAt = this.nextReminder(round, deadline, reminderDays, now);
    if (deadline === round.deadline && reminderDays === round.reminderDays) return this.get(actor, round.id);
    // A new reminder moment ahead gets a reminder of its own, even if the old one went out.
    const rearm = remindAt !== null && remindAt > now && remindAt !== round.remindAt;
    await this.deps.transaction(async (tx) => {
      if (!(await tx.rounds.setDeadline(round.id, deadline, reminderDays, remindAt, rearm))) throw closedError();
      await tx.rounds.addEvent(round.id, ref(actor), now, {
        kind: 'changed',
        ...(deadline === round.deadline ? {} : { deadline: { from: round.deadline, to: deadline } }),
        ...(reminderDays === round.reminderDays ? {} : { reminderDays: { from: round.reminderDays, to: reminderDays } }),
      });
    });
    this.deps.onChange?.();
    return this.get(actor, round.id);
  }

  /** Closes a round before its deadline; its summary is fixed as it stands now. */
  async close(actor: RoundActor, roundId: unknown): Promise<RoundView> {
    this.requireRunner(actor);
    const round = this.requireOpen(await this.stored(roundId));
    await this.closeRound(round, ref(actor), this.deps.now());
    this.deps.onChange?.();
    return this.get(actor, round.id);
  }

  /** The rounds a snapshot kept, as the viewer may see them; null for a snapshot from before rounds were kept. */
  async snapshotRounds(viewer: RoundActor, snapshotId: number): Promise<RoundView[] | null> {
    const json = await this.deps.snapshotJson?.(snapshotId);
    if (!json) throw new RoundError('SNAPSHOT_NOT_FOUND', `Ögonblicksbild ${snapshotId} finns inte.`);
    const { rounds } = JSON.parse(json) as KeyedPlan;
    return rounds ? rounds.map((r) => roundForViewer(r, viewer)) : null;
  }

  /**
   * Closes every open round whose deadline has come and reminds those still to answer
   * where a reminder is due (not once the deadline has passed). Each round is its own
   * transaction; one that fails is reported and tried again on the next run.
   */
  async runDue(): Promise<DueRun> {
    const now = this.deps.now();
    const { toClose, toRemind } = await this.deps.rounds.due(now);
    const run: DueRun = { closed: [], reminded: [], failed: [] };
    const attempt = async (roundId: string, work: (round: RoundView) => Promise<boolean>, done: string[]) => {
      try {
        const round = await this.deps.rounds.get(roundId);
        if (round && (await work(round))) done.push(roundId);
      } catch (err) {
        run.failed.push({ roundId, err });
      }
    };
    for (const id of toClose) await attempt(id, (round) => this.closeRound(round, null, now), run.closed);
    for (const id of toRemind) await attempt(id, (round) => this.remind(round, now), run.reminded);
    return run;
  }

  nextDue(): Promise<number | null> {
    return this.deps.rounds.nextDue();
  }

  private async closeRound(stored: RoundView, by: RoundPersonRef | null, now: number): Promise<boolean> {
    // Everyone asked learns it closed, and so does whoever opened it, unless they closed it themselves.
    const told = new Set([...stored.recipients.map((p) => p.id), stored.openedBy.id]);
    if (by) told.delete(by.id);
    const active = (await Promise.all([...told].map((id) => this.deps.people.getUser(id)))).filter((u) => u?.active).map((u) => u!.id);
    return this.deps.transaction(async (tx) => {
      // Read inside the transaction: the summary is the answers as they stand at the close
      // (written up to the deadline: a round closed late after a restart takes none after it).
      const [live] = this.live(stored.planId, [stored]);
      if (!(await tx.rounds.close(stored.id, now, by, live.items, live.answers))) return false;
      await tx.rounds.addEvent(stored.id, by, now, { kind: 'closed', early: by !== null, answers: live.answers.length });
      await this.deps.notify(tx.sql, notice('round_closed', live, active));
      return true;
    });
  }

  private remind(stored: RoundView, now: number): Promise<boolean> {
    return this.deps.transaction(async (tx) => {
      const [live] = this.live(stored.planId, [stored]);
      const waiting = stillToAnswer(roundProgress(live, live.answers));
      if (!(await tx.rounds.markReminded(stored.id, now))) return false;
      const people = live.recipients.filter((p) => waiting.includes(p.id));
      await tx.rounds.addEvent(stored.id, null, now, { kind: 'reminded', recipients: people.map(ref) });
      // Nobody left to remind: the event says so, and nobody is told anything.
      if (people.length) await this.deps.notify(tx.sql, notice('round_reminder', { ...live, items: live.items.filter((i) => !i.deleted) }, people.map((p) => p.id)));
      return true;
    });
  }

  /** The reminder moment for a new deadline or number of days; one already past is refused unless the reminder went out. */
  private nextReminder(round: RoundView, deadline: number, days: number | null, now: number): number | null {
    if (days === null) return null;
    const at = daysBefore(deadline, days);
    if (at <= now && round.remindedAt !== null) return at;
    return reminderMoment(deadline, days, now);
  }

  private requireRunner(actor: RoundActor): void {
    if (!can(actor.role, 'rounds.run')) throw new RoundError('FORBIDDEN', 'Bara styrelsen och kansliet får öppna, ändra och avsluta remissrundor.');
  }

  private async stored(roundId: unknown): Promise<RoundView> {
    const round = await this.deps.rounds.get(checkId(roundId, 'remissrundan'));
    if (!round) throw new RoundError('ROUND_NOT_FOUND', 'Remissrundan finns inte.');
    return round;
  }

  /** An open round whose deadline has not come; one past it closes at the scheduler's next run. */
  private requireOpen(round: RoundView): RoundView {
    if (round.closedAt !== null || round.deadline <= this.deps.now()) {
      if (round.closedAt === null) this.deps.onChange?.();
      throw closedError();
    }
    return round;
  }

  private live(planId: string, stored: RoundView[]): RoundView[] {
    if (stored.every((r) => r.closedAt !== null)) return stored;
    return this.deps.docs.read(discussionDocName(planId), (discussion) => this.readPlan(planId, (plan) => liveRoundViews(stored, plan, discussion)));
  }

  private readPlan<T>(planId: string, read: (doc: Y.Doc) => T): T {
    return this.deps.docs.read(planDocName(planId), read);
  }

  private async resolvePeople(recipients: 'forum' | string[]): Promise<UserRecord[]> {
    if (recipients === 'forum') {
      const forum = (await this.deps.people.listUsers()).filter((u) => u.active && u.role === 'tjanstepersonforum');
      if (forum.length === 0) throw new RoundError('NO_RECIPIENTS', 'Tjänstepersonforumet har ingen aktiv medlem att fråga. Bjud in dem först, eller välj personer.');
      return forum;
    }
    const users = await Promise.all(recipients.map((id) => this.deps.people.getUser(id)));
    return recipients.map((id, i) => {
      const user = users[i];
      if (!user) throw new RoundError('UNKNOWN_PERSON', `Det finns ingen person med id ${id}.`);
      if (!user.active) throw new RoundError('UNKNOWN_PERSON', `${user.name} är inaktiverad och kan inte tillfrågas.`);
      return user;
    });
  }
}

const closedError = () => new RoundError('ROUND_CLOSED', 'Remissrundan är redan avslutad.');

/** The items a round asks about, in board order: chosen ones (each in the plan, not deleted) or a whole direction's. */
function itemsOf(doc: Y.Doc, scope: { itemIds: string[] } | { directionId: string }): Omit<RoundItem, 'deleted'>[] {
  const directions = listDirections(doc);
  const title = new Map(directions.map((d) => [d.id, d.title]));
  const rank = new Map(directions.map((d, i) => [d.id, i]));
  const live = listItems(doc);
  let chosen;
  if ('directionId' in scope) {
    if (!title.has(scope.directionId)) throw new RoundError('UNKNOWN_DIRECTION', 'Inriktningen finns inte i planen.');
    chosen = live.filter((i) => i.directionId === scope.directionId);
    if (chosen.length === 0) throw new RoundError('INVALID_INPUT', 'Inriktningen har inga punkter att fråga om.');
  } else {
    const byId = new Map(live.map((i) => [i.id, i]));
    const missing = scope.itemIds.find((id) => !byId.has(id));
    if (missing !== undefined) throw new RoundError('UNKNOWN_ITEM', `Punkten ${missing} finns inte i planen (eller är borttagen).`);
    chosen = scope.itemIds.map((id) => byId.get(id)!);
  }
  // Board order: directions in order, items in order within each (listItems is sorted).
  const position = new Map(live.map((i, n) => [i.id, n]));
  return chosen
    .sort((a, b) => (rank.get(a.directionId) ?? 0) - (rank.get(b.directionId) ?? 0) || position.get(a.id)! - position.get(b.id)!)
    .map((i) => ({ id: i.id, activity: i.activity, direction: title.get(i.directionId) ?? '' }));
}

function notice(
  kind: RoundNotice['kind'],
  round: Pick<RoundView, 'id' | 'planId' | 'question' | 'deadline'> & { items: Array<{ id: string; activity: string }> },
  recipientIds: string[],
): RoundNotice {
  return {
    kind,
    roundId: round.id,
    planId: round.planId,
    question: round.question,
    deadline: round.deadline,
    items: round.items.map(({ id, activity }) => ({ id, activity })),
    recipientIds,
  };
}
