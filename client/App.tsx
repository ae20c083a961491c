import { PlanPage } from './PlanPage';
import { usePlanConnection } from './hooks/usePlanConnection';
import { usePlans, type PlanSummary } from './hooks/usePlans';
import { useI18n } from './i18n/I18nProvider';
import { AppHeader } from './layout/AppHeader';
import { RoundsProvider } from './rounds/RoundsProvider';
import { ViewersProvider } from './viewers/ViewersProvider';

/** The plan named by ?plan=<id>, else the newest year. */
function choosePlan(plans: PlanSummary[]): PlanSummary | null {
  const wanted = new URLSearchParams(location.search).get('plan');
  return plans.find((p) => p.id === wanted) ?? [...plans].sort((a, b) => b.year - a.year)[0] ?? null;
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
  const plan = plans.state === 'ready' ? choosePlan(plans.plans) : null;
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
