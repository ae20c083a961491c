import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import type { CommentBody } from '../../shared/discussion/commentBody';
import type { WhatsNewReport } from '../../shared/discussion/WhatsNewReport';

// The comment API (server/routes/commentRoutes.ts). Writes go through the server,
// which stamps author and time; the discussion document then brings the result to
// every open board, this one included.

export class CommentApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'CommentApiError';
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/discussion/${path}`, {
    method,
    credentials: 'same-origin',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), [CSRF_HEADER]: CSRF_HEADER_VALUE },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as ({ error?: { code: string; message: string } } & T) | null;
  if (!res.ok) throw new CommentApiError(json?.error?.code ?? 'HTTP_ERROR', json?.error?.message ?? res.statusText, res.status);
  return json as T;
}

const enc = encodeURIComponent;

export interface Person {
  id: string;
  name: string;
  organisation: string;
}

export const commentApi = {
  people: () => call<{ people: Person[] }>('GET', 'people').then((r) => r.people),
  startThread: (planId: string, itemId: string, body: CommentBody) =>
    call<{ threadId: string; commentId: string }>('POST', `${enc(planId)}/items/${enc(itemId)}/threads`, { body }),
  reply: (planId: string, threadId: string, body: CommentBody) => call<{ commentId: string }>('POST', `${enc(planId)}/threads/${enc(threadId)}/comments`, { body }),
  edit: (planId: string, commentId: string, body: CommentBody) => call('PATCH', `${enc(planId)}/comments/${enc(commentId)}`, { body }),
  remove: (planId: string, commentId: string) => call('DELETE', `${enc(planId)}/comments/${enc(commentId)}`),
  hide: (planId: string, commentId: string) => call('POST', `${enc(planId)}/comments/${enc(commentId)}/hide`),
  setResolved: (planId: string, threadId: string, resolved: boolean) =>
    call('POST', `${enc(planId)}/threads/${enc(threadId)}/${resolved ? 'resolve' : 'reopen'}`),
  reads: (planId: string) => call<{ reads: Record<string, number> }>('GET', `${enc(planId)}/reads`).then((r) => r.reads),
  markRead: (planId: string, itemId: string) => call<{ readAt: number }>('POST', `${enc(planId)}/items/${enc(itemId)}/read`).then((r) => r.readAt),
  news: (planId: string) => call<WhatsNewReport>('GET', `${enc(planId)}/news`),
  /** Marks the news seen up to the report the person read (its `until`), not beyond. */
  markNewsSeen: (planId: string, until: number) => call<{ since: number }>('POST', `${enc(planId)}/news/seen`, { until }),
};
