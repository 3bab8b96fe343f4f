// Generated from the schema's declared rules: every Int/Float argument or input field with a `@NumberRule` and
// every list with a `@ListRule` (api/src/common/input-rules.ts, listed by `declaredInputRulesOf`) is sent just
// outside its bounds (min − 1, max + 1; for lists min − 1 and max + 1 items) through real HTTP, as the
// administrator and as an anonymous caller, with valid values elsewhere. Asserts HTTP 200, BAD_USER_INPUT with
// `extensions.field` the full argument path (`input.maxVolunteers`, `items[0].quantity`), the rule's reason and
// args, and an unchanged database digest; the boundary values themselves are never refused by that rule. Also:
// class-validator is gone (no import, no dependency, type-graphql's validation off).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type As, type TestServer } from '../helpers/server';
import { databaseDigest } from '../helpers/digest';
import { INTROSPECTION, named, printType, TABLE_OF_TYPE, validValues, type FullType, type TypeRef } from '../helpers/introspection';
import { createSchema } from '../../api/src/schema';
import { declaredInputRulesOf, type DeclaredRule } from '../../api/src/common/input-rules';

/** The path a BAD_USER_INPUT names: `input.goals[0].target`. */
const pathOf = (r: DeclaredRule, steps = r.steps) => [r.arg, ...steps].map((s, i) => (s === 0 ? '[0]' : i ? `.${s}` : s)).join('');
const describeRule = (r: DeclaredRule) => `${r.type}.${r.field}(${pathOf(r)}) ${r.kind} ${r.min}–${r.max}`;


let s: TestServer;
let types: Map<string, FullType>;
let rules: DeclaredRule[] = [];
const idsByTable = new Map<string, string>();
/** Valid values for the arguments around the one under test (ids from idsByTable, filled in beforeAll). */
let validValue: ReturnType<typeof validValues>;
let digest = '';
const digestNow = () => databaseDigest(s, { skipRegions: true });
const counts = { refused: 0, boundary: 0 };

beforeAll(async () => {
  s = await startTestServer({ seed: true, env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '10000000', RATE_LIMIT_USER_PER_MINUTE: '10000000', MAX_QUERY_COST_PUBLIC: '60000' } });
  types = new Map(((await s.graphql(INTROSPECTION)).data.__schema.types as FullType[]).map((t) => [t.name, t]));
  validValue = validValues(types, idsByTable, '规则测试');
  const em = s.app.orm.em.fork();
  for (const table of new Set(Object.values(TABLE_OF_TYPE))) {
    const [row] = await em.execute<{ id: string }[]>(`select id from ${table} order by id limit 1`);
    if (row) idsByTable.set(table, row.id);
  }
  // An account of the test's own, so a boundary value accepted by updateUser never signs the administrator out.
  idsByTable.set('user_account', (await s.createUser({ username: 'rules-target', role: 'ADMIN' })).id);
  rules = declaredInputRulesOf(await createSchema());
  digest = await digestNow();
}, 180_000);

afterAll(async () => {
  if (s) {
    console.log(`input rules: ${rules.length} declared number/list rules; ${counts.refused} refusals and ${counts.boundary} boundary requests checked`);
    await s.stop();
  }
});


/** The input type at `steps` inside argument `arg` of the rule's field. */
function typeAt(r: DeclaredRule, steps: (string | 0)[]): TypeRef {
  const field = types.get(r.type)!.fields!.find((f) => f.name === r.field)!;
  let t = field.args.find((a) => a.name === r.arg)!.type;
  for (const step of steps) {
    while (t.kind === 'NON_NULL') t = t.ofType!;
    if (step === 0) t = t.ofType!;
    else t = types.get(t.name!)!.inputFields!.find((f) => f.name === step)!.type;
  }
  return t;
}

/** The operation of the rule's field with `value` at the rule's place and valid values elsewhere. */
function request(r: DeclaredRule, value: unknown): { query: string; variables: Record<string, unknown> } {
  const field = types.get(r.type)!.fields!.find((f) => f.name === r.field)!;
  const variables: Record<string, unknown> = {};
  for (const a of field.args) {
    const v = validValue(a.type, a.name, field, a.name === r.arg || a.type.kind === 'NON_NULL');
    if (v !== undefined) variables[a.name] = v;
  }
  let holder: any = variables;
  let key: string | number = r.arg;
  for (const step of r.steps) {
    if (holder[key] == null || typeof holder[key] !== 'object') holder[key] = step === 0 ? [] : {};
    if (step === 0 && holder[key].length === 0) holder[key].push(validValue(typeAt(r, r.steps.slice(0, r.steps.indexOf(step) + 1)), 'item', field, true));
    holder = holder[key];
    key = step;
  }
  holder[key] = value;
  const used = field.args.filter((a) => a.name in variables);
  const defs = used.map((a) => `$${a.name}: ${printType(a.type)}`).join(', ');
  const args = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const rt = types.get(named(field.type).name!)!;
  const selection = rt.kind === 'OBJECT' || rt.kind === 'INTERFACE' || rt.kind === 'UNION' ? ' { __typename }' : '';
  const op = r.type === 'Mutation' ? 'mutation' : 'query';
  return { query: `${op}${defs ? `(${defs})` : ''} { ${r.field}${args ? `(${args})` : ''}${selection} }`, variables };
}

