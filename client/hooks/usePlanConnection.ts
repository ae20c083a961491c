import { useEffect, useState } from 'react';
import { connectPlan, type PlanConnection } from '../sync/connectPlan';

/** Opens the plan while the component is mounted and closes it after. */
export function usePlanConnection(planId: string): PlanConnection | null {
  const [connection, setConnection] = useState<PlanConnection | null>(null);
  useEffect(() => {
    const opened = connectPlan(planId);
    setConnection(opened);
    return () => {
      setConnection(null);
      opened.destroy();
    };
  }, [planId]);
  return connection;
}
