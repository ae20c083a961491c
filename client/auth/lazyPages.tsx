import type { ComponentProps, ReactNode } from 'react';
import type { AcceptLinkPage as AcceptLinkPageView } from './AcceptLinkPage';
import { LazyBoundary } from '../lazy/LazyBoundary';
import { lazyView } from '../lazy/lazyView';
import { useLazyTexts } from '../lazy/lazyTexts';

// The pages besides the board (Personer, Utkorg, Mina inställningar, choosing a
// password from a link) are fetched when someone opens one: the board's first paint
// does not wait for their code.

export const PeoplePage = lazyView<object>(() => import('./PeoplePage').then((m) => ({ default: m.PeoplePage })));
export const OutboxPage = lazyView<object>(() => import('../mail/OutboxPage').then((m) => ({ default: m.OutboxPage })));
export const SettingsPage = lazyView<object>(() => import('../mail/SettingsPage').then((m) => ({ default: m.SettingsPage })));
export const AcceptLinkPage = lazyView<ComponentProps<typeof AcceptLinkPageView>>(() => import('./AcceptLinkPage').then((m) => ({ default: m.AcceptLinkPage })));

/** A page that loads on demand, with a note while its code is on its way. */
export function LazyPage({ children }: { children: ReactNode }) {
  const t = useLazyTexts();
  return (
    <LazyBoundary
      fallback={
        <main className="auth-page">
          <p className="page-message" role="status">
            {t.loading}
          </p>
        </main>
      }
    >
      {children}
    </LazyBoundary>
  );
}
