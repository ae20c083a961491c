import { History } from 'lucide-react';
import { HISTORY_HASH } from './MeetingsLayer';
import { useMeetingTexts } from './meetingTexts';
import { PlanSwitcher } from './PlanSwitcher';

/** In the header: the plan switcher and the way to the history page. */
export function MeetingTools({ planId }: { planId: string }) {
  const t = useMeetingTexts();
  return (
    <>
      <PlanSwitcher planId={planId} />
      <a className="button" href={HISTORY_HASH} title={t.historyLabel}>
        <History aria-hidden="true" size={16} />
        {t.history}
      </a>
    </>
  );
}
