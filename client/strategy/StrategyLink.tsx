import { BookOpen } from 'lucide-react';
import { STRATEGY_HASH, useStrategyOpen } from './strategyRoute';
import { useStrategyTexts } from './strategyTexts';

/** In the header: the way to the strategy page, marked as the current page while it is open. */
export function StrategyLink() {
  const t = useStrategyTexts();
  const open = useStrategyOpen();
  return (
    <a className="button" href={open ? '#' : STRATEGY_HASH} title={t.linkHint} aria-current={open ? 'page' : undefined}>
      <BookOpen aria-hidden="true" size={16} />
      {t.link}
    </a>
  );
}
