// Links in comments may only lead to web pages or e-mail addresses. The check parses
// the address as a browser would (which strips tabs and line breaks, so `java\tscript:`
// is caught) and keeps the parsed form, so what is stored is what was checked.

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The normalised address when it is a safe absolute link, otherwise null. */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}
