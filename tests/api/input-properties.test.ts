// Property test over every String, ID and DateTime argument and input field of every query and mutation, taken
// from the running schema's introspection: each is sent hostile or arbitrary values (full Unicode, NUL, lone
// surrogates, zero-width and bidi-only names, limit + 1 variation selector, phones of spaces, year 0, garbage
// dates) through real HTTP, as an anonymous caller and as the administrator, with valid values elsewhere.
// Asserts: never a 5xx, only the API's error codes, every BAD_USER_INPUT names its field, and the
// database digest is unchanged after every refusal. Runs per path and caller: INPUT_PROPERTY_RUNS (default 1);
// replay a failure with the seed fast-check prints (INPUT_PROPERTY_SEED).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestServer, type As, type TestServer } from '../helpers/server';
import { databaseDigest } from '../helpers/digest';
import { INTROSPECTION, named, printType, TABLE_OF_TYPE, validValues, type FullType, type TypeRef } from '../helpers/introspection';

const RUNS = Number(process.env.INPUT_PROPERTY_RUNS ?? 1);
const SEED = process.env.INPUT_PROPERTY_SEED ? Number(process.env.INPUT_PROPERTY_SEED) : undefined;

const FUZZED = new Set(['String', 'ID', 'DateTime']);

/** One String/ID/DateTime place: `arg` plus the steps inside it (input fields; `0` for a list item). */
interface Target {
  root: 'Query' | 'Mutation';
  field: string;
  arg: string;
  steps: (string | 0)[];
  scalar: string;
}
const describeTarget = (t: Target) => `${t.root}.${t.field}(${[t.arg, ...t.steps].map((s) => (s === 0 ? '[0]' : s)).join('.').replace(/\.\[/g, '[')})`;

// ---------------------------------------------------------------------------------------------------------------
// Values


const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c', '\u3164', '\u115f', '\u00ad', '\u034f'];
const LIMITS = [6, 20, 40, 50, 100, 128, 200, 300, 500, 1000, 2000, 5000];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const awkwardChar = fc.oneof(
  fc.constantFrom('\u0000', '\ufe0f', '\ufe0e', '\u0301', '\t', '\n', '\r', '\u0085', '\u2028', ' ', '\u3000', '\u00a0', '😀', '👩‍👩‍👧', '𠀀', '驿', "'", '"', '\\', '%', '_', '$', '-', '+', ...ZERO_WIDTH),
  loneSurrogate,
);
/** Full-Unicode text with the awkward characters mixed in. */
const anyText = fc.array(fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) }, { weight: 2, arbitrary: awkwardChar }), { maxLength: 24 }).map((parts) => parts.join(''));

function textArbitrary(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: anyText },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...ZERO_WIDTH, ' ', '\u3000'), { minLength: 1, maxLength: 8 }).map((a) => a.join('')) }, // invisible only
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...LIMITS), fc.constantFrom('a', '驿', '😀', ' ')).map(([n, c]) => c.repeat(n) + '\ufe0f') }, // limit + 1 variation selector
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...LIMITS), fc.integer({ min: -1, max: 1 })).map(([n, d]) => '驿'.repeat(n + d)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }).map((n) => ' '.repeat(n)) }, // e.g. a phone of spaces
    { weight: 1, arbitrary: fc.constantFrom('abc-defg', '0371-67883273', '+86 138 0000 0000', '138****5596', '0371-1;0371-2', '410102', '41', 'Asia/Shanghai', 'Mars/Olympus', 'Mo-Fr 08:00-20:00; PH off', '24/7', '08:00', '24:00', '2027-06-05', '0000-01-01', 'x'.repeat(8), '') },
    { weight: 1, arbitrary: fc.oneof(fc.uuid(), fc.constantFrom(...realIds)) },
    { weight: 1, arbitrary: anyText.map((t) => `a\u0000${t}`) },
  );
}

const pad = (n: number, w: number) => String(Math.abs(n)).padStart(w, '0');
/** Date-time strings: valid RFC 3339 in and out of range, year 0, negative and 5-digit years, impossible days, garbage. */
const dateText = fc.oneof(
  fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2300, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .record({ y: fc.integer({ min: -10, max: 10_000 }), mo: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }), h: fc.integer({ min: 0, max: 25 }), mi: fc.integer({ min: 0, max: 60 }), s: fc.integer({ min: 0, max: 61 }), off: fc.constantFrom('Z', '+08:00', '-12:00', '+14:00', '+24:00', '') })
    .map(({ y, mo, d, h, mi, s, off }) => `${y < 0 ? '-' : ''}${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${off}`),
  fc.constantFrom('0000-01-01T00:00:00Z', '0001-01-01T00:00:00+08:00', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-02-30T00:00:00Z', '2026-12-31T23:59:60Z', '2026-06-01', '1900-01-01T00:00:00Z', '2101-01-01T00:00:00Z', 'now', 'NaN', ''),
  anyText,
);

