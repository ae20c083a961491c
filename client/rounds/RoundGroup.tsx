import type { RoundView } from '../../shared/rounds/RoundView';
import { RoundListEntry } from './RoundListEntry';

/** A titled list of rounds, each leading to its page; nothing when there are none. */
export function RoundGroup({ title, rounds, className }: { title: string; rounds: RoundView[]; className?: string }) {
  if (rounds.length === 0) return null;
  return (
    <section className={className} aria-label={title}>
      <h3>{title}</h3>
      <ul className="round-list">
        {rounds.map((r) => (
          <RoundListEntry key={r.id} round={r} />
        ))}
      </ul>
    </section>
  );
}
