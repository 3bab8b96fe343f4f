/** An answer the finder shows as a message: RATE_LIMITED (with seconds to wait), or any other failure. */
export class FinderError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly retryAfterSeconds = 0,
  ) {
    super(message);
  }
}

/**
 * POSTs one operation to `/graphql` as an anonymous caller: `credentials: 'omit'` sends no session cookie, so a
 * staff member's browser gets exactly what any worker gets, under the anonymous per-IP budget.
 */
export async function publicQuery<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new FinderError('network', 'NETWORK');
  }
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
  const error = body?.errors?.[0];
  if (res.status === 429 || error?.extensions?.code === 'RATE_LIMITED') {
    const wait = Number(error?.extensions?.retryAfterSeconds ?? res.headers.get('retry-after') ?? 30);
    throw new FinderError(error?.message ?? 'rate limited', 'RATE_LIMITED', Number.isFinite(wait) ? wait : 30);
  }
  if (error || !body?.data) throw new FinderError(error?.message ?? `HTTP ${res.status}`, String(error?.extensions?.code ?? res.status));
  return body.data;
}
