import { Menu, X } from 'lucide-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The header's tools, folded behind one "Meny" button on narrow screens (header.css
 * says where): in the page's flow below the header's first row, so nothing is hidden
 * under it and the page never gets wider. On wide screens the button is hidden and the
 * tools show in the row as they are.
 *
 * It closes on Escape (the focus goes back to the button), on a press outside the
 * header, and when a link in it leads to another page. It stays open while a dialog
 * opened from it is up, so the dialog can give the focus back to its button.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const header = button.current?.closest('header');
    // By the event's path as it was when it started: the element pressed may be gone since (the button's icon changes).
    const within = (e: Event, selector: string) => e.composedPath().some((node) => node instanceof Element && node.matches(selector));
    const inside = (e: Event) => header !== null && header !== undefined && e.composedPath().includes(header);
    // On the click, not the press: the press's own click lands first where it was aimed, before the menu folds and the page moves up.
    // A dialog opened from the menu sits outside the header (or above the page): its clicks and keys are its own.
    const onPress = (e: MouseEvent) => {
      if (!inside(e) && !within(e, 'dialog, [role="dialog"]')) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !(inside(e) || e.target === document.body)) return;
      setOpen(false);
      button.current?.focus();
    };
    const onNavigate = () => setOpen(false);
    document.addEventListener('click', onPress);
    document.addEventListener('keydown', onKey);
    window.addEventListener('hashchange', onNavigate);
    return () => {
      document.removeEventListener('click', onPress);
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', onNavigate);
    };
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="button header-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? <X aria-hidden="true" size={18} /> : <Menu aria-hidden="true" size={18} />}
        {t.menu}
      </button>
      <div id={panelId} className="app-header-tools" data-open={open || undefined}>
        {children}
      </div>
    </>
  );
}
