import '../styles/card-icons.css';

export type CardIconName = 'move' | 'edit' | 'remove' | 'details' | 'when' | 'comments';

/** An icon a card repeats (see card-icons.css); decorative, the control around it has the name. */
export function CardIcon({ name, small = false }: { name: CardIconName; small?: boolean }) {
  return <span className={`card-icon card-icon-${name}${small ? ' card-icon-small' : ''}`} aria-hidden="true" />;
}
