/**
 * The one system of argument rules (issue "One access policy…", "One way for each thing"): text rules
 * (`@TextRule`, `@TextArgRule`, `checkText`), number bounds (`@NumberRule`, `checkNumber`) and list sizes
 * (`@ListRule`, `checkListSize`), declared once on input fields, args-type fields and `@Arg` parameters, and
 * applied once to every argument by `normaliseInput` before any resolver (or access check) runs. Refusals are
 * BadInputError naming the full argument path (`input.maxVolunteers`, `items[2].quantity`), HTTP 200.
 */
import {
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  defaultFieldResolver,
  getNamedType,
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { BadInputError, type Reason, type ReasonArgs } from './errors';

/**
 * The rules of one text argument or input field. Every String and ID argument and input field of the schema gets
 * them (DEFAULT_RULE unless declared with `@TextRule` or `@TextArgRule`), applied once, before the resolver runs,
 * by `normaliseInput` — for anonymous callers and staff alike, and for the plain resolvers installed after the
 * build. Lengths are Unicode code points, as PostgreSQL's `char_length` counts them in a UTF-8 database (a
 * variation selector or a combining mark is one character, an astral character is one, not two UTF-16 units).
 */
export interface TextRuleOptions {
  /** Remove leading and trailing white space (Unicode White_Space and U+FEFF, as `String#trim`) before the checks; the trimmed value is what the resolver gets and stores. Default true. */
  trim?: boolean;
  /** Fewest code points after trimming (default 0; an empty string stays allowed unless `min` ≥ 1). */
  min?: number;
  /** Most code points after trimming. */
  max?: number;
  /** Needs at least one visible character (a letter, digit, symbol or punctuation mark that is not default-ignorable): refuses names made only of zero-width, bidi-control or filler characters. */
  visible?: boolean;
  /** Refuses control characters (Unicode Cc: tabs, line breaks, escape…); for names, codes and phone numbers. */
  singleLine?: boolean;
  /** The whole (trimmed) value must match. */
  pattern?: RegExp;
  /** Message (English) when `pattern` does not match. */
  patternMessage?: string;
  /** The reason (error-reasons.ts) answered when `pattern` does not match, e.g. PHONE_FORMAT; every rule with a pattern names one. */
  patternReason?: Reason;
  /** The reason's args, e.g. `{ max: 6 }` for REGION_CODE_PREFIX_FORMAT. */
  patternArgs?: ReasonArgs;
  /** Trimmed to empty becomes null (optional fields whose empty value means "none"). */
  emptyToNull?: boolean;
  /** A last check of the (trimmed) value: returns what is wrong (an English message, the reason and its args), or null. */
  validate?: (value: string) => { message: string; reason: Reason; args?: ReasonArgs } | null;
}

/** Rule of a string nobody declared one for: refused only for NUL, lone surrogates or more than 5,000 code points; never trimmed (passwords, cursors). */
export const DEFAULT_RULE: TextRuleOptions = Object.freeze({ trim: false, max: 5000 });

/** Plain, visible, single-line names: trimmed, 1–`max` code points, at least one visible character. */
export const nameRule = (max: number, min = 1): TextRuleOptions => ({ min, max, visible: true, singleLine: true });

/**
 * Phone numbers (volunteers' and stations'): an optional `+`, then 5–20 digits, spaces or dashes starting with a
 * digit; the same pattern as the `volunteer.phone` and `station.phone` CHECK constraints.
 */
export const PHONE_RULE: TextRuleOptions = Object.freeze({
  max: 21,
  singleLine: true,
  pattern: /^\+?[0-9][0-9 -]{4,19}$/,
  patternMessage: 'must be digits, spaces or dashes (5–20), optionally after +',
  patternReason: 'PHONE_FORMAT',
  emptyToNull: true,
});

/**
 * A station's public phone: one or more numbers, each as PHONE_RULE, separated by `;`, `,` or `、` (stations often
 * list a landline and a mobile), at most 50 code points (the `station.phone` CHECK).
 */
export const STATION_PHONE_RULE: TextRuleOptions = Object.freeze({
  max: 50,
  singleLine: true,
  pattern: /^\+?[0-9][0-9 -]{4,19}(?:\s*[;,、，；]\s*\+?[0-9][0-9 -]{4,19})*$/,
  patternMessage: 'must be phone numbers (an optional +, then 5–20 digits, spaces or dashes), several separated by ; , or 、',
  patternReason: 'STATION_PHONE_FORMAT',
  emptyToNull: true,
});

/** A local calendar date `YYYY-MM-DD` that exists, in the years 1900–2100 (as DateTime instants; PostgreSQL has no year 0). */
export const LOCAL_DATE_RULE: TextRuleOptions = Object.freeze({
  pattern: /^\d{4}-\d{2}-\d{2}$/,
  patternMessage: 'must be a date YYYY-MM-DD',
  patternReason: 'LOCAL_DATE_FORMAT',
  validate: (v: string): ReturnType<NonNullable<TextRuleOptions['validate']>> => {
    const [y, m, d] = v.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { message: 'is not a date of the calendar', reason: 'NOT_A_DATE', args: { value: v } };
    return y < 1900 || y > 2100 ? { message: 'must be in the years 1900–2100', reason: 'YEAR_RANGE', args: { min: 1900, max: 2100 } } : null;
  },
});

/**
 * Bounds of an Int or Float argument or input field (inclusive), applied by `normaliseInput` before the resolver
 * runs: outside them is BAD_USER_INPUT naming the field, reason INTEGER_RANGE (Int) or NUMBER_RANGE (Float) with
 * args `{ min, max }`.
 */
export interface NumberRuleOptions {
  /** Smallest value allowed. */
  min: number;
  /** Largest value allowed. */
  max: number;
}

/**
 * Size of a list argument or input field (number of items), applied by `normaliseInput` before the items are
 * checked: fewer than `min` is BAD_USER_INPUT reason TOO_FEW `{ min }`, more than `max` reason TOO_MANY `{ max }`.
 */
export interface ListRuleOptions {
  /** Fewest items (default 0: an empty list is allowed). */
  min?: number;
  /** Most items. */
  max: number;
  /** What the items are, plural, for the message (`at most 50 organizations`); default `items`. */
  noun?: string;
}

/** Every rule one argument or input field may carry; each applies to the values of its kind. */
interface FieldRules {
  text?: TextRuleOptions;
  number?: NumberRuleOptions;
  list?: ListRuleOptions;
}

const INPUT_RULES = new Map<Function, Map<string, FieldRules>>();
const ARG_RULES = new Map<Function, Map<string, Map<number, FieldRules>>>();

/** Records `rules` for an input-type (or args-type) property, or for parameter `index` of a resolver method. */
function declare(target: object, key: string | symbol | undefined, index: number | undefined, rules: FieldRules): void {
  if (typeof index === 'number') {
    const cls = (target as { constructor: Function }).constructor;
    if (!ARG_RULES.has(cls)) ARG_RULES.set(cls, new Map());
    const byMethod = ARG_RULES.get(cls)!;
    if (!byMethod.has(String(key))) byMethod.set(String(key), new Map());
    const byIndex = byMethod.get(String(key))!;
    byIndex.set(index, { ...byIndex.get(index), ...rules });
    return;
  }
  const cls = (target as { constructor: Function }).constructor;
  if (!INPUT_RULES.has(cls)) INPUT_RULES.set(cls, new Map());
  const byName = INPUT_RULES.get(cls)!;
  byName.set(String(key), { ...byName.get(String(key)), ...rules });
}

/** A decorator for input-type and args-type properties and for `@Arg` parameters alike. */
type RuleDecorator = (target: object, key: string | symbol | undefined, index?: number | PropertyDescriptor) => void;

const ruleDecorator = (rules: FieldRules): RuleDecorator => (target, key, index) => declare(target, key, typeof index === 'number' ? index : undefined, rules);

/** Declares the text rule of a String or ID input field (or, as a parameter decorator, of an `@Arg`). The one place the rule is stated. */
export function TextRule(options: TextRuleOptions): RuleDecorator {
  return ruleDecorator({ text: options });
}

/** Declares the text rule of a resolver argument (a `@Arg` String or ID parameter); the same as `@TextRule` on a parameter. */
export function TextArgRule(options: TextRuleOptions): ParameterDecorator {
  return ruleDecorator({ text: options }) as ParameterDecorator;
}

/** Declares the bounds of an Int or Float input field, args-type field or `@Arg` parameter (lists: of each item). */
export function NumberRule(options: NumberRuleOptions): RuleDecorator {
  if (!(options.min <= options.max)) throw new Error(`NumberRule: min ${options.min} above max ${options.max}`);
  return ruleDecorator({ number: Object.freeze({ ...options }) });
}

/** Declares the size of a list input field, args-type field or `@Arg` parameter. */
export function ListRule(options: ListRuleOptions): RuleDecorator {
  if (!((options.min ?? 0) <= options.max)) throw new Error(`ListRule: min ${options.min} above max ${options.max}`);
  return ruleDecorator({ list: Object.freeze({ ...options }) });
}

/** Counts code points, as PostgreSQL's `char_length` does. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

const VISIBLE = /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}\p{S}\p{P}]/u;
const CONTROL = /\p{Cc}/u;
/** In `u` mode a surrogate pair is one code point; only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Applies `rule` to `value` and returns the value the resolver gets (trimmed, or null for `emptyToNull`).
 * Throws BadInputError naming `field`. NUL (PostgreSQL cannot store it in text) and lone UTF-16 surrogates (no
 * UTF-8 encoding; the driver would store U+FFFD instead) are refused whatever the rule.
 */
export function checkText(value: string, rule: TextRuleOptions, field: string): string | null {
  if (value.includes('\u0000')) throw new BadInputError(field, 'must not contain a NUL character (U+0000)', 'NUL_CHARACTER');
  if (LONE_SURROGATE.test(value)) throw new BadInputError(field, 'must not contain a lone UTF-16 surrogate (not a Unicode character)', 'LONE_SURROGATE');
  const v = rule.trim === false ? value : value.trim();
  if (rule.emptyToNull && v === '') return null;
  const length = codePointLength(v);
  if (rule.min !== undefined && length < rule.min) {
    throw new BadInputError(field, rule.min === 1 ? 'must not be empty' : `must be at least ${rule.min} characters`, rule.min === 1 ? 'EMPTY' : 'TOO_SHORT', { min: rule.min });
  }
  if (rule.max !== undefined && length > rule.max) throw new BadInputError(field, `must be at most ${rule.max} characters (Unicode code points), not ${length}`, 'TOO_LONG', { max: rule.max, length });
  if (rule.singleLine && CONTROL.test(v)) throw new BadInputError(field, 'must not contain control characters (line breaks, tabs…)', 'CONTROL_CHARACTERS');
  if (rule.visible && v !== '' && !VISIBLE.test(v)) throw new BadInputError(field, 'must contain a visible character (not only spaces, zero-width or direction marks)', 'NOT_VISIBLE');
  if (rule.pattern && !rule.pattern.test(v)) {
    // PATTERN_MISMATCH only for a rule that names no reason of its own (none in this schema: the reason test checks).
    throw new BadInputError(field, rule.patternMessage ?? `must match ${rule.pattern}`, rule.patternReason ?? 'PATTERN_MISMATCH', rule.patternReason ? (rule.patternArgs ?? {}) : { detail: rule.patternMessage ?? String(rule.pattern) });
  }
  const wrong = rule.validate?.(v);
  if (wrong) throw new BadInputError(field, wrong.message, wrong.reason, wrong.args ?? {});
  return v;
}

/**
 * Applies `rule` to the Int (`integer`) or Float `value`: BAD_USER_INPUT naming `field` outside [min, max], reason
 * INTEGER_RANGE or NUMBER_RANGE with args `{ min, max }`. GraphQL has already refused non-numbers, fractions for
 * Int and values outside 32 bits.
 */
export function checkNumber(value: number, rule: NumberRuleOptions, field: string, integer: boolean): number {
  const { min, max } = rule;
  if (integer && (!Number.isInteger(value) || value < min || value > max)) throw new BadInputError(field, `must be an integer from ${min} to ${max}`, 'INTEGER_RANGE', { min, max });
  if (!Number.isFinite(value) || value < min || value > max) throw new BadInputError(field, `must be from ${min} to ${max}`, 'NUMBER_RANGE', { min, max });
  return value;
}

/** Applies `rule` to the size of `list`: BAD_USER_INPUT naming `field`, reason TOO_FEW `{ min }` or TOO_MANY `{ max }`. */
export function checkListSize(list: readonly unknown[], rule: ListRuleOptions, field: string): void {
  const noun = rule.noun ?? 'items';
  const min = rule.min ?? 0;
  if (list.length < min) throw new BadInputError(field, min === 1 ? `name at least one of the ${noun}` : `at least ${min} ${noun}, not ${list.length}`, 'TOO_FEW', { min });
  if (list.length > rule.max) throw new BadInputError(field, `at most ${rule.max} ${noun}, not ${list.length}`, 'TOO_MANY', { max: rule.max });
}

/** The rules declared on the properties of an input or args class (with its parents'), by property name. */
function declaredInputRules(cls: Function | undefined): Map<string, FieldRules> {
  const rules = new Map<string, FieldRules>();
  const chain: Function[] = [];
  for (let c = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  for (const c of chain) for (const [k, v] of INPUT_RULES.get(c) ?? []) rules.set(k, { ...rules.get(k), ...v });
  return rules;
}

/** Any input value in, the normalised value out (same object when nothing changed). */
type Normaliser = (value: unknown, path: string) => unknown;

const DATE_MIN = Date.UTC(1900, 0, 1);
const DATE_MAX = Date.UTC(2101, 0, 1);

/**
 * Instants the API accepts: from 1900-01-01T00:00:00Z up to (not including) 2101-01-01T00:00:00Z. The DateTime
 * scalar (graphql-scalars) already refuses what is not RFC 3339; this refuses year 0 (PostgreSQL has no year 0
 * and fails the statement) and instants no station, shift or campaign can have, before they reach SQL or the
 * opening-hours and holiday calendars.
 */
export function checkInstant(value: Date, field: string): Date {
  const t = value.getTime();
  if (!Number.isFinite(t)) throw new BadInputError(field, 'is not a valid date-time', 'DATETIME_INVALID');
  if (t < DATE_MIN || t >= DATE_MAX) throw new BadInputError(field, 'must be between 1900-01-01T00:00:00Z and 2100-12-31T23:59:59Z', 'DATETIME_RANGE', { min: '1900-01-01T00:00:00Z', max: '2100-12-31T23:59:59Z' });
  return value;
}

type Cache = Map<GraphQLInputObjectType, Normaliser | null | 'pending'>;

/**
 * Builds the normaliser of one input type under `rules` (those of the argument or input field it is the type of),
 * or null when nothing in it is checked: no String, ID or DateTime, and no declared number or list rule. A rule
 * declared on a field of the wrong kind (NumberRule on a String, ListRule on a scalar) fails the schema build.
 */
function normaliserFor(type: GraphQLInputType, rules: FieldRules, cache: Cache, inputClasses: Map<string, Function>, where: string): Normaliser | null {
  if (type instanceof GraphQLNonNull) return normaliserFor(type.ofType, rules, cache, inputClasses, where);
  if (type instanceof GraphQLList) {
    const { list, ...itemRules } = rules;
    const item = normaliserFor(type.ofType, itemRules, cache, inputClasses, where);
    if (!item && !list) return null;
    return (value, path) => {
      if (!Array.isArray(value)) return item ? item(value, path) : value;
      if (list) checkListSize(value, list, path);
      if (!item) return value;
      let out: unknown[] | null = null;
      for (let i = 0; i < value.length; i++) {
        const v = item(value[i], `${path}[${i}]`);
        if (v !== value[i]) (out ??= value.slice())[i] = v;
      }
      return out ?? value;
    };
  }
  if (rules.list) throw new Error(`${where}: ListRule on ${String(type)}, which is not a list`);
  if (rules.number && type !== GraphQLInt && type !== GraphQLFloat) throw new Error(`${where}: NumberRule on ${String(type)}, which is not Int or Float`);
  if (type === GraphQLInt || type === GraphQLFloat) {
    const rule = rules.number;
    if (!rule) return null;
    const integer = type === GraphQLInt;
    return (value, path) => (typeof value === 'number' ? checkNumber(value, rule, path, integer) : value);
  }
  if (rules.text && type !== GraphQLString && type !== GraphQLID) throw new Error(`${where}: TextRule on ${String(type)}, which is not String or ID`);
  if (type === GraphQLString || type === GraphQLID) {
    const rule = rules.text ?? DEFAULT_RULE;
    return (value, path) => (typeof value === 'string' ? checkText(value, rule, path) : value);
  }
  if (type instanceof GraphQLInputObjectType) return inputObjectNormaliser(type, cache, inputClasses);
  if (getNamedType(type).name === 'DateTime') {
    return (value, path) => (value instanceof Date ? checkInstant(value, path) : value);
  }
  return null;
}

function inputObjectNormaliser(type: GraphQLInputObjectType, cache: Cache, inputClasses: Map<string, Function>): Normaliser | null {
  const known = cache.get(type);
  if (known === 'pending') {
    // A recursive input type: resolved lazily on first use.
    return (value, path) => (cache.get(type) as Normaliser | null)?.(value, path) ?? value;
  }
  if (known !== undefined) return known;
  cache.set(type, 'pending');
  const rules = declaredInputRules(inputClasses.get(type.name));
  const fields: [string, Normaliser][] = [];
  for (const field of Object.values(type.getFields())) {
    const n = normaliserFor(field.type, rules.get(field.name) ?? {}, cache, inputClasses, `${type.name}.${field.name}`);
    if (n) fields.push([field.name, n]);
  }
  const normalise: Normaliser | null = fields.length
    ? (value, path) => {
        if (value === null || typeof value !== 'object') return value;
        let out: Record<string, unknown> | null = null;
        const obj = value as Record<string, unknown>;
        for (const [name, n] of fields) {
          if (!(name in obj)) continue;
          const v = n(obj[name], `${path}.${name}`);
          if (v !== obj[name]) (out ??= { ...obj })[name] = v;
        }
        return out ?? value;
      }
    : null;
  cache.set(type, normalise);
  return normalise;
}

/**
 * Rules of resolver arguments, as `Type.field` → argument name → rules: those declared on `@Arg` parameters, and
 * those declared on the properties of `@Args` classes (each property is an argument).
 */
function declaredArgRules(): Map<string, Map<string, FieldRules>> {
  const storage = getMetadataStorage();
  const out = new Map<string, Map<string, FieldRules>>();
  const resolvers = [
    ...storage.queries.map((r) => ({ r, parent: 'Query' })),
    ...storage.mutations.map((r) => ({ r, parent: 'Mutation' })),
    ...storage.fieldResolvers.map((r) => ({ r, parent: '' })),
  ];
  for (const { r, parent } of resolvers) {
    const byIndex = ARG_RULES.get(r.target)?.get(r.methodName);
    const byName = new Map<string, FieldRules>();
    for (const p of storage.params) {
      if (p.target !== r.target || p.methodName !== r.methodName) continue;
      if (p.kind === 'arg' && byIndex?.has(p.index)) byName.set(p.name, byIndex.get(p.index)!);
      if (p.kind === 'args') for (const [name, rules] of declaredInputRules(p.getType() as Function)) byName.set(name, rules);
    }
    if (!byName.size) continue;
    const objectTarget = (r as { getObjectType?: () => Function }).getObjectType?.();
    const objectTypeName = parent || (storage.objectTypes.find((o) => o.target === objectTarget)?.name ?? '');
    out.set(`${objectTypeName}.${r.schemaName}`, byName);
  }
  return out;
}

/** What `normaliseInput` covered. */
export interface InputRulesReport {
  /** Fields of object types whose resolver now checks its arguments first. */
  wrappedFields: number;
}

/**
 * The one place argument input is normalised and validated: wraps the resolver of every field of `schema` whose
 * arguments hold a String, ID or DateTime, or an Int, Float or list with a declared `@NumberRule` / `@ListRule`,
 * anywhere (nested input objects and lists included), so the resolver — type-graphql's, or a plain one installed
 * after the build — receives trimmed values that fit the declared rules. Bad input answers BAD_USER_INPUT naming
 * the argument path (`input.name`, `filter.ids[2]`, `input.maxVolunteers`) before any SQL and before any access
 * check. Call after every resolver is installed.
 */
export function normaliseInput(schema: GraphQLSchema): InputRulesReport {
  const storage = getMetadataStorage();
  const inputClasses = new Map<string, Function>(storage.inputTypes.map((t) => [t.name, t.target]));
  const argRules = declaredArgRules();
  const cache: Cache = new Map();
  let wrappedFields = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rules = argRules.get(`${type.name}.${field.name}`);
      const plan: [GraphQLArgument, Normaliser][] = [];
      for (const arg of field.args) {
        const n = normaliserFor(arg.type, rules?.get(arg.name) ?? {}, cache, inputClasses, `${type.name}.${field.name}(${arg.name})`);
        if (n) plan.push([arg, n]);
      }
      if (!plan.length) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, ctx, info) => {
        let out: Record<string, unknown> | null = null;
        for (const [arg, n] of plan) {
          const value = args[arg.name];
          if (value === undefined || value === null) continue;
          const v = n(value, arg.name);
          if (v !== value) (out ??= { ...args })[arg.name] = v;
        }
        return resolve(source, out ?? args, ctx, info);
      };
      wrappedFields++;
    }
  }
  return { wrappedFields };
}

