import { Upload } from 'lucide-react';
import { useState } from 'react';
import { useCan } from '../auth/CurrentUser';
import { LazyDialog } from '../dialog/LazyDialog';
import { lazyView } from '../lazy/lazyView';
import { useImportTexts } from './importTexts';

// The dialog and its code load only when someone opens it.
const ImportDialog = lazyView(() => import('./ImportDialog'));

/** "Importera plan" for the secretariat (the server checks it too); opens the import dialog. */
export function ImportButton({ planId, planTitle }: { planId: string; planTitle: string }) {
  const t = useImportTexts();
  const allowed = useCan('plans.import');
  const [open, setOpen] = useState(false);
  if (!allowed) return null;
  return (
    <>
      <button type="button" className="button" aria-haspopup="dialog" title={t.openLabel} onClick={() => setOpen(true)}>
        <Upload aria-hidden="true" size={16} />
        {t.open}
      </button>
      {open && (
        <LazyDialog title={t.title} onClose={() => setOpen(false)}>
          <ImportDialog planId={planId} planTitle={planTitle} onClose={() => setOpen(false)} />
        </LazyDialog>
      )}
    </>
  );
}
