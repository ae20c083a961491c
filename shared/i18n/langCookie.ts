/**
 * The language a browser chose, kept in a cookie beside its local storage so that the
 * server draws a page's first board in that language.
 */
export const LANG_COOKIE = 'planbord.lang';