/**
 * The arguments `args` of field `typeName.fieldName`, normalised and checked by the same rules as
 * `normaliseInput` applies inside GraphQL (trimmed; BAD_USER_INPUT naming the argument path), for callers
 * that take a field's arguments outside a GraphQL operation (the exports' query parameters).
 */
export function normaliseFieldArguments(schema: GraphQLSchema, typeName: string, fieldName: string, args: Record<string, unknown>): Record<string, unknown> {
  const type = schema.getType(typeName);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`no object type ${typeName}`);
  const field = type.getFields()[fieldName];
  if (!field) throw new Error(`no field ${typeName}.${fieldName}`);
  const storage = getMetadataStorage();
  const inputClasses = new Map<string, Function>(storage.inputTypes.map((t) => [t.name, t.target]));
  const rules = declaredArgRules().get(`${typeName}.${fieldName}`);
  const cache: Cache = new Map();
  const out = { ...args };
  for (const arg of field.args) {
    const value = out[arg.name];
    if (value === undefined || value === null) continue;
    const n = normaliserFor(arg.type, rules?.get(arg.name) ?? {}, cache, inputClasses, `${typeName}.${fieldName}(${arg.name})`);
    if (n) out[arg.name] = n(value, arg.name);
  }
  return out;
}

/** One declared number or list rule at one place of the schema's arguments, as `declaredInputRulesOf` lists them. */
export interface DeclaredRule {
  /** The object type of the field (`Query`, `Mutation`, or a type with an argument-taking field). */
  type: string;
  field: string;
  arg: string;
  /** Input fields inside the argument, `0` for a list item: `['items', 0, 'quantity']`. */
  steps: (string | 0)[];
  kind: 'number' | 'list';
  /** For numbers: Int (true) or Float. */
  integer?: boolean;
  min: number;
  max: number;
}

