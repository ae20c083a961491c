import { useEffect, useId, useRef } from 'react';
import type * as Y from 'yjs';
import { planFocus, planStrategy } from '../../shared/plan/schema';
import { LazyRichTextEditor } from '../editor/LazyRichTextEditor';
import { planUndo } from '../undo/PlanUndo';
import { usePlanAwareness } from '../viewers/ViewersContext';
import { useStrategyTexts } from './strategyTexts';
import './strategy.css';

export interface StrategyPageProps {
  doc: Y.Doc;
  year: number;
  /** Readers (the forum) see the texts live without being able to change them. */
  readOnly: boolean;
}

/**
 * The strategy part of the plan (vision, organisation, the directions) and the focus of
 * the year's action plan, as a document of its own. Those who may change the plan edit
 * it together, with each other's carets; everyone else reads it as it changes.
 */
export default function StrategyPage({ doc, year, readOnly }: StrategyPageProps) {
  const t = useStrategyTexts();
  const id = useId();
  const awareness = usePlanAwareness();
  const history = readOnly ? null : planUndo(doc);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened from the header: take the reader to the page's heading.
  useEffect(() => headingRef.current?.focus(), []);

  const editor = (labelId: string, field: string, fragment: Y.XmlFragment) => (
    <LazyRichTextEditor fragment={fragment} labelledBy={labelId} field={field} editable={!readOnly} history={history} awareness={awareness} />
  );

  return (
    <article className="strategy-page" aria-labelledby={`${id}-strategy`}>
      <header className="strategy-head">
        <div>
          <h2 id={`${id}-strategy`} className="strategy-title" ref={headingRef} tabIndex={-1}>
            {t.title}
          </h2>
          <p className="strategy-intro">{t.intro}</p>
          {readOnly && <p className="strategy-readonly">{t.readOnly}</p>}
        </div>
        <a className="button" href="#">
          {t.backToBoard}
        </a>
      </header>
      {editor(`${id}-strategy`, t.title, planStrategy(doc))}
      <section className="strategy-focus" aria-labelledby={`${id}-focus`}>
        <h2 id={`${id}-focus`}>{t.focusTitle(year)}</h2>
        {editor(`${id}-focus`, t.focusTitle(year), planFocus(doc))}
      </section>
    </article>
  );
}
