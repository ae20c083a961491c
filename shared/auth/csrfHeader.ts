/**
 * Every state-changing request of the app carries this header. A page on another
 * site cannot send it without a CORS preflight, which the server never approves, and
 * a plain HTML form cannot send it at all.
 */
export const CSRF_HEADER = 'x-planbord-request';
export const CSRF_HEADER_VALUE = '1';