// ---------------------------------------------------------------------------------------------------------------
// Set-up

let s: TestServer;
let types: Map<string, FullType>;
let targets: Target[] = [];
let realIds: string[] = [];
const idsByTable = new Map<string, string>();
/** Valid values for the arguments around the one under test (ids from idsByTable, filled in beforeAll). */
let validValue: ReturnType<typeof validValues>;
let digest = '';
/** The digest without the division table, which no operation writes (kept cheap: one per request). */
const digestNow = () => databaseDigest(s, { skipRegions: true });
const counts = { requests: 0, refusals: 0, accepted: 0 };

beforeAll(async () => {
  s = await startTestServer({
    seed: true,
    env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000000', RATE_LIMIT_USER_PER_MINUTE: '10000000', LOGIN_FAILURES_PER_USERNAME: '1000000', LOGIN_FAILURES_PER_IP: '1000000', MAX_QUERY_COST_PUBLIC: '60000' },
  });
  const r = await s.graphql(INTROSPECTION);
  types = new Map((r.data.__schema.types as FullType[]).map((t) => [t.name, t]));
  validValue = validValues(types, idsByTable, '属性测试');
  // A staff account and an API key of the test's own, so fuzzing resetUserPassword, updateUser or revokeApiKey
  // never signs the administrator out.
  const target = await s.createUser({ username: 'fuzz-target', role: 'ADMIN' });
  const key = await s.graphql(`mutation { createApiKey(input: { name: "fuzz" }) { apiKey { id } } }`);
  const em = s.app.orm.em.fork();
  for (const table of new Set(Object.values(TABLE_OF_TYPE))) {
    const [row] = await em.execute<{ id: string }[]>(`select id from ${table} order by id limit 1`);
    if (row) idsByTable.set(table, row.id);
  }
  idsByTable.set('user_account', target.id);
  const apiKeyId = key.data?.createApiKey?.apiKey?.id;
  if (apiKeyId) idsByTable.set('api_key', apiKeyId);
  realIds = [...idsByTable.values()];

  const walk = (root: Target['root'], field: string, arg: string, t: TypeRef, steps: (string | 0)[], seen: string[]) => {
    if (t.kind === 'NON_NULL') return walk(root, field, arg, t.ofType!, steps, seen);
    if (t.kind === 'LIST') return walk(root, field, arg, t.ofType!, [...steps, 0], seen);
    if (t.kind === 'SCALAR' && FUZZED.has(t.name!)) targets.push({ root, field, arg, steps, scalar: t.name! });
    if (t.kind === 'INPUT_OBJECT' && !seen.includes(t.name!)) {
      for (const f of types.get(t.name!)!.inputFields ?? []) walk(root, field, arg, f.type, [...steps, f.name], [...seen, t.name!]);
    }
  };
  for (const root of ['Query', 'Mutation'] as const) {
    for (const f of types.get(root)!.fields ?? []) for (const a of f.args) walk(root, f.name, a.name, a.type, [], []);
  }
  digest = await digestNow();
}, 180_000);

afterAll(async () => {
  if (s) {
    console.log(`input properties: ${targets.length} String/ID/DateTime argument paths; ${counts.requests} requests, ${counts.refusals} refused, ${counts.accepted} accepted`);
    await s.stop();
  }
});


/** The root field's variables with `value` at the target's place, and the operation text. */
async function request(target: Target, value: unknown): Promise<{ query: string; variables: Record<string, unknown> }> {
  const field = types.get(target.root)!.fields!.find((f) => f.name === target.field)!;
  const variables: Record<string, unknown> = {};
  for (const a of field.args) {
    const v = a.name === target.arg ? validValue(a.type, a.name, field, true) : validValue(a.type, a.name, field, false);
    if (v !== undefined) variables[a.name] = v;
  }
  // A record's current version, so an update reaches the database rather than stopping at CONFLICT.
  if (field.args.some((a) => a.name === 'version') && typeof variables.id === 'string') {
    const table = TABLE_OF_TYPE[named(field.type).name!];
    if (table) {
      const rows = await s.app.orm.em.fork().execute<{ version: number }[]>(`select version from ${table} where id = ?`, [variables.id]);
      if (rows[0]) variables.version = rows[0].version;
    }
  }
  // Put the value at its place, creating the containers on the way.
  let holder: any = variables;
  let key: string | number = target.arg;
  for (const step of target.steps) {
    if (holder[key] == null || typeof holder[key] !== 'object') holder[key] = step === 0 ? [] : {};
    holder = holder[key];
    key = step;
  }
  holder[key] = value;
  const used = field.args.filter((a) => a.name in variables);
  const defs = used.map((a) => `$${a.name}: ${printType(a.type)}`).join(', ');
  const args = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const rt = types.get(named(field.type).name!)!;
  const selection = rt.kind === 'OBJECT' || rt.kind === 'INTERFACE' || rt.kind === 'UNION' ? ' { __typename }' : '';
  const op = target.root === 'Query' ? 'query' : 'mutation';
  return { query: `${op}${defs ? `(${defs})` : ''} { ${target.field}${args ? `(${args})` : ''}${selection} }`, variables };
}

