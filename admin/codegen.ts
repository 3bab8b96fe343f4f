import type { CodegenConfig } from '@graphql-codegen/cli';

const HEADER = '/* Generated from schema/schema.graphql by GraphQL Code Generator (`npm run codegen -w admin`); do not edit. */';

/**
 * The admin's GraphQL types, generated from the committed SDL: `enums.ts` (each enum as a const object and a
 * union type, values in schema order) and `types.ts` (every object, input and argument type, enums imported from
 * `enums.ts`). Paths are relative to the admin folder; `outDir` lets the drift test write elsewhere.
 */
export const codegenConfig = (outDir = 'src'): CodegenConfig => ({
  schema: '../schema/schema.graphql',
  silent: true,
  generates: {
    [`${outDir}/enums.ts`]: {
      plugins: [{ add: { content: HEADER } }, 'typescript'],
      config: { onlyEnums: true, enumsAsConst: true, namingConvention: { enumValues: 'keep' }, useTypeImports: true },
    },
    [`${outDir}/types.ts`]: {
      plugins: [{ add: { content: HEADER } }, 'typescript'],
      config: {
        enumValues: './enums',
        namingConvention: { enumValues: 'keep' },
        scalars: { DateTime: 'string', JSON: 'unknown' },
        skipTypename: true,
        useTypeImports: true,
      },
    },
  },
});

export default codegenConfig();
