import { useEffect } from 'react';

// A mail's link to a card opens the board with the card's comments: `#item=<itemId>`,
// and `#item=<itemId>&thread=<threadId>` also brings that thread into view and focus
// (shared/mail/mailLinks.ts makes them). The fragment outlives signing in, so the link
// still goes there when the person had to sign in first.

export interface ItemLink {
  itemId: string;
  threadId?: string;
}

const ID = '[A-Za-z0-9_-]{1,64}';
const ITEM_LINK = new RegExp(`^#item=(${ID})(?:&thread=(${ID}))?$`);

export function readItemLink(hash: string): ItemLink | null {
  const match = ITEM_LINK.exec(hash);
  return match ? { itemId: match[1], ...(match[2] ? { threadId: match[2] } : {}) } : null;
}

/** Calls `open` for the link in the address now and for every one followed later. */
export function useItemLink(open: (link: ItemLink) => void): void {
  useEffect(() => {
    const follow = () => {
      const link = readItemLink(location.hash);
      if (link) open(link);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [open]);
}

/** Takes the link out of the address once its panel closes, so a reload shows the board. */
export function forgetItemLink(): void {
  if (readItemLink(location.hash)) history.replaceState(history.state, '', location.pathname + location.search);
}