const ALLOWED = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED', 'GRAPHQL_VALIDATION_FAILED']);

async function check(target: Target, value: unknown, as: As): Promise<void> {
  const body = await request(target, value);
  const r = await s.post(body, as);
  counts.requests++;
  const what = `${describeTarget(target)} as ${typeof as === 'string' ? as : 'other'} = ${JSON.stringify(value)}: ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`;
  expect(r.status, what).toBeLessThan(500);
  const errors: any[] = r.body?.errors ?? [];
  for (const e of errors) {
    expect(ALLOWED, what).toContain(e.extensions?.code);
    if (e.extensions?.code === 'BAD_USER_INPUT') expect(typeof e.extensions.field, what).toBe('string');
  }
  if (errors.length) {
    counts.refusals++;
    expect(await digestNow(), `database changed after a refusal: ${what}`).toBe(digest);
  } else {
    counts.accepted++;
    digest = await digestNow();
  }
}

describe('property: every String, ID and DateTime argument, anonymous and admin', () => {
  it('covers the schema (every root field with such an argument)', () => {
    expect(targets.length).toBeGreaterThan(100);
    const fields = new Set(targets.map((t) => `${t.root}.${t.field}`));
    for (const f of ['Query.nearbyStations', 'Query.station', 'Query.stations', 'Mutation.createStation', 'Mutation.updateStation', 'Mutation.createVolunteer', 'Mutation.checkIn', 'Mutation.createSupplyItem']) {
      expect(fields).toContain(f);
    }
    const byScalar = Object.fromEntries([...FUZZED].map((k) => [k, targets.filter((t) => t.scalar === k).length]));
    console.log(`input properties: ${targets.length} paths over ${fields.size} root fields`, byScalar);
  });

  it('answers below 500 with the API\'s codes, and a refusal writes nothing', async () => {
    const text = textArbitrary(realIds);
    for (const target of targets) {
      for (const as of ['anonymous', 'admin'] as const) {
        await fc.assert(
          fc.asyncProperty(target.scalar === 'DateTime' ? dateText : text, (value) => check(target, value, as)),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        );
      }
    }
  }, 900_000);

  it('the refusals the issue lists: NUL, lone surrogate, invisible name, limit + variation selector, phone of spaces or letters, year 0', async () => {
    const create = `mutation($i: StationCreateInput!) { createStation(input: $i) { id phone } }`;
    const base = { kind: 'LOVE_STATION', name: '属性测试站', location: { lng: 113.6253, lat: 34.7466 } };
    const before = await digestNow();
    const refused: [Record<string, unknown>, string, RegExp][] = [
      [{ name: 'a\u0000b' }, 'input.name', /NUL/],
      [{ name: 'a\ud800b' }, 'input.name', /surrogate/],
      [{ name: '\u200b\u200f\u202e\u2066' }, 'input.name', /visible/],
      [{ name: '驿'.repeat(200) + '\ufe0f' }, 'input.name', /at most 200/],
      [{ phone: 'abc-defg' }, 'input.phone', /phone/],
      [{ validFrom: '0000-01-01T00:00:00Z' }, 'input.validFrom', /between/],
    ];
    for (const [change, field, message] of refused) {
      const r = await s.post({ query: create, variables: { i: { ...base, ...change } } });
      expect(r.status).toBe(200);
      expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(r.body.errors[0].message).toMatch(message);
    }
    const nul = await s.post({ query: `query($q: String) { stations(filter: { search: $q }) { totalCount } }`, variables: { q: 'a\u0000' } }, 'anonymous');
    expect(nul.status).toBe(200);
    expect(nul.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.search' });
    const near = `query($a: DateTime) { nearbyStations(near: { lng: 113.6, lat: 34.7 }, openAt: $a) { totalCount } }`;
    const garbage = await s.post({ query: near, variables: { a: 'garbage' } }, 'anonymous');
    expect(garbage.status).toBe(400);
    expect(garbage.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'a' });
    const year0 = await s.post({ query: near, variables: { a: '0000-06-01T00:00:00Z' } }, 'anonymous');
    expect(year0.status).toBe(200);
    expect(year0.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'openAt' });
    expect(await digestNow()).toBe(before);
    // At the limit, counted in code points as PostgreSQL counts them: 199 + one variation selector is 200, stored.
    const ok = await s.post({ query: create, variables: { i: { ...base, name: '驿'.repeat(199) + '\ufe0f', phone: '   ' } } });
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.createStation.phone).toBeNull();
    digest = await digestNow();
  });
});
