/**
 * A picture of a card to carry while dragging it: the same elements, showing the same
 * choices in its selects, but without the ids and marks that tell the board's cards
 * apart, so nothing mistakes it for the card itself.
 */
export function copyOfCard(card: HTMLElement): HTMLElement {
  const copy = card.cloneNode(true) as HTMLElement;
  const selects = card.querySelectorAll('select');
  copy.querySelectorAll('select').forEach((select, i) => (select.selectedIndex = selects[i]?.selectedIndex ?? 0));
  for (const element of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of ['id', 'data-item-id', 'data-move-button', 'data-run', 'aria-describedby']) element.removeAttribute(name);
  }
  copy.inert = true;
  return copy;
}
