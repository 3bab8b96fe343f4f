import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError, UniqueConstraintViolationException, ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import { ArgumentValidationError } from 'type-graphql';

/** The `extensions.code` values Yizhan returns (DESIGN.md, "Errors"). Anything else is masked as INTERNAL_SERVER_ERROR. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE';

/** Codes that errors raised outside resolvers (validation rules, plugins) may carry to the client unchanged. */
const PASSED_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'RATE_LIMITED', 'UNAUTHENTICATED', 'FORBIDDEN', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

/**
 * Database failures a client should retry rather than report: no free pooled connection (knex acquire timeout),
 * the server down or restarting (connection refused/reset, 57P01–57P03, 08xxx), or a statement cancelled by
 * statement_timeout (57014). Answered as SERVICE_UNAVAILABLE (HTTP 503 with Retry-After when nothing resolved).
 */
export function transientDatabaseError(e: unknown): string | null {
  const err = e as { name?: string; code?: string; message?: string; cause?: unknown; previous?: unknown } | null;
  if (!err || typeof err !== 'object') return null;
  const code = String(err.code ?? '');
  const message = String(err.message ?? '');
  if (err.name === 'KnexTimeoutError' || /Timeout acquiring a connection/i.test(message)) return 'The database is busy (no free connection); retry shortly';
  if (code === '57014' || /canceling statement due to statement timeout/i.test(message)) return 'The query took too long and was cancelled; narrow it or retry';
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) || code.startsWith('08')) return 'The database is unavailable; retry shortly';
  if (/Connection terminated|terminating connection|server closed the connection|ECONNREFUSED|Client has encountered a connection error/i.test(message)) return 'The database is unavailable; retry shortly';
  return transientDatabaseError(err.previous ?? err.cause ?? null);
}

/** Base of every domain error: a message for people, a code for programs, and optional details (e.g. `field`). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: `field` is the argument path at fault, e.g. `near.lat` or `input.openingHours`. */
export class BadInputError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('BAD_USER_INPUT', `${field}: ${message}`, { field });
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', `${entity} ${id} not found`, { entity, id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

interface Violation {
  property: string;
  constraints?: Record<string, string>;
  children?: Violation[];
}

/** Depth-first: the dotted path and message of the first failed class-validator constraint. */
function firstViolation(errors: Violation[], prefix: string): { path: string; constraint: string } {
  for (const e of errors) {
    const here = `${prefix}.${e.property}`;
    if (e.constraints) return { path: here, constraint: Object.values(e.constraints)[0] };
    if (e.children?.length) return firstViolation(e.children, here);
  }
  return { path: prefix, constraint: 'invalid value' };
}

/**
 * The variable path a variable-coercion error is about (graphql-js: `Variable "$i" got invalid value … at
 * "i.name"; …`, or the variable itself when it is null or missing), e.g. `i.name`; null for other errors.
 */
function variableAtFault(error: unknown): string | null {
  const node = error instanceof GraphQLError ? error.nodes?.[0] : undefined;
  if (node?.kind !== 'VariableDefinition') return null;
  return /^Variable "\$[_A-Za-z][_0-9A-Za-z]*" got invalid value .*? at "([^"]+)";/s.exec((error as GraphQLError).message)?.[1] ?? node.variable.name.value;
}

/**
 * The one place errors become responses: domain errors and validation keep their code and field,
 * MikroORM's optimistic-lock and constraint errors become CONFLICT, and everything else is logged
 * and masked as INTERNAL_SERVER_ERROR. Stack traces never leave the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    // class-validator runs on input objects; in this schema every validated input object is the `input` argument.
    const { path: fieldPath, constraint } = firstViolation(original.extensions.validationErrors ?? [], 'input');
    return { ...base, message: `${fieldPath}: ${constraint}`, extensions: { code: 'BAD_USER_INPUT', field: fieldPath } };
  }
  if (original instanceof OptimisticLockError) {
    return {
      ...base,
      message: 'The record was changed by someone else; reload it and apply your change again',
      extensions: { code: 'CONFLICT' },
    };
  }
  if (original instanceof UniqueConstraintViolationException) {
    return { ...base, message: 'A record with the same key already exists', extensions: { code: 'CONFLICT' } };
  }
  // 23001 restrict_violation: newer PostgreSQL (the embedded PGlite is 17) reports ON DELETE RESTRICT with it.
  if (original instanceof ForeignKeyConstraintViolationException || (original as { code?: string } | null)?.code === '23001') {
    return { ...base, message: 'The record is still referenced by other records', extensions: { code: 'CONFLICT' } };
  }
  const transient = transientDatabaseError(original);
  if (transient) {
    console.error('[graphql] database unavailable:', (original as Error)?.message);
    return { ...base, message: transient, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  const code = formatted.extensions?.code;
  // Errors raised before resolvers run (parse, validation rules, variable coercion, the rate-limit plugin).
  if (typeof code === 'string' && PASSED_CODES.has(code)) {
    const { http: _http, stacktrace: _stack, exception: _exception, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (code === 'BAD_USER_INPUT' && rest.field === undefined) {
      const field = variableAtFault(original);
      if (field) rest.field = field;
    }
    return { ...base, extensions: { ...rest, code } };
  }
  // Apollo's own refusals of a malformed request that carry an HTTP 4xx but no code (a persisted-query hash that
  // does not match the query, an unsupported persisted-query version): the client's mistake, not ours.
  const status = (original as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  if (original instanceof GraphQLError && !original.originalError && original.extensions.code === undefined && typeof status === 'number' && status >= 400 && status < 500) {
    return { ...base, extensions: { code: 'BAD_REQUEST' } };
  }
  if (original instanceof GraphQLError && !original.originalError && code === undefined) {
    return { ...base, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  }
  console.error('[graphql] internal error', original);
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
