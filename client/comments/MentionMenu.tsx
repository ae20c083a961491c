import { useId } from 'react';
import type { MentionMenuState } from './mentionSuggestion';
import { useCommentTexts } from './commentTexts';

/** The list of people matching what follows the @, under the caret. */
export function MentionMenu({ state }: { state: MentionMenuState }) {
  const t = useCommentTexts();
  const id = useId();
  const style = state.rect ? { position: 'fixed' as const, left: state.rect.left, top: state.rect.bottom + 4 } : undefined;
  const chosen = state.people[state.active];
  return (
    <>
      {/* The editor keeps focus while the list is open, so its state is announced. */}
      <p className="sr-only" role="status">
        {chosen ? t.mentionAnnounce(chosen.name, state.active + 1, state.people.length) : t.noPeople}
      </p>
      <ul className="mention-menu" role="listbox" id={id} aria-label={t.mentionSuggestions} style={style}>
        {state.people.length === 0 && <li className="mention-empty">{t.noPeople}</li>}
        {state.people.map((person, i) => (
          <li
            key={person.id}
            role="option"
            aria-selected={i === state.active}
            className={i === state.active ? 'mention-option active' : 'mention-option'}
            // mousedown, not click: the editor must keep its focus and selection.
            onMouseDown={(e) => {
              e.preventDefault();
              state.choose(i);
            }}
          >
            <span className="mention-name">{person.name}</span>
            {person.organisation && <span className="mention-org">{person.organisation}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}
