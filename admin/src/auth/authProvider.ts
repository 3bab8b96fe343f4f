import type { AuthProvider, UserIdentity } from 'react-admin';
import type { Role } from '../enums';
import type { OrganizationSummary } from '../records';
import { ApiError, graphqlFetch } from './graphqlFetch';
import { CHANGE_PASSWORD_PATH, type Permissions } from './permissions';

/** The signed-in account as `me` answers it. */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  organizations: OrganizationSummary[];
}

export interface Identity extends UserIdentity {
  username: string;
  role: Role;
  organizations: OrganizationSummary[];
}

const ME_FIELDS = 'id username displayName role mustChangePassword organizations { id name }';

/** react-admin asks checkAuth, getIdentity and getPermissions together: one `me` answers them for a moment. */
const ME_TTL_MS = 3000;
let meCache: { at: number; promise: Promise<Me | null> } | null = null;
/** Whether this tab has seen a signed-in user since the last sign-out: a session that then ends is reported. */
let wasSignedIn = false;
/** A session ended without the user signing out (expired, ended by an admin or a password change elsewhere). */
let sessionEnded = false;

/** Notes that the session is gone; if the user had not signed out, the login page says so. */
const noteSignedOut = () => {
  if (wasSignedIn) sessionEnded = true;
  wasSignedIn = false;
};

/** Whether the login page should say that the previous session ended. */
export const hasSessionEnded = () => sessionEnded;

const fetchMe = (fresh = false): Promise<Me | null> => {
  if (!fresh && meCache && Date.now() - meCache.at < ME_TTL_MS) return meCache.promise;
  const promise = graphqlFetch<{ me: Me | null }>(`query { me { ${ME_FIELDS} } }`).then((d) => {
    if (d.me) wasSignedIn = true;
    return d.me;
  });
  const entry = { at: Date.now(), promise };
  meCache = entry;
  promise.catch(() => {
    if (meCache === entry) meCache = null;
  });
  return promise;
};

/** Forgets the cached `me` (after a password change, so permissions are read again). */
export const forgetMe = () => {
  meCache = null;
};

const statusOf = (error: any): number | undefined => error?.status ?? error?.networkError?.statusCode;
const codeOf = (error: any): string | undefined => error?.body?.code ?? error?.code;

/**
 * Sessions through the API: `login` sets the httpOnly `yizhan_session` cookie, `me` tells who is signed in,
 * `logout` ends the session. Permissions are `{ role, mustChangePassword }`; while a one-time password must
 * be changed, the API refuses everything else and the admin keeps the user on the change-password page.
 */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const { login } = await graphqlFetch<{ login: { user: Me } }>(
        `mutation ($username: String!, $password: String!) { login(username: $username, password: $password) { user { ${ME_FIELDS} } expiresAt } }`,
        { username: String(username ?? '').trim(), password: String(password ?? '') },
      );
      meCache = { at: Date.now(), promise: Promise.resolve(login.user) };
      wasSignedIn = true;
      sessionEnded = false;
      return login.user.mustChangePassword ? { redirectTo: CHANGE_PASSWORD_PATH } : undefined;
    } catch (error) {
      forgetMe();
      if (error instanceof ApiError) {
        if (error.code === 'UNAUTHENTICATED') throw new Error('yizhan.auth.wrong_credentials');
        if (error.code === 'RATE_LIMITED') throw new Error('yizhan.auth.too_many_attempts');
        if (error.code === 'BAD_USER_INPUT') throw new Error('yizhan.auth.wrong_credentials');
      }
      throw new Error('yizhan.auth.unavailable');
    }
  },

  async logout() {
    forgetMe();
    wasSignedIn = false;
    try {
      await graphqlFetch<{ logout: boolean }>('mutation { logout }');
    } catch {
      // Not signed in (any more): nothing to end.
    }
  },

  async checkAuth() {
    const me = await fetchMe();
    if (me) return;
    noteSignedOut();
    // No notification: the login page explains itself (and says so when a session ended).
    throw { message: false };
  },

  async checkError(error) {
    const status = statusOf(error);
    const code = codeOf(error);
    if (status === 401 || code === 'UNAUTHENTICATED') {
      forgetMe();
      noteSignedOut();
      throw { message: false };
    }
    if (status === 403 || code === 'FORBIDDEN') {
      // A one-time password still to be changed makes everything FORBIDDEN: send the user to change it.
      const me = await fetchMe(true).catch(() => null);
      if (me?.mustChangePassword) throw { logoutUser: false, redirectTo: CHANGE_PASSWORD_PATH, message: false };
    }
    // Anything else (e.g. a role that may not do something) is shown as an error, without signing out.
  },

  async getIdentity(): Promise<Identity> {
    const me = await fetchMe();
    if (!me) throw new Error('ra.auth.auth_check_error');
    return { id: me.id, fullName: me.displayName, username: me.username, role: me.role, organizations: me.organizations };
  },

  async getPermissions(): Promise<Permissions | null> {
    const me = await fetchMe();
    return me ? { role: me.role, mustChangePassword: me.mustChangePassword } : null;
  },
};

/** Changes the signed-in user's password; ApiError BAD_USER_INPUT names `currentPassword` or `newPassword`. */
export async function changePassword(currentPassword: string, newPassword: string): Promise<Me> {
  const { changePassword: me } = await graphqlFetch<{ changePassword: Me }>(
    `mutation ($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { ${ME_FIELDS} } }`,
    { currentPassword, newPassword },
  );
  meCache = { at: Date.now(), promise: Promise.resolve(me) };
  return me;
}
