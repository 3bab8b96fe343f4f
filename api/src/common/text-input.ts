import {
  GraphQLID,
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
 * by `normaliseTextInput` — for anonymous callers and staff alike, and for the plain resolvers installed after the
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

const INPUT_RULES = new Map<Function, Map<string, TextRuleOptions>>();
const ARG_RULES = new Map<Function, Map<string, Map<number, TextRuleOptions>>>();

/** Declares the text rule of an input-type property (String or ID field). The one place the rule is stated. */
export function TextRule(options: TextRuleOptions): PropertyDecorator {
  return (target, property) => {
    const cls = target.constructor;
    if (!INPUT_RULES.has(cls)) INPUT_RULES.set(cls, new Map());
    INPUT_RULES.get(cls)!.set(String(property), options);
  };
}

/** Declares the text rule of a resolver argument (a `@Arg` String or ID parameter). */
export function TextArgRule(options: TextRuleOptions): ParameterDecorator {
  return (target, method, index) => {
    const cls = (target as { constructor: Function }).constructor;
    if (!ARG_RULES.has(cls)) ARG_RULES.set(cls, new Map());
    const byMethod = ARG_RULES.get(cls)!;
    if (!byMethod.has(String(method))) byMethod.set(String(method), new Map());
    byMethod.get(String(method))!.set(index, options);
  };
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

/** The rules declared on the properties of an input class (with its parents'), by property name. */
function declaredInputRules(cls: Function | undefined): Map<string, TextRuleOptions> {
  const rules = new Map<string, TextRuleOptions>();
  const chain: Function[] = [];
  for (let c = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  for (const c of chain) for (const [k, v] of INPUT_RULES.get(c) ?? []) rules.set(k, v);
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

/** Builds the normaliser of one input type, or null when it holds no String, ID or DateTime. */
function normaliserFor(
  type: GraphQLInputType,
  rule: TextRuleOptions,
  cache: Map<GraphQLInputObjectType, Normaliser | null | 'pending'>,
  inputClasses: Map<string, Function>,
): Normaliser | null {
  if (type instanceof GraphQLNonNull) return normaliserFor(type.ofType, rule, cache, inputClasses);
  if (type instanceof GraphQLList) {
    const item = normaliserFor(type.ofType, rule, cache, inputClasses);
    if (!item) return null;
    return (value, path) => {
      if (!Array.isArray(value)) return item(value, path);
      let out: unknown[] | null = null;
      for (let i = 0; i < value.length; i++) {
        const v = item(value[i], `${path}[${i}]`);
        if (v !== value[i]) (out ??= value.slice())[i] = v;
      }
      return out ?? value;
    };
  }
  if (type === GraphQLString || type === GraphQLID) {
    return (value, path) => (typeof value === 'string' ? checkText(value, rule, path) : value);
  }
  if (type instanceof GraphQLInputObjectType) return inputObjectNormaliser(type, cache, inputClasses);
  if (getNamedType(type).name === 'DateTime') {
    return (value, path) => (value instanceof Date ? checkInstant(value, path) : value);
  }
  return null;
}

function inputObjectNormaliser(
  type: GraphQLInputObjectType,
  cache: Map<GraphQLInputObjectType, Normaliser | null | 'pending'>,
  inputClasses: Map<string, Function>,
): Normaliser | null {
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
    const n = normaliserFor(field.type, rules.get(field.name) ?? DEFAULT_RULE, cache, inputClasses);
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

/** Rules of resolver arguments declared with `@TextArgRule`, as `Type.field` → argument name → rule. */
function declaredArgRules(): Map<string, Map<string, TextRuleOptions>> {
  const storage = getMetadataStorage();
  const out = new Map<string, Map<string, TextRuleOptions>>();
  const resolvers = [
    ...storage.queries.map((r) => ({ r, parent: 'Query' })),
    ...storage.mutations.map((r) => ({ r, parent: 'Mutation' })),
    ...storage.fieldResolvers.map((r) => ({ r, parent: '' })),
  ];
  for (const { r, parent } of resolvers) {
    const byIndex = ARG_RULES.get(r.target)?.get(r.methodName);
    if (!byIndex) continue;
    const objectTarget = (r as { getObjectType?: () => Function }).getObjectType?.();
    const objectTypeName = parent || (storage.objectTypes.find((o) => o.target === objectTarget)?.name ?? '');
    const byName = new Map<string, TextRuleOptions>();
    for (const p of storage.params) {
      if (p.target === r.target && p.methodName === r.methodName && p.kind === 'arg' && byIndex.has(p.index)) byName.set(p.name, byIndex.get(p.index)!);
    }
    out.set(`${objectTypeName}.${r.schemaName}`, byName);
  }
  return out;
}

/** What `normaliseTextInput` covered: every String/ID/DateTime argument path it checks, as `Type.field(arg.path)`. */
export interface TextInputReport {
  wrappedFields: number;
}

/**
 * The one place text (and date-time) input is normalised and validated: wraps the resolver of every field of
 * `schema` that takes a String, ID or DateTime anywhere in its arguments (nested input objects and lists
 * included), so the resolver — type-graphql's with its class-validator step, or a plain one installed after the
 * build — receives trimmed values that fit the declared rules, and bad input answers BAD_USER_INPUT naming
 * the argument path (`input.name`, `filter.ids[2]`) before any SQL. Call after every resolver is installed.
 */
export function normaliseTextInput(schema: GraphQLSchema): TextInputReport {
  const storage = getMetadataStorage();
  const inputClasses = new Map<string, Function>(storage.inputTypes.map((t) => [t.name, t.target]));
  const argRules = declaredArgRules();
  const cache = new Map<GraphQLInputObjectType, Normaliser | null | 'pending'>();
  let wrappedFields = 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rules = argRules.get(`${type.name}.${field.name}`);
      const plan: [GraphQLArgument, Normaliser][] = [];
      for (const arg of field.args) {
        const n = normaliserFor(arg.type, rules?.get(arg.name) ?? DEFAULT_RULE, cache, inputClasses);
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
 * `normaliseTextInput` applies inside GraphQL (trimmed; BAD_USER_INPUT naming the argument path), for callers
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
  const cache = new Map<GraphQLInputObjectType, Normaliser | null | 'pending'>();
  const out = { ...args };
  for (const arg of field.args) {
    const value = out[arg.name];
    if (value === undefined || value === null) continue;
    const n = normaliserFor(arg.type, rules?.get(arg.name) ?? DEFAULT_RULE, cache, inputClasses);
    if (n) out[arg.name] = n(value, arg.name);
  }
  return out;
}
