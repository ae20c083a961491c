import { Download } from 'lucide-react';
import { useState } from 'react';
import { useCan } from '../auth/CurrentUser';
import { LazyDialog } from '../dialog/LazyDialog';
import { lazyView } from '../lazy/lazyView';
import { useExportTexts } from './exportTexts';

// The dialog and its code load only when someone opens it.
const ExportDialog = lazyView(() => import('./ExportDialog'));

interface Props {
  planId: string;
  /** The direction titles to choose from; without them the export holds every direction. */
  directions?: string[];
  snapshot?: { id: string; label: string };
}

/** "Exportera" for those whose role may export; opens the export dialog. */
export function ExportButton({ planId, directions, snapshot }: Props) {
  const t = useExportTexts();
  const allowed = useCan('export');
  const [open, setOpen] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        aria-label={snapshot ? t.snapshotTitle(snapshot.label) : undefined}
        title={snapshot ? undefined : t.openLabel}
        onClick={() => setOpen(true)}
      >
        <Download aria-hidden="true" size={16} />
        {t.open}
      </button>
      {open && (
        <LazyDialog title={snapshot ? t.snapshotTitle(snapshot.label) : t.title} onClose={() => setOpen(false)}>
          <ExportDialog planId={planId} directions={directions} snapshot={snapshot} onClose={() => setOpen(false)} />
        </LazyDialog>
      )}
    </>
  );
}
