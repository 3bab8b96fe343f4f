import { GraphQLError, type FieldNode, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError } from '@mikro-orm/core';
import type { Reason, ReasonArgs } from './error-reasons';

export { REASONS, type Reason, type ReasonArgs } from './error-reasons';

/** The `extensions.code` values Yizhan returns (DESIGN.md, "Errors"). Anything else is masked as INTERNAL_SERVER_ERROR. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE';

/** Codes that errors raised outside resolvers (validation rules, plugins) may carry to the client unchanged. */
const PASSED_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'RATE_LIMITED', 'UNAUTHENTICATED', 'FORBIDDEN', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);

const BUSY = 'The database is busy (no free connection); retry shortly';
const TIMED_OUT = 'The query took too long and was cancelled; narrow it or retry';
const TRANSIENT_REASON: Record<string, Reason> = { [BUSY]: 'DATABASE_BUSY', [TIMED_OUT]: 'DATABASE_TIMEOUT' };

/** The reason of a transientDatabaseError message: DATABASE_BUSY, DATABASE_TIMEOUT or DATABASE_UNAVAILABLE. */
export function transientReason(message: string): Reason {
  return TRANSIENT_REASON[message] ?? 'DATABASE_UNAVAILABLE';
}

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
  if (err.name === 'KnexTimeoutError' || /Timeout acquiring a connection/i.test(message)) return BUSY;
  if (code === '57014' || /canceling statement due to statement timeout/i.test(message)) return TIMED_OUT;
  // 08P01 (protocol violation) is what PostgreSQL answers a NUL in query text: the client's input, not an outage.
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03'].includes(code) || (code.startsWith('08') && code !== '08P01')) return 'The database is unavailable; retry shortly';
  if (/Connection terminated|terminating connection|server closed the connection|ECONNREFUSED|Client has encountered a connection error/i.test(message)) return 'The database is unavailable; retry shortly';
  return transientDatabaseError(err.previous ?? err.cause ?? null);
}

/**
 * Argument fields named by constraints whose name does not end in the column (`<table>_<column>_check`,
 * `…_foreign`, `…_unique`, `…_key`): constraint name → input field. The one table from database names to fields.
 */
const CONSTRAINT_FIELDS: Record<string, string> = {
  station_validity_check: 'validUntil',
  campaign_check: 'endsAt',
  shift_time_check: 'endsAt',
  shift_min_max_check: 'minVolunteers',
  shift_capacity_check: 'maxVolunteers',
  shift_slot_key: 'startsAt',
  shift_assignment_checkout_check: 'at',
  shift_assignment_no_overlap: 'shiftId',
  shift_assignment_once_key: 'volunteerId',
  supply_item_campaign_id_name_key: 'name',
  service_log_station_id_day_key: 'day',
  user_account_username_key: 'username',
  station_source_key_key: 'sourceKey',
};

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** The input field a constraint or column names: the table above, else the column (`host_organization_id` → `hostOrganizationId`). */
function constraintField(err: { constraint?: string; column?: string; table?: string }): string | undefined {
  if (err.constraint && CONSTRAINT_FIELDS[err.constraint]) return CONSTRAINT_FIELDS[err.constraint];
  if (err.column) return camel(err.column);
  const c = err.constraint;
  if (!c) return undefined;
  const rest = err.table && c.startsWith(`${err.table}_`) ? c.slice(err.table.length + 1) : c;
  const column = rest.replace(/_(check|foreign|fkey|key|unique|excl)$/, '');
  return column && column !== rest ? camel(column) : undefined;
}

/**
 * What a database refusal of the client's data becomes: constraint violations (SQLSTATE class 23) and data
 * exceptions (class 22: invalid text, date or number, value too long, NUL or an invalid byte sequence), plus a NUL
 * in query text (08P01) and an over-long value for an index (54000). Not-null, check and foreign-key (a missing
 * referenced record) are BAD_USER_INPUT; unique, exclusion and restrict (a record still referenced) are
 * CONFLICT. `field` comes from the constraint or column through CONSTRAINT_FIELDS. Null for anything else.
 */
