import { RichTextEditor } from '../editor/LazyRichTextEditor';
import { ItemDialog } from '../item/usePlanEditing';
import { StrategyPage } from '../strategy/LazyStrategyPage';

/**
 * The views a board member opens from the board while working offline: the item dialog
 * (editing and "Lägg till"), its Hur editor and the strategy page. Their code is split
 * from the board's and fetched once the board has painted (usePreloadWhenIdle), so that
 * their first opening does not need the network.
 */
export const OFFLINE_VIEWS = [ItemDialog, RichTextEditor, StrategyPage] as const;
