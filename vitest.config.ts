import swc from 'unplugin-swc';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// SWC keeps decorator metadata (type-graphql and MikroORM read it); esbuild would drop it.
export default defineConfig({
  plugins: [swc.vite({ jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' } })],
  // One copy of graphql: type-graphql loads the CommonJS build, so the tests' own imports must too.
  // Packages that import graphql as ESM (graphql-query-complexity, graphql-armor) are aliased to their CommonJS builds
  // for the same reason.
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: require.resolve('graphql') },
      { find: /^graphql-query-complexity$/, replacement: require.resolve('graphql-query-complexity') },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['reflect-metadata'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // The PGlite pass runs PostGIS in WebAssembly, one query at a time: set-ups that load thousands of rows take longer.
    testTimeout: process.env.YIZHAN_TEST_DB === 'pglite' ? 120_000 : 60_000,
    hookTimeout: process.env.YIZHAN_TEST_DB === 'pglite' ? 300_000 : 120_000,
    // The watchdog names a test file that does not end, and cancels the run after 20 min (tests/helpers/watchdog-reporter.ts).
    reporters: ['default', './tests/helpers/watchdog-reporter.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
});