export function databaseInputError(e: unknown): { code: 'BAD_USER_INPUT' | 'CONFLICT'; field?: string; message: string; reason: Reason } | null {
  const err = e as { code?: unknown; constraint?: string; column?: string; table?: string; detail?: string; message?: string; previous?: unknown; cause?: unknown } | null;
  if (!err || typeof err !== 'object') return null;
  const code = typeof err.code === 'string' ? err.code : '';
  if (/^[0-9A-Z]{5}$/.test(code)) {
    const field = constraintField(err);
    switch (code) {
      case '23505':
        return { code: 'CONFLICT', field, message: 'A record with the same key already exists', reason: 'DUPLICATE' };
      case '23P01':
        return { code: 'CONFLICT', field, message: 'It overlaps an existing record (for a volunteer: another shift at the same time)', reason: 'OVERLAP' };
      case '23001':
        return { code: 'CONFLICT', field, message: 'The record is still referenced by other records', reason: 'STILL_REFERENCED' };
      case '23503':
        return /is still referenced/.test(String(err.detail ?? err.message))
          ? { code: 'CONFLICT', field, message: 'The record is still referenced by other records', reason: 'STILL_REFERENCED' }
          : { code: 'BAD_USER_INPUT', field, message: 'refers to a record that does not exist', reason: 'MISSING_REFERENCE' };
      case '23502':
        return { code: 'BAD_USER_INPUT', field, message: 'is required', reason: 'REQUIRED' };
      case '23514':
        return { code: 'BAD_USER_INPUT', field, message: 'is not an allowed value', reason: 'NOT_ALLOWED_VALUE' };
      case '08P01':
        return /invalid message format/i.test(String(err.message)) ? { code: 'BAD_USER_INPUT', message: 'The input contains a character the database cannot store (NUL)', reason: 'NUL_CHARACTER' } : null;
      case '54000':
        return { code: 'BAD_USER_INPUT', field, message: 'A value is too long to store or index', reason: 'VALUE_TOO_LONG_TO_STORE' };
    }
    if (code.startsWith('23')) return { code: 'BAD_USER_INPUT', field, message: 'The input breaks a rule of the database', reason: 'DATABASE_RULE' };
    if (code.startsWith('22')) return { code: 'BAD_USER_INPUT', field, message: 'A value is not valid for the database (text, number or date out of range or malformed)', reason: 'VALUE_INVALID' };
  }
  return databaseInputError(err.previous ?? err.cause ?? null);
}

/** The reason an error of each code has when its thrower names none (with the English message as `args.detail`). */
const GENERIC_REASON: Record<ErrorCode, Reason> = {
  BAD_USER_INPUT: 'INVALID_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
};

/**
 * Base of every domain error: a message for people (English), a code for programs, optional details (e.g.
 * `field`), and the rule broken as a stable `reason` (REASONS in error-reasons.ts) with its `args`, answered as
 * `extensions.reason` and `extensions.args` so that clients can say it in their own language.
 */
export class DomainError extends Error {
  readonly reason: Reason;
  readonly args: ReasonArgs;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    reason?: Reason,
    args?: ReasonArgs,
  ) {
    super(message);
    this.name = new.target.name;
    this.reason = reason ?? GENERIC_REASON[code];
    this.args = args ?? { detail: message };
  }
}