/** A list of `n` valid items for a list rule. */
function items(r: DeclaredRule, n: number): unknown[] {
  const item = validValue(typeAt(r, [...r.steps, 0]), String(r.steps.at(-1) ?? r.arg).replace(/s$/, ''), types.get(r.type)!.fields!.find((f) => f.name === r.field)!, true);
  return Array.from({ length: n }, () => item);
}

/** Values just outside the rule, each with the reason and args its refusal must carry. */
function outside(r: DeclaredRule): { value: unknown; reason: string; args: Record<string, number> }[] {
  if (r.kind === 'number') {
    const reason = r.integer ? 'INTEGER_RANGE' : 'NUMBER_RANGE';
    return [r.min - 1, r.max + 1].map((value) => ({ value, reason, args: { min: r.min, max: r.max } }));
  }
  const out: { value: unknown; reason: string; args: Record<string, number> }[] = [{ value: items(r, r.max + 1), reason: 'TOO_MANY', args: { max: r.max } }];
  if (r.min > 0) out.push({ value: items(r, r.min - 1), reason: 'TOO_FEW', args: { min: r.min } });
  return out;
}

describe('declared number and list rules, generated from the schema', () => {
  it('lists the rules of the issue (and the pages, the nearby search, the plans)', () => {
    const at = new Set(rules.map((r) => `${r.type}.${r.field}(${pathOf(r)})`));
    for (const p of [
      'Mutation.createShift(input.maxVolunteers)', 'Mutation.createShift(input.minVolunteers)', 'Mutation.updateVolunteerTeam(input.memberIds)',
      'Mutation.createUser(input.organizationIds)', 'Mutation.createStation(input.capacity)', 'Mutation.recordSupplies(items[0].quantity)',
      'Mutation.recordSupplies(items)', 'Mutation.createCampaign(input.goals[0].target)', 'Mutation.createCampaign(input.stationIds)',
      'Mutation.createApiKey(input.scopes)', 'Mutation.createApiKey(input.quotaPerMinute)', 'Mutation.planShifts(input.slots)',
      'Mutation.planShifts(input.slots[0].maxVolunteers)', 'Mutation.approveHours(hours)', 'Mutation.assignTeamToShifts(shiftIds)',
      'Mutation.recordServiceLog(peopleServed)', 'Query.stations(limit)', 'Query.stations(offset)', 'Query.volunteers(limit)', 'Query.nearbyStations(radiusMeters)',
      'Query.holidayCalendar(year)', 'Mutation.gradeStation(input.stars)',
    ]) {
      expect(at, p).toContain(p);
    }
    expect(rules.length).toBeGreaterThan(60);
  });

  it('refuses min − 1 and max + 1 with BAD_USER_INPUT naming the path, HTTP 200, nothing written; the boundaries pass the rule', async () => {
    for (const r of rules) {
      for (const as of ['admin', 'anonymous'] as As[]) {
        for (const bad of outside(r)) {
          const res = await s.post(request(r, bad.value), as);
          const what = `${describeRule(r)} as ${as} = ${JSON.stringify(bad.value).slice(0, 80)}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
          expect(res.status, what).toBe(200);
          expect(res.body.errors?.[0]?.extensions, what).toMatchObject({ code: 'BAD_USER_INPUT', field: pathOf(r), reason: bad.reason, args: bad.args });
          expect(res.body.errors[0].message, what).toMatch(new RegExp(`^${pathOf(r).replace(/[[\]().]/g, '\\$&')}: `));
          expect(await digestNow(), `database changed after a refusal: ${what}`).toBe(digest);
          counts.refused++;
        }
      }
      // The boundaries themselves: whatever else the request meets (NOT_FOUND, a conflict), never this rule.
      const boundaries = r.kind === 'number' ? [r.min, r.max] : [items(r, r.max), ...(r.min > 0 ? [items(r, r.min)] : [])];
      for (const value of boundaries) {
        const res = await s.post(request(r, value), 'admin');
        const what = `${describeRule(r)} at the boundary ${JSON.stringify(value).slice(0, 80)}: ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
        expect(res.status, what).toBeLessThan(500);
        for (const e of res.body.errors ?? []) {
          if (e.extensions?.field === pathOf(r)) expect(['INTEGER_RANGE', 'NUMBER_RANGE', 'TOO_MANY', 'TOO_FEW'], what).not.toContain(e.extensions.reason);
        }
        counts.boundary++;
        digest = await digestNow();
      }
    }
  }, 600_000);

  it('a rule checks every list item and names it: recordSupplies(items[1].quantity)', async () => {
    const r = rules.find((x) => x.field === 'recordSupplies' && pathOf(x) === 'items[0].quantity')!;
    const body = request(r, 5);
    (body.variables.items as any[]).push({ ...(body.variables.items as any[])[0], quantity: 0 });
    const res = await s.post(body);
    expect(res.status).toBe(200);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'items[1].quantity', reason: 'INTEGER_RANGE', args: { min: 1, max: 1000000 } });
    expect(await digestNow()).toBe(digest);
  });
});

describe('class-validator is gone', () => {
  const root = join(__dirname, '../../api');
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
    });

  it('no source imports it, the api does not depend on it, and type-graphql validation is off', () => {
    const importing = sources(join(root, 'src')).filter((p) => /from ['"]class-validator['"]|require\(['"]class-validator['"]\)/.test(readFileSync(p, 'utf8')));
    expect(importing).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('class-validator');
    expect(readFileSync(join(root, 'src/schema.ts'), 'utf8')).toMatch(/^\s*validate: false,$/m);
  });
});
