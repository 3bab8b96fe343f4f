import { AsyncLocalStorage } from 'node:async_hooks';

/** Who acts: a signed-in user, a third-party API key, an anonymous caller, or the server itself (seeds, CLI). */
export interface Actor {
  kind: 'USER' | 'API_KEY' | 'ANONYMOUS' | 'SYSTEM';
  /** User or API key id; null for anonymous and system. */
  id: string | null;
  /** Human-readable: a username, `key:<name>`, an IP, or `system:<what>`. */
  label: string;
}

/** What the audit log and the security log need to know about the current request. */
export interface RequestInfo {
  actor: Actor;
  requestId: string;
  ip: string | null;
  /** Top-level GraphQL field(s) of the operation, e.g. `updateStation`; set once the operation is resolved. */
  operation: string | null;
}

/**
 * Request-scoped information, carried through async calls with AsyncLocalStorage. Set by the HTTP layer for
 * every request; absent for work the server does on its own (then the actor is SYSTEM).
 */
export const requestStore = new AsyncLocalStorage<RequestInfo>();

/** The current request's info, or a SYSTEM actor outside a request. */
export function currentRequest(): RequestInfo {
  return requestStore.getStore() ?? { actor: { kind: 'SYSTEM', id: null, label: 'system' }, requestId: 'system', ip: null, operation: null };
}
