import { defineConfig } from 'vitest/config';

// The end-to-end suite (the built CLI against the sandbox) runs once per real Helm major:
// LIFESUB_TEST_HELM_MAJOR picks the helm test/support/cli.ts hands the CLI as LIFESUB_HELM.
// The Helm fidelity test covers both majors itself, so it runs once, with the unit tests.
const E2E = 'test/e2e/**/*.test.ts';
const HELM_FIDELITY = 'test/e2e/helm-fidelity.test.ts';

export default defineConfig({
  test: {
    // e2e tests spawn the built CLI and simulated servers; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', HELM_FIDELITY] } },
      ...(['3', '4'] as const).map((major) => ({
        extends: true as const,
        test: { name: `e2e-helm${major}`, include: [E2E], exclude: [HELM_FIDELITY], env: { LIFESUB_TEST_HELM_MAJOR: major } },
      })),
    ],
  },
});
