import type { ReactNode } from 'react';
import { safeHref } from '../../shared/discussion/safeHref';

/**
 * A link from text people wrote, opened in a new tab without access to this page; only
 * web and e-mail addresses become links, anything else shows as its text alone.
 */
export function SafeLink({ href, children }: { href: unknown; children: ReactNode }) {
  const safe = safeHref(href);
  if (!safe) return <>{children}</>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}
