import { useEffect, useState } from 'react';
import { openPlan } from '../boot/earlyStart';
import type { PlanConnection } from '../sync/connectPlan';

/** Opens something of a plan (its document, its discussion) while the component is mounted and closes it after. */
export function useOpenWhileMounted<T extends { destroy(): void }>(planId: string, open: (planId: string) => T): T | null {
  const [connection, setConnection] = useState<T | null>(null);
  useEffect(() => {
    const opened = open(planId);
    setConnection(opened);
    return () => {
      setConnection(null);
      opened.destroy();
    };
  }, [planId, open]);
  return connection;
}

/** Opens the plan while the component is mounted and closes it after. */
export const usePlanConnection = (planId: string): PlanConnection | null => useOpenWhileMounted(planId, openPlan);
