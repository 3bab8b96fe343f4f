/**
 * The schema as the tests that generate their cases from it read it: by introspection over HTTP, as a client
 * would (input-properties.test.ts: every String/ID/DateTime path; input-rules.test.ts: every declared bound).
 */

/** A type reference of the introspection result (NON_NULL and LIST wrap `ofType`). */
export interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
/** An argument or an input field. */
export interface InputValue {
  name: string;
  type: TypeRef;
}
/** A named type with its fields (and their arguments), input fields and enum values. */
export interface FullType {
  kind: string;
  name: string;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}

/** The introspection query: every type with the fields, arguments, input fields and enum values of it. */
export const INTROSPECTION = `{ __schema { types { kind name
  fields { name type { ...T } args { name type { ...T } } }
  inputFields { name type { ...T } }
  enumValues { name } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`;

/** The named type inside any NON_NULL and LIST wrappers. */
export const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
/** The type as SDL writes it: `[ID!]!`. */
export const printType = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${printType(t.ofType!)}!` : t.kind === 'LIST' ? `[${printType(t.ofType!)}]` : t.name!);
