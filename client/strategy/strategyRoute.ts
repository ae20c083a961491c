import { useHash } from '../meetings/useHash';

/** The address of the strategy page: the plan page shows it in place of the board. */
export const STRATEGY_HASH = '#strategi';

export const useStrategyOpen = () => useHash() === STRATEGY_HASH;
