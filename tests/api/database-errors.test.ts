// The database's refusals of client data, raised for real on the test database and mapped by formatError:
// BAD_USER_INPUT or CONFLICT naming the field, never INTERNAL_SERVER_ERROR or SERVICE_UNAVAILABLE.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { openTestOrm } from '../helpers/db';
import { databaseInputError, formatError, transientDatabaseError } from '../../api/src/common/errors';

let db: Awaited<ReturnType<typeof openTestOrm>>;
let orgId = '';

beforeAll(async () => {
  db = await openTestOrm();
  const [org] = await db.em().execute<{ id: string }[]>(`insert into organization (id, kind, name, created_at, updated_at) values (gen_random_uuid(), 'UNION', 'db-errors', now(), now()) returning id`);
  orgId = org.id;
}, 300_000);
afterAll(async () => db?.close());

/** The error `sql` raises. */
async function failure(sql: string, params: unknown[] = []): Promise<unknown> {
  try {
    await db.em().execute(sql, params);
  } catch (e) {
    return e;
  }
  throw new Error(`no error from: ${sql}`);
}

/** formatError's answer for `e` thrown by the resolver of the root field of `operation`. */
function formatted(e: unknown, operation: string) {
  const doc = parse(operation);
  const node = (doc.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
  const err = new GraphQLError('x', { nodes: [node], originalError: e as Error, path: [node.name.value] });
  return formatError({ message: 'x', path: [node.name.value] }, err);
}

const STATION = `insert into station (id, kind, name, location, timezone, status, provenance, created_at, updated_at) values (gen_random_uuid(), ?, ?, 'SRID=4326;POINT(113.6 34.7)', 'Asia/Shanghai', 'ACTIVE', '{}', now(), now())`;
const USER = `insert into user_account (id, username, display_name, role, password_hash, created_at, updated_at) values (gen_random_uuid(), 'dup-user', 'd', 'ADMIN', 'x', now(), now())`;

describe('database refusals', () => {
  it.each([
    ['check (name longer than 200 code points)', () => failure(STATION, ['LOVE_STATION', '驿'.repeat(200) + '\ufe0f']), 'BAD_USER_INPUT', 'input.name', '23514', 'NOT_ALLOWED_VALUE'],
    ['check (kind outside the list)', () => failure(STATION, ['CASTLE', 'x']), 'BAD_USER_INPUT', 'input.kind', '23514', 'NOT_ALLOWED_VALUE'],
    ['not-null', () => failure(STATION, ['LOVE_STATION', null]), 'BAD_USER_INPUT', 'input.name', '23502', 'REQUIRED'],
    ['foreign key to a missing record', () => failure(`update organization set parent_id = gen_random_uuid() where id = ?`, [orgId]), 'BAD_USER_INPUT', 'input.parentId', '23503', 'MISSING_REFERENCE'],
    ['unique', async () => {
      await db.em().execute(USER);
      return failure(USER);
    }, 'CONFLICT', 'input.username', '23505', 'DUPLICATE'],
    ['invalid text representation (22P02)', () => failure(`select * from station where id = ?::uuid`, ['not-a-uuid']), 'BAD_USER_INPUT', undefined, '22P02', 'VALUE_INVALID'],
    ['date out of range (22008, year 0)', () => failure(`select ?::timestamptz`, ['0000-01-01T00:00:00Z']), 'BAD_USER_INPUT', undefined, '22008', 'VALUE_INVALID'],
    ['NUL in query text (08P01)', () => failure(`select * from station where name = ?`, ['a\u0000b']), 'BAD_USER_INPUT', undefined, '08P01', 'NUL_CHARACTER'],
  ])('%s', async (_what, run, code, field, sqlstate, reason) => {
    const e = (await run()) as { code?: string };
    expect(e.code).toBe(sqlstate);
    expect(transientDatabaseError(e)).toBeNull();
    expect(databaseInputError(e)?.code).toBe(code);
    const out = formatted(e, `mutation { createThing(input: {}) { id } }`);
    expect(out.extensions).toEqual(field ? { code, field, reason, args: {} } : { code, reason, args: {} });
  });

  it('a restrict (a record still referenced) is CONFLICT, and the field is the argument itself when there is no input', async () => {
    const [child] = await db.em().execute<{ id: string }[]>(`insert into organization (id, kind, name, parent_id, created_at, updated_at) values (gen_random_uuid(), 'UNION', 'child', ?, now(), now()) returning id`, [orgId]);
    expect(child.id).toBeTruthy();
    const e = await failure(`delete from organization where id = ?`, [orgId]);
    expect(formatted(e, `mutation { deleteOrganization(id: "x") { id } }`).extensions?.code).toBe('CONFLICT');
    const fk = await failure(`insert into shift_assignment (id, shift_id, volunteer_id, status, during, created_at, updated_at) values (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'WAITLISTED', tstzrange('2027-01-01', '2027-01-02'), now(), now())`);
    expect(formatted(fk, `mutation { signUpForShift(shiftId: "x", volunteerId: "y") { id } }`).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'shiftId', reason: 'MISSING_REFERENCE', args: {} });
  });

  it('a real outage stays SERVICE_UNAVAILABLE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(databaseInputError(refused)).toBeNull();
    expect(formatted(refused, `{ stations { totalCount } }`).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', args: {} });
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(formatted(terminated, `{ stations { totalCount } }`).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', args: {} });
  });
});
