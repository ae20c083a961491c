import type { ReactNode } from 'react';
import { LazyBoundary } from '../lazy/LazyBoundary';
import { Modal } from './Modal';

/**
 * A dialog whose code loads when it opens: nothing shows while it arrives, and if it
 * cannot arrive the failure and a way to try again show in a dialog of the same title.
 */
export function LazyDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  return (
    <LazyBoundary
      fallback={null}
      frame={(failure) => (
        <Modal title={title} onClose={onClose}>
          {failure}
        </Modal>
      )}
    >
      {children}
    </LazyBoundary>
  );
}
