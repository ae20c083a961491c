import { can, type Role } from '../auth/roles';
import type { CommentView, ThreadView } from './schema';

// Who may do what in a discussion. The server enforces these in the discussion
// operations; the client reads them only to hide buttons a person cannot use.

export interface Actor {
  id: string;
  name: string;
  role: Role;
}

/** Board and secretariat steer the discussion; a thread's author may close their own. */
const RESOLVING_ROLES: readonly Role[] = ['styrelse', 'kansli'];

export const canComment = (actor: Actor) => can(actor.role, 'comment');

export const canChangeComment = (actor: Actor, comment: CommentView) => comment.authorId === actor.id && comment.state === 'visible';

export const canHideComment = (actor: Actor, comment: CommentView) => actor.role === 'kansli' && comment.state === 'visible';

export const canResolveThread = (actor: Actor, thread: Pick<ThreadView, 'createdBy'>) =>
  RESOLVING_ROLES.includes(actor.role) || thread.createdBy === actor.id;
