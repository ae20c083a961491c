import { ApiError, SIGNED_OUT_EVENT } from '../auth/apiFetch';
import type { CommentFilter, ExportFormat, RoundFilter } from '../../shared/export/types';

// Fetches an export as a file, reporting progress: null while the server builds the
// file (it answers when the file is complete), then the share of bytes received.

export interface ExportRequest {
  planId: string;
  format: ExportFormat;
  /** 0-based indexes of the directions to include; all when empty. */
  directions: number[];
  statusNotes: boolean;
  comments: CommentFilter;
  /** The consultation rounds' answers ("Remissvar"); none when absent. */
  rounds?: RoundFilter;
  snapshotId?: string;
}

export function exportUrl(r: ExportRequest): string {
  const query = new URLSearchParams({ format: r.format, statusNotes: r.statusNotes ? '1' : '0', comments: r.comments });
  if (r.rounds && r.rounds !== 'none') query.set('rounds', r.rounds);
  for (const d of r.directions) query.append('directions', String(d));
  if (r.snapshotId) query.set('snapshot', r.snapshotId);
  return `/api/plans/${encodeURIComponent(r.planId)}/export?${query}`;
}

/** The file name of an attachment: RFC 5987's UTF-8 form when given, else the plain one. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (extended) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1] ?? fallback;
}

export async function fetchExport(
  request: ExportRequest,
  onProgress: (share: number | null) => void,
  signal: AbortSignal,
): Promise<{ blob: Blob; fileName: string }> {
  onProgress(null);
  const res = await fetch(exportUrl(request), { credentials: 'same-origin', signal });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (res.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw new ApiError(res.status, body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? res.statusText);
  }
  const total = Number(res.headers.get('content-length')) || 0;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      if (total) onProgress(Math.min(1, received / total));
    }
  } else chunks.push(new Uint8Array(await res.arrayBuffer()));
  onProgress(1);
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  return { blob: new Blob(chunks, { type }), fileName: fileNameFromDisposition(res.headers.get('content-disposition'), `plan.${request.format}`) };
}

/** Hands the file to the browser's download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