/** Bad input: `field` is the argument path at fault, e.g. `near.lat` or `input.openingHours`. */
export class BadInputError extends DomainError {
  constructor(
    readonly field: string,
    message: string,
    reason?: Reason,
    args?: ReasonArgs,
  ) {
    // The English message is the args only of the generic fallback (INVALID_INPUT); a named reason says it itself.
    super('BAD_USER_INPUT', `${field}: ${message}`, { field }, reason, args ?? (reason ? {} : { detail: message }));
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', `${entity} ${id} not found`, { entity, id }, 'NOT_FOUND', { entity, id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}, reason?: Reason, args?: ReasonArgs) {
    super('CONFLICT', message, details, reason, args);
  }
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

const PASSED_REASONS: Record<string, Reason> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_USER_INPUT: 'INVALID_VARIABLE',
  RATE_LIMITED: 'RATE_LIMITED',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  BAD_REQUEST: 'BAD_REQUEST',
};

/** The reason of an error raised before resolvers ran: the one its raiser set (`extensions.reason`), else by code. */
function passedReason(code: string, ext: Record<string, unknown>, message: string): { reason: string; args: unknown } {
  if (typeof ext.reason === 'string') return { reason: ext.reason, args: ext.args ?? {} };
  return { reason: PASSED_REASONS[code] ?? 'INVALID_INPUT', args: { detail: message } };
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
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details, reason: original.reason, args: original.args } };
  }
  if (original instanceof OptimisticLockError) {
    return {
      ...base,
      message: 'The record was changed by someone else; reload it and apply your change again',
      extensions: { code: 'CONFLICT', reason: 'STALE_VERSION', args: {} },
    };
  }
  const refused = databaseInputError(original);
  if (refused) {
    // The operation's argument names tell whether the column is inside `input` (most mutations) or an argument.
    const args = ((error as GraphQLError | undefined)?.nodes?.[0] as FieldNode | undefined)?.arguments?.map((a) => a.name.value) ?? [];
    const field = refused.field && !args.includes(refused.field) && args.includes('input') ? `input.${refused.field}` : refused.field;
    const message = field && refused.code === 'BAD_USER_INPUT' ? `${field}: ${refused.message}` : refused.message;
    const o = original as { code?: string; constraint?: string };
    console.error(`[graphql] refused by the database: SQLSTATE ${o.code}${o.constraint ? ` (${o.constraint})` : ''}`);
    return { ...base, message, extensions: { code: refused.code, ...(field ? { field } : {}), reason: refused.reason, args: {} } };
  }
  const transient = transientDatabaseError(original);
  if (transient) {
    console.error('[graphql] database unavailable:', (original as Error)?.message);
    return { ...base, message: transient, extensions: { code: 'SERVICE_UNAVAILABLE', reason: transientReason(transient), args: {} } };
  }
  const code = formatted.extensions?.code;
  // Errors raised before resolvers run (parse, validation rules, variable coercion, the rate-limit plugin).
  if (typeof code === 'string' && PASSED_CODES.has(code)) {
    const { http: _http, stacktrace: _stack, exception: _exception, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
    // A variable GraphQL could not coerce (a DateTime that is not RFC 3339, a string for an Int): its path in the
    // variables, `i.validFrom`.
    if (code === 'BAD_USER_INPUT' && rest.field === undefined) {
      const field = variableAtFault(original);
      if (field) rest.field = field;
    }
    return { ...base, extensions: { ...rest, code, ...passedReason(code, rest, formatted.message) } };
  }
  // Apollo's own refusals of a malformed request that carry an HTTP 4xx but no code (a persisted-query hash that
  // does not match the query, an unsupported persisted-query version): the client's mistake, not ours.
  const status = (original as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  if (original instanceof GraphQLError && !original.originalError && original.extensions.code === undefined && typeof status === 'number' && status >= 400 && status < 500) {
    return { ...base, extensions: { code: 'BAD_REQUEST', reason: 'BAD_REQUEST', args: { detail: formatted.message } } };
  }
  if (original instanceof GraphQLError && !original.originalError && code === undefined) {
    return { ...base, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'GRAPHQL_VALIDATION_FAILED', args: { detail: formatted.message } } };
  }
  console.error('[graphql] internal error', original);
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL', args: {} } };
}
