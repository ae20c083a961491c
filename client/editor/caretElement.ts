import { USER_COLORS } from '../presence/localUser';

const FALLBACK = '#4a5568';

/**
 * Another person's caret with their name. Names and colours come from other clients'
 * presence, so the name is set as text only and the colour must be one of ours: those
 * are dark enough for white text. Screen readers skip it; the card names who is there.
 */
export function caretElement(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' && USER_COLORS.includes(user.color) ? user.color : FALLBACK;
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name.slice(0, 60) : '?';
  caret.append(label);
  return caret;
}

/** The other person's selection, tinted in their colour. */
export function caretSelection(user: Record<string, unknown>) {
  const color = typeof user.color === 'string' && USER_COLORS.includes(user.color) ? user.color : FALLBACK;
  return { nodeName: 'span', class: 'collab-selection', style: `background-color: ${color}33` };
}
