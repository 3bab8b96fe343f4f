/** The volunteer API (/api/volunteer/…): JSON, the volunteer's secret token in `X-Volunteer-Token`. */

const KEY = 'yizhan.volunteer.token';

/** The volunteer's secret token, remembered in this browser (so a scanned check-in code knows who they are). */
export const stored = {
  get: (): string | null => {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set: (token: string) => {
    try {
      localStorage.setItem(KEY, token);
    } catch {
      /* private mode: the page still works while open */
    }
  },
  clear: () => {
    try {
      localStorage.removeItem(KEY);
    } catch {
      /* ignore */
    }
  },
};

/**
 * An error answer: HTTP status, code (LINK_REVOKED, BAD_USER_INPUT…), field and message (English), and the rule
 * broken as `reason` with its `args` (api/src/common/error-reasons.ts), which the page says in its language.
 */
export class VolunteerApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
    readonly reason?: string,
    readonly args: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = stored.get();
  if (token) headers['x-volunteer-token'] = token;
  if (method === 'POST') headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/volunteer${path}`, { method, headers, body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined, credentials: 'omit' });
  } catch {
    throw new VolunteerApiError(0, 'NETWORK', 'network');
  }
  const json = await res.json().catch(() => null);
  if (!res.ok) {
    const e = json?.error ?? {};
    throw new VolunteerApiError(res.status, e.code ?? 'ERROR', e.message ?? `HTTP ${res.status}`, e.field, e.retryAfterSeconds, typeof e.reason === 'string' ? e.reason : undefined, e.args && typeof e.args === 'object' ? e.args : {});
  }
  return json as T;
}

export interface LinkInfo {
  link: { campaign: { name: string; description: string | null; startsAt: string; endsAt: string; timezone: string }; team: { name: string } | null; expiresAt: string | null };
  consent: { version: string; text: string };
}

export interface Assignment {
  id: string;
  status: string;
  waitlistPosition: number | null;
  checkedInAt: string | null;
  shift: { id: string; startsAt: string; endsAt: string; role: string; campaignName: string; timezone: string; station: { id: string; name: string; address: string | null } };
}

export interface Me {
  name: string;
  phone: string | null;
  skills: string[];
  consent: { version: string; at: string };
  calendarPath: string;
  joinPath: string | null;
  assignments: Assignment[];
}

export interface OpenShift {
  id: string;
  startsAt: string;
  endsAt: string;
  role: string;
  requiredSkills: string[];
  capacity: number;
  filledCount: number;
  waitlistCount: number;
  station: { id: string; name: string; address: string | null };
  myStatus: string | null;
  myAssignmentId: string | null;
}
