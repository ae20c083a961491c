import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth/csrfHeader';
import type { ImportErrorCode, ImportParams } from '../../shared/import/ImportError';
import type { Where } from '../../shared/import/where';
import { ApiError, SIGNED_OUT_EVENT } from '../auth/apiFetch';

/** A file the server could not read: its reason by code, to be said in the page's language. */
export class ImportRefusal extends ApiError {
  constructor(
    message: string,
    readonly importCode: ImportErrorCode,
    readonly where: Where | null,
    readonly params: ImportParams,
  ) {
    super(422, 'IMPORT_REFUSED', message);
  }
}

/**
 * Sends a plan file with its form fields, reporting the share of the upload sent and
 * then null while the server reads it. XMLHttpRequest, because fetch cannot tell how
 * much of a request body has gone.
 */
export function uploadPlanFile<T>(path: string, file: File, fields: Record<string, string>, onProgress: (share: number | null) => void, signal: AbortSignal): Promise<T> {
  const form = new FormData();
  form.set('file', file, file.name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader(CSRF_HEADER, CSRF_HEADER_VALUE);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : 0);
    xhr.upload.onload = () => onProgress(null);
    xhr.onload = () => {
      const body = xhr.response as { error?: { code?: string; message?: string; importCode?: ImportErrorCode; where?: Where | null; params?: ImportParams } } | null;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      if (xhr.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
      const error = body?.error;
      if (error?.importCode) return reject(new ImportRefusal(error.message ?? '', error.importCode, error.where ?? null, error.params ?? {}));
      reject(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Servern svarar inte.'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
