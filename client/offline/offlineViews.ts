import { ThreadPanel } from '../comments/LazyThreadPanel';
import { RichTextEditor } from '../editor/LazyRichTextEditor';
import { ItemDetails } from '../item/useItemDetails';
import { ItemDialog } from '../item/usePlanEditing';
import { StrategyPage } from '../strategy/LazyStrategyPage';

/**
 * The views opened from the board while working offline: the item dialog (editing and
 * "Lägg till"), its Hur editor, a reader's read-only card details, a card's comments and the strategy page. Their code is split
 * from the board's and fetched once the board has painted (usePreloadWhenIdle), so that
 * their first opening does not need the network.
 */
export const OFFLINE_VIEWS = [ItemDialog, RichTextEditor, ItemDetails, ThreadPanel, StrategyPage] as const;
