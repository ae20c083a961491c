import type { Locator } from '@playwright/test';

/** The names of a cell's cards, top to bottom. */
export const cardsIn = (cell: Locator): Promise<string[]> => cell.getByRole('article').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label') ?? ''));
