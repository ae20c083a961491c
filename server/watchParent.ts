import { readFileSync } from 'node:fs';

// `npm start` runs the server under npm, which passes SIGTERM and SIGINT on to it. When
// npm itself dies without passing anything on (SIGKILL, a crash), the server would keep
// the port with nobody left to stop it; watching its parent, it stops by itself instead.

/** The parent's id now. Node's process.ppid is fixed at start; Linux tells the current one. */
function parentNow(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // "pid (name) state ppid …": the name may hold spaces and brackets, so count from the last ")".
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function isGone(parent: number): boolean {
  const now = parentNow();
  // An orphan is adopted at once by init (or a subreaper), also while its dead parent is still a zombie.
  if (now !== null) return now !== parent;
  try {
    process.kill(parent, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Calls onGone once the process that started this one has exited. The check never keeps the process alive. */
export function watchParent(onGone: () => void, everyMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (!isGone(parent)) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
