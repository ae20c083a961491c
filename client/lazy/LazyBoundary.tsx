import { Component, Suspense, type ReactNode } from 'react';
import { useLazyTexts } from './lazyTexts';
import { retryFailedViews } from './lazyView';
import './lazy.css';

interface Props {
  /** Shown while the view's code is on its way. */
  fallback: ReactNode;
  /** Puts the failure message where the view would have been, e.g. in a dialog. */
  frame?: (failure: ReactNode) => ReactNode;
  children: ReactNode;
}

/**
 * Around a view that loads on demand: while its code arrives the fallback is shown, and
 * when it cannot arrive (the network is gone) a message with a way to try again takes
 * its place. The rest of the page, the board above all, stays as it is.
 */
export function LazyBoundary({ fallback, frame = (failure) => failure, children }: Props) {
  return (
    <FailureBoundary renderFailure={(retry) => frame(<LoadFailed onRetry={retry} />)}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </FailureBoundary>
  );
}

function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const t = useLazyTexts();
  return (
    <div className="load-failed" role="alert">
      <p>{t.failed}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t.retry}
      </button>
    </div>
  );
}

interface BoundaryProps {
  renderFailure: (retry: () => void) => ReactNode;
  children: ReactNode;
}

// Error boundaries are still class components in React.
class FailureBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  retry = () => {
    retryFailedViews();
    this.setState({ failed: false });
  };

  render() {
    return this.state.failed ? this.props.renderFailure(this.retry) : this.props.children;
  }
}