/**
 * Every `@NumberRule` and `@ListRule` the schema's arguments carry, at every place it applies (the same input
 * type under several fields counts once per field), for tests and documentation generated from the rules.
 */
export function declaredInputRulesOf(schema: GraphQLSchema): DeclaredRule[] {
  const storage = getMetadataStorage();
  const inputClasses = new Map<string, Function>(storage.inputTypes.map((t) => [t.name, t.target]));
  const argRules = declaredArgRules();
  const out: DeclaredRule[] = [];
  const walk = (base: Omit<DeclaredRule, 'steps' | 'kind' | 'min' | 'max' | 'integer'>, type: GraphQLInputType, rules: FieldRules, steps: (string | 0)[], seen: string[]) => {
    if (type instanceof GraphQLNonNull) return walk(base, type.ofType, rules, steps, seen);
    if (type instanceof GraphQLList) {
      const { list, ...itemRules } = rules;
      if (list) out.push({ ...base, steps, kind: 'list', min: list.min ?? 0, max: list.max });
      return walk(base, type.ofType, itemRules, [...steps, 0], seen);
    }
    if (rules.number && (type === GraphQLInt || type === GraphQLFloat)) out.push({ ...base, steps, kind: 'number', integer: type === GraphQLInt, ...rules.number });
    if (type instanceof GraphQLInputObjectType && !seen.includes(type.name)) {
      const fieldRules = declaredInputRules(inputClasses.get(type.name));
      for (const f of Object.values(type.getFields())) walk(base, f.type, fieldRules.get(f.name) ?? {}, [...steps, f.name], [...seen, type.name]);
    }
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rules = argRules.get(`${type.name}.${field.name}`);
      for (const arg of field.args) walk({ type: type.name, field: field.name, arg: arg.name }, arg.type, rules?.get(arg.name) ?? {}, [], []);
    }
  }
  return out;
}
