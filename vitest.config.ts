import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{common,reference-impl,harness,cli,suites,reports,scripts,test}/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The JSON report lets .ci/run print a plain "N passed, N failed" closing line.
    // On CI (CI=true) the per-test listing stays quiet: one dot per test, failures in full.
    reporters: [process.env.CI ? 'dot' : 'default', ['json', { outputFile: '.kmsbench/vitest-results.json' }]],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
