import { LazyBoundary } from '../lazy/LazyBoundary';
import { lazyView } from '../lazy/lazyView';
import type { StrategyPageProps } from './StrategyPage';
import { useStrategyTexts } from './strategyTexts';

export const StrategyPage = lazyView(() => import('./StrategyPage'));

/** The strategy page, fetched when someone opens it. */
export function LazyStrategyPage(props: StrategyPageProps) {
  const t = useStrategyTexts();
  return (
    <LazyBoundary
      fallback={
        <p className="page-message" role="status">
          {t.loading}
        </p>
      }
    >
      <StrategyPage {...props} />
    </LazyBoundary>
  );
}
