import type { ComponentProps } from 'react';
import { LazyDialog } from '../dialog/LazyDialog';
import { lazyView } from '../lazy/lazyView';
import { useCommentTexts } from './commentTexts';
import type { ThreadPanel as ThreadPanelView } from './ThreadPanel';

type Props = ComponentProps<typeof ThreadPanelView>;

/** A card's comment panel: its code arrives after the board has painted (see offlineViews). */
export const ThreadPanel = lazyView<Props>(() => import('./ThreadPanel').then((m) => ({ default: m.ThreadPanel })));

export function LazyThreadPanel(props: Props) {
  const t = useCommentTexts();
  return (
    <LazyDialog title={t.comments} onClose={props.onClose}>
      <ThreadPanel {...props} />
    </LazyDialog>
  );
}
