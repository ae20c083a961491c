import { useId } from 'react';
import { usePlans } from '../hooks/usePlans';
import { useMeetingTexts } from './meetingTexts';

/**
 * Plans of different years side by side: choosing one opens it (?plan=<id>). Shown
 * only when there is more than one plan to choose from.
 */
export function PlanSwitcher({ planId }: { planId: string }) {
  const t = useMeetingTexts();
  const { plans } = usePlans();
  const id = useId();
  if (plans.state !== 'ready' || plans.plans.length < 2) return null;
  const sorted = [...plans.plans].sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
  return (
    <div className="plan-switcher">
      <label htmlFor={id}>{t.plan}</label>
      <select
        id={id}
        value={planId}
        title={t.switchPlan}
        onChange={(e) => {
          const url = new URL(location.href);
          url.searchParams.set('plan', e.target.value);
          url.hash = '';
          location.assign(url.toString());
        }}
      >
        {sorted.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title} ({p.year})
          </option>
        ))}
      </select>
    </div>
  );
}
