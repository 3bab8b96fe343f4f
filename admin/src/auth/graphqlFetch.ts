import { describeServerError } from '../common/serverErrors';

/** An error answered by the API: its message and `extensions` (code, field, retryAfterSeconds). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly status: number,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get field(): string | undefined {
    return typeof this.extensions.field === 'string' ? this.extensions.field : undefined;
  }
}

/**
 * One GraphQL operation over plain fetch, for the session calls of the auth provider (login, me, logout,
 * changePassword), which must not depend on the data provider's schema introspection. Same origin: the
 * browser sends the httpOnly session cookie by itself.
 */
export async function graphqlFetch<T>(query: string, variables: Record<string, unknown> = {}, uri = '/graphql'): Promise<T> {
  const res = await fetch(uri, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] } | undefined;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`HTTP ${res.status}`, res.status === 401 ? 'UNAUTHENTICATED' : undefined, res.status);
  }
  const error = body?.errors?.[0];
  if (error) {
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : undefined;
    throw new ApiError(describeServerError(error), code, res.status, error.extensions);
  }
  if (!res.ok || !body?.data) throw new ApiError(`HTTP ${res.status}`, undefined, res.status);
  return body.data;
}
