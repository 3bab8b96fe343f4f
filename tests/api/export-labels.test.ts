import { describe, expect, it } from 'vitest';
import { GraphQLEnumType } from 'graphql';
import { ZH_LABELS } from '../../api/src/exports/labels';
import { zhDomain } from '../../admin/src/i18n/zh';
import { createSchema } from '../../api/src/schema';

// The exports (api/src/exports/labels.ts) and the admin (admin/src/i18n/zh.ts, `enums.*`) say the same enum
// values in Chinese: a value added to a GraphQL enum must get its label in both, with the same words, or an
// export shows the raw value (as PLANNED once did in the stations export).
describe('Chinese labels of the exports', () => {
  it('label every value of each exported GraphQL enum, with the admin’s own words', async () => {
    const schema = await createSchema();
    const adminEnums = zhDomain.enums as Record<string, Record<string, string>>;
    const checked: string[] = [];
    for (const [type, labels] of Object.entries(ZH_LABELS)) {
      // Not GraphQL enums: yes/no, and a shift's free-text role, whose one fixed word is its default VOLUNTEER.
      if (type === 'Boolean' || type === 'ShiftRole') continue;
      const gql = schema.getType(type);
      expect(gql, `${type} is a GraphQL enum`).toBeInstanceOf(GraphQLEnumType);
      const values = (gql as GraphQLEnumType).getValues().map((v) => v.name).sort();
      expect(Object.keys(labels).sort(), `${type}: every value has an export label`).toEqual(values);
      for (const v of values) {
        if (adminEnums[type]?.[v] !== undefined) expect(labels[v], `${type}.${v}`).toBe(adminEnums[type][v]);
        checked.push(`${type}.${v}`);
      }
    }
    expect(checked.length).toBeGreaterThan(40);
  });
});
