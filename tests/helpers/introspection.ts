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

/** Tables of the records an `id` of that GraphQL type refers to. */
export const TABLE_OF_TYPE: Record<string, string> = {
  Station: 'station', Organization: 'organization', User: 'user_account', ApiKey: 'api_key', VolunteerTeam: 'volunteer_team', Volunteer: 'volunteer',
  Campaign: 'campaign', Shift: 'shift', ShiftAssignment: 'shift_assignment', SupplyItem: 'supply_item',
};
/** Tables of the records a `<name>Id` / `<name>Ids` argument or input field refers to. */
export const TABLE_OF_ID_NAME: Record<string, string> = {
  station: 'station', organization: 'organization', parent: 'organization', hostOrganization: 'organization', operatorOrganization: 'organization',
  ownerOrganization: 'organization', user: 'user_account', campaign: 'campaign', team: 'volunteer_team', volunteerTeam: 'volunteer_team',
  volunteer: 'volunteer', leader: 'volunteer', member: 'volunteer', shift: 'shift', assignment: 'shift_assignment', item: 'supply_item', webhook: 'webhook',
};

/**
 * The valid-value generator of the schema-generated suites: `validValue(t, name, field, required)` is a value of
 * type `t` that passes the input rules for an argument or input field called `name` of root field `field` (ids:
 * a real record's from `idsByTable`, by the name or the field's type, else a UUID of no record; dates, times,
 * URLs and passwords by the name; `text` for other strings), or undefined for an optional one.
 */
export function validValues(types: Map<string, FullType>, idsByTable: Map<string, string>, text: string) {
  const validValue = (t: TypeRef, name: string, field: { type: TypeRef }, required: boolean): unknown => {
    if (t.kind === 'NON_NULL') return validValue(t.ofType!, name, field, true);
    if (!required) return undefined;
    if (t.kind === 'LIST') {
      const item = validValue(t.ofType!, name.replace(/s$/, ''), field, true);
      return item === undefined ? [] : [item];
    }
    const type = types.get(t.name!)!;
    if (type.kind === 'ENUM') return type.enumValues![0].name;
    if (type.kind === 'INPUT_OBJECT') {
      if (type.name === 'LngLatInput') return { lng: 113.6253, lat: 34.7466 };
      const out: Record<string, unknown> = {};
      for (const f of type.inputFields ?? []) {
        const v = validValue(f.type, f.name, field, false);
        if (v !== undefined) out[f.name] = v;
      }
      return out;
    }
    switch (t.name) {
      case 'ID':
      case 'String': {
        if (t.name === 'ID' || /Ids?$/.test(name)) {
          const byName = TABLE_OF_ID_NAME[name.replace(/Ids?$/, '')];
          const table = byName ?? (name === 'id' || name === 'ids' ? TABLE_OF_TYPE[named(field.type).name!] : undefined) ?? 'station';
          return idsByTable.get(table) ?? '00000000-0000-4000-8000-000000000000';
        }
        if (/date$|^day$|^from$|^to$/i.test(name)) return '2027-06-05';
        if (name === 'start') return '08:00';
        if (name === 'end') return '20:00';
        if (name === 'url') return 'https://example.com/hook';
        if (/password/i.test(name)) return 'not-the-password-2026';
        return text;
      }
      case 'DateTime':
        return '2027-06-05T08:00:00+08:00';
      case 'Int':
        return name === 'year' ? 2026 : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      default:
        return null;
    }
  };
  return validValue;
}
