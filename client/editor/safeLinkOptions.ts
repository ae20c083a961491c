import { safeHref } from '../../shared/discussion/safeHref';

/**
 * Links in the plan's texts: only web and e-mail addresses, opened in a new tab without
 * access to this page, never followed on a click inside the editor (a click places the caret).
 */
export const safeLinkOptions = {
  openOnClick: false,
  autolink: true,
  defaultProtocol: 'https',
  protocols: ['http', 'https', 'mailto'],
  isAllowedUri: (url: string) => safeHref(url) !== null,
  HTMLAttributes: { target: '_blank', rel: 'noopener noreferrer nofollow' },
};
