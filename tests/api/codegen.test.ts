import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import { codegenConfig } from '../../admin/codegen';

/**
 * Issue 15 §5: the admin's `types.ts` and `enums.ts` are generated from `schema/schema.graphql` (itself checked
 * against the running schema by relay.test.ts). This regenerates both into a temporary folder with the admin's own
 * configuration and fails when the committed files differ: `npm run schema:emit` rewrites the schema and then both files.
 */
const ADMIN = resolve(__dirname, '../../admin');
const FILES = ['enums.ts', 'types.ts'];
let dir: string | undefined;

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('admin types generated from the schema', () => {
  it('types.ts and enums.ts are what GraphQL Code Generator makes from schema/schema.graphql', async () => {
    dir = await mkdtemp(join(tmpdir(), 'yizhan-codegen-'));
    await generate({ ...codegenConfig(dir), cwd: ADMIN }, true);
    for (const file of FILES) {
      const fresh = await readFile(join(dir, file), 'utf8');
      const committed = await readFile(join(ADMIN, 'src', file), 'utf8');
      expect(fresh.length, `${file}: regenerated file is empty`).toBeGreaterThan(1000);
      expect(committed, `admin/src/${file} drifted from schema/schema.graphql: run npm run codegen -w admin`).toBe(fresh);
    }
  }, 120_000);

  it('covers the scheduling list inputs the admin sends', async () => {
    const types = await readFile(join(ADMIN, 'src', 'types.ts'), 'utf8');
    for (const name of ['VolunteerTeamFilter', 'VolunteerFilter', 'CampaignFilter', 'ShiftFilter', 'ShiftAssignmentFilter', 'StationFilter']) {
      expect(types).toMatch(new RegExp(`export type ${name} = \\{[^}]*\\bids\\?: InputMaybe<Array<Scalars\\['ID'\\]\\['input'\\]>>`, 's'));
    }
    const enums = await readFile(join(ADMIN, 'src', 'enums.ts'), 'utf8');
    expect(enums).toContain(`export type AssignmentStatus = typeof AssignmentStatus[keyof typeof AssignmentStatus];`);
  });
});
