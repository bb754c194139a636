import { defineConfig } from 'vitest/config';

// The end-to-end file whose subject is what helm does (install, re-run, status, uninstall) runs once per
// real Helm major: LIFESUB_TEST_HELM_MAJOR picks the helm test/support/cli.ts hands the CLI as
// LIFESUB_HELM. The rest of the e2e suite runs once, with Helm 4 (what a fresh machine gets). The Helm
// fidelity test covers both majors itself, so it runs once, with the unit tests.
const E2E = 'test/e2e/**/*.test.ts';
const HELM_FIDELITY = 'test/e2e/helm-fidelity.test.ts';
// faults.test.ts is about lifesub's diagnosis, not helm's behaviour (that is helm-fidelity.test.ts, both
// majors): running it twice cost 22 s of a suite that must stay under 5 minutes on a slower CI machine.
const PER_HELM_MAJOR = ['test/e2e/up.test.ts'];

export default defineConfig({
  test: {
    // e2e tests spawn the built CLI and simulated servers; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two workers on a 2-core machine: e2e files mostly wait on child processes and simulated time.
    maxWorkers: 2,
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', HELM_FIDELITY] } },
      { extends: true, test: { name: 'e2e-helm3', include: PER_HELM_MAJOR, env: { LIFESUB_TEST_HELM_MAJOR: '3' } } },
      { extends: true, test: { name: 'e2e-helm4', include: [E2E], exclude: [HELM_FIDELITY], env: { LIFESUB_TEST_HELM_MAJOR: '4' } } },
    ],
  },
});
