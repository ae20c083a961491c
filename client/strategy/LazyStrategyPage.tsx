import { lazy, Suspense } from 'react';
import type { StrategyPageProps } from './StrategyPage';
import { useStrategyTexts } from './strategyTexts';

const StrategyPage = lazy(() => import('./StrategyPage'));

/** The strategy page, fetched when someone opens it. */
export function LazyStrategyPage(props: StrategyPageProps) {
  const t = useStrategyTexts();
  return (
    <Suspense
      fallback={
        <p className="page-message" role="status">
          {t.loading}
        </p>
      }
    >
      <StrategyPage {...props} />
    </Suspense>
  );
}
