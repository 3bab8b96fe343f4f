import type { GraphQLFormattedError } from 'graphql';
import { CREATE, DELETE, HttpError } from 'react-admin';
import { describeServerError } from './serverErrors';

type WithErrors = { graphQLErrors?: GraphQLFormattedError[]; networkError?: { statusCode?: number; message?: string; result?: unknown } | null };

/** The ApolloError, bare or as the body of ra-data-graphql's HttpError. */
const apolloErrorOf = (error: unknown) => ((error as { body?: WithErrors })?.body ?? error) as WithErrors | undefined;

/**
 * The first GraphQL error of an ApolloError, or of the GraphQL-shaped body of an HTTP error (the API answers a
 * bad credential with 401 and `{ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] }`).
 */
const graphQLErrorOf = (error: unknown): GraphQLFormattedError | undefined => {
  const apolloError = apolloErrorOf(error);
  const result = apolloError?.networkError?.result as { errors?: GraphQLFormattedError[] } | undefined;
  return apolloError?.graphQLErrors?.[0] ?? result?.errors?.[0];
};

/** The GraphQL error code of an error the data provider threw (after toDisplayError), if any. */
export const errorCodeOf = (error: unknown): string | undefined => {
  const body = (error as { body?: { code?: unknown } })?.body;
  if (typeof body?.code === 'string') return body.code;
  const code = graphQLErrorOf(error)?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * Turns an API error (`extensions.code`) into what react-admin shows: a translated notification,
 * and for BAD_USER_INPUT on a form field, `body.errors` so the message appears under that input
 * (react-admin's server-side validation, pessimistic mode).
 */
export const toDisplayError = (error: unknown, raFetchMethod: string): unknown => {
  const gqlError = graphQLErrorOf(error);
  if (!gqlError) {
    const status = apolloErrorOf(error)?.networkError?.statusCode;
    return status && !(error instanceof HttpError) ? new HttpError((error as Error).message, status) : error;
  }
  const code = gqlError.extensions?.code;
  // The reason (extensions.reason) in the admin's language, times in the record's zone; the server's text as fallback.
  const shown = describeServerError(gqlError);
  const field = typeof gqlError.extensions?.field === 'string' ? gqlError.extensions.field : undefined;
  switch (code) {
    case 'UNAUTHENTICATED':
      return new HttpError('yizhan.errors.unauthenticated', 401, { code, message: gqlError.message });
    case 'FORBIDDEN':
      return new HttpError('yizhan.errors.forbidden', 403, { code, message: gqlError.message });
    case 'RATE_LIMITED':
      return new HttpError('yizhan.errors.rate_limited', 429, { code, message: gqlError.message, retryAfterSeconds: gqlError.extensions?.retryAfterSeconds });
    case 'CONFLICT':
      // A create that collides with an existing record names the input field (e.g. a taken username).
      if (raFetchMethod === CREATE && field?.startsWith('input.')) {
        const formField = field.split('.')[1];
        return new HttpError('yizhan.errors.taken', 409, { code, field, message: gqlError.message, errors: { [formField]: 'yizhan.errors.taken' } });
      }
      return new HttpError(
        raFetchMethod === DELETE && gqlError.extensions?.reason === 'STILL_REFERENCED' ? 'yizhan.errors.conflict_delete' : shown,
        409,
        { code, message: gqlError.message },
      );
    case 'NOT_FOUND':
      return new HttpError('yizhan.errors.not_found', 404, { code, message: gqlError.message });
    case 'BAD_USER_INPUT': {
      const [root, formField] = field?.split('.') ?? [];
      // Forms edit top-level fields (location is one input), so `input.location.lat` belongs to `location`.
      const errors = root === 'input' && formField ? { [formField]: shown, root: { serverError: shown } } : undefined;
      return new HttpError(shown, 400, { code, field, errors, message: gqlError.message });
    }
    default:
      return new HttpError(shown, 500, { code, message: gqlError.message });
  }
};
