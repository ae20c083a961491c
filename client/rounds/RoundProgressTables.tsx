import type { RoundAnswer, RoundView } from '../../shared/rounds/RoundView';
import { roundProgress } from '../../shared/rounds/roundProgress';
import { useRoundTexts } from './roundTexts';

interface Row {
  key: string;
  name: string;
  answered: string;
  pending: string;
}

function ProgressTable({ caption, first, rows }: { caption: string; first: string; rows: Row[] }) {
  const t = useRoundTexts();
  return (
    <table className="round-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">{t.answeredCol}</th>
          <th scope="col">{t.pendingCol}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            <td>{row.answered}</td>
            <td>{row.pending}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Who has answered and who has not, per person and per item: for the board and the secretariat. */
export function RoundProgressTables({ round, answers }: { round: RoundView; answers: RoundAnswer[] }) {
  const t = useRoundTexts();
  const progress = roundProgress(round, answers);
  const itemName = new Map(round.items.map((i) => [i.id, i.activity]));
  const people = new Map(round.recipients.map((p) => [p.id, p]));
  const names = (ids: string[], name: (id: string) => string | undefined) => (ids.length ? ids.map((id) => name(id) ?? id).join(', ') : t.nothing);
  const personName = (id: string) => people.get(id)?.name;
  return (
    <section className="round-section" aria-label={t.progressTitle}>
      <h3>
        {t.progressTitle}: {t.progress(progress.doneCount, progress.expectedCount)}
      </h3>
      <ProgressTable
        caption={t.perPerson}
        first={t.person}
        rows={progress.people.map((p) => ({
          key: p.personId,
          name: `${personName(p.personId)}${people.get(p.personId)?.active ? '' : ` (${t.inactive})`}`,
          answered: p.done && p.answered.length ? t.allAnswered : names(p.answered, (id) => itemName.get(id)),
          pending: names(p.pending, (id) => itemName.get(id)),
        }))}
      />
      <ProgressTable
        caption={t.perItem}
        first={t.item}
        rows={progress.items.map((i) => ({ key: i.itemId, name: itemName.get(i.itemId) ?? '', answered: names(i.answeredBy, personName), pending: names(i.pending, personName) }))}
      />
    </section>
  );
}
