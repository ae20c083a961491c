import type { SuggestionOptions, SuggestionProps } from '@tiptap/suggestion';
import type { Person } from './commentApi';

// The @-suggestions of the comment editor: Tiptap's suggestion plugin finds the query
// and positions; this keeps the list and the highlighted entry and hands them to React
// (MentionMenu) through `show`, and answers the arrow keys, Enter, Tab and Escape.

export interface MentionMenuState {
  people: Person[];
  active: number;
  rect: DOMRect | null;
  choose(index: number): void;
}

const MAX_SHOWN = 8;
const fold = (s: string) => s.toLocaleLowerCase('sv');

export function mentionSuggestion(
  people: () => Promise<Person[]>,
  show: (state: MentionMenuState | null) => void,
): Omit<SuggestionOptions<Person>, 'editor'> {
  return {
    char: '@',
    items: async ({ query }) => {
      const all = await people().catch(() => []);
      const q = fold(query);
      return all.filter((p) => fold(p.name).includes(q) || fold(p.organisation).includes(q)).slice(0, MAX_SHOWN);
    },
    render: () => {
      let props: SuggestionProps<Person> | null = null;
      let active = 0;
      const choose = (index: number) => {
        const person = props?.items[index];
        if (person && props) props.command({ id: person.id, label: person.name });
      };
      const publish = () =>
        show(props ? { people: props.items, active, rect: props.clientRect?.() ?? null, choose } : null);
      return {
        onStart: (p) => {
          props = p;
          active = 0;
          publish();
        },
        onUpdate: (p) => {
          props = p;
          active = Math.min(active, Math.max(0, p.items.length - 1));
          publish();
        },
        onKeyDown: ({ event }) => {
          const n = props?.items.length ?? 0;
          if (event.key === 'Escape') {
            props = null;
            show(null);
            return true;
          }
          if (n === 0) return false;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            active = (active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
            publish();
            return true;
          }
          if (event.key === 'Enter' || event.key === 'Tab') {
            choose(active);
            return true;
          }
          return false;
        },
        onExit: () => {
          props = null;
          show(null);
        },
      };
    },
  };
}
