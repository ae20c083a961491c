/** Lowers the calling worker thread's scheduling priority below the server's thread (Linux). */
export function runBelowServerThread(): void;
