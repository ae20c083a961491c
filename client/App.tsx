import { useRef } from 'react';
import { pickPlan } from '../shared/plan/pickPlan';
import { PlanPage } from './PlanPage';
import { useReleasePrepaint } from './boot/prepaint';
import { usePlanConnection } from './hooks/usePlanConnection';
import { usePlans, type PlanSummary } from './hooks/usePlans';
import { useI18n } from './i18n/I18nProvider';
import { AppHeader } from './layout/AppHeader';
import { RoundsProvider } from './rounds/RoundsProvider';
import { ViewersProvider } from './viewers/ViewersProvider';

/**
 * The plan named by ?plan=<id>, else the one this page already shows, else the newest
 * year. The list is live: a plan made elsewhere must not take the page from its plan.
 */
function choosePlan(plans: PlanSummary[], shown: string | null): PlanSummary | null {
  return pickPlan(plans, new URLSearchParams(location.search).get('plan'), shown);
}

function OpenPlan({ plan }: { plan: PlanSummary }) {
  const connection = usePlanConnection(plan.id);
  return connection ? (
    <ViewersProvider awareness={connection.awareness}>
      <RoundsProvider planId={plan.id}>
        <PlanPage key={plan.id} plan={connection} fallbackTitle={plan.title} />
      </RoundsProvider>
    </ViewersProvider>
  ) : null;
}

export function App() {
  const { t } = useI18n();
  const { plans, retry } = usePlans();
  const shown = useRef<string | null>(null);
  const plan = plans.state === 'ready' ? choosePlan(plans.plans, shown.current) : null;
  shown.current = plan?.id ?? shown.current;
  useReleasePrepaint(!plan && plans.state !== 'loading');
  if (plan) return <OpenPlan plan={plan} />;
  return (
    <>
      <AppHeader title={t.appName} />
      <main className="plan-main">
        <div className="page-message" role={plans.state === 'failed' ? 'alert' : 'status'}>
          {plans.state === 'loading' && t.loadingPlans}
          {plans.state === 'ready' && t.noPlans}
          {plans.state === 'failed' && (
            <>
              <p>{t.plansFailed}</p>
              <button type="button" className="button" onClick={retry}>
                {t.retry}
              </button>
            </>
          )}
        </div>
      </main>
    </>
  );
}
