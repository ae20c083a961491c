/**
 * Requests the page makes by itself (polling, refreshing after someone else's change)
 * carry this header, so that an open but unattended tab does not keep its session
 * alive. It can only make a request count less: a request with it never extends the
 * session, one without it counts as the person's activity.
 */
export const BACKGROUND_HEADER = 'x-planbord-background';
export const BACKGROUND_HEADER_VALUE = '1';
