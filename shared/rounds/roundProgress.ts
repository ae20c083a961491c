import type { RoundAnswer, RoundView } from './RoundView';

// Who has answered what. An item deleted from the plan waits for nobody (its threads
// take no more comments), and a deactivated person is waited for on nothing.

export interface ItemProgress {
  itemId: string;
  /** People who answered on the item, in the order of their first answer. */
  answeredBy: string[];
  /** Active people asked who have not, on an item still in the plan. */
  pending: string[];
}

export interface PersonProgress {
  personId: string;
  answered: string[];
  pending: string[];
  /** Answered on every item that still waits for answers. */
  done: boolean;
}

export interface RoundProgress {
  items: ItemProgress[];
  people: PersonProgress[];
  /** People who answered on every item. */
  doneCount: number;
  /** Active people asked. */
  expectedCount: number;
}

export function roundProgress(round: Pick<RoundView, 'items' | 'recipients'>, answers: readonly RoundAnswer[]): RoundProgress {
  const answered = new Set(answers.map((a) => `${a.itemId}\n${a.personId}`));
  const live = round.items.filter((i) => !i.deleted);
  const active = round.recipients.filter((p) => p.active);
  const items = round.items.map((item): ItemProgress => {
    const answeredBy = [...new Set(answers.filter((a) => a.itemId === item.id).map((a) => a.personId))];
    const pending = item.deleted ? [] : active.filter((p) => !answered.has(`${item.id}\n${p.id}`)).map((p) => p.id);
    return { itemId: item.id, answeredBy, pending };
  });
  const people = round.recipients.map((person): PersonProgress => {
    const mine = round.items.filter((i) => answered.has(`${i.id}\n${person.id}`)).map((i) => i.id);
    const pending = person.active ? live.filter((i) => !answered.has(`${i.id}\n${person.id}`)).map((i) => i.id) : [];
    return { personId: person.id, answered: mine, pending, done: person.active && pending.length === 0 };
  });
  return { items, people, doneCount: people.filter((p) => p.done).length, expectedCount: active.length };
}

/** The active people asked who still have an item to answer: whom a reminder goes to. */
export const stillToAnswer = (progress: RoundProgress) => progress.people.filter((p) => p.pending.length > 0).map((p) => p.personId);
