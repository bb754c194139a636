// Azure: the student's registry `<id>cr` must exist in the signed-in subscription and hand out
// credentials — the same read the registry-login step makes (find it, then its admin or token login).
import type { Check } from './check.js';
import { probing } from './probe.js';

const WHY = 'the images are pushed to this registry and the cluster pulls them from it';

export const registryCheck: Check = {
  name: 'registry',
  title: 'Azure sign-in and the registry <id>cr',
  why: WHY,
  // DefaultAzureCredential tries several sources in turn (environment, managed identity, az CLI).
  timeoutMs: 30_000,
  async run({ adapters, settings, signal }) {
    return probing(
      signal,
      () => adapters.registry.credentials(settings.registryName, signal),
      (c) => `${settings.registryName} (${c.loginServer}, ${c.method === 'admin' ? 'admin user' : 'Azure AD token'})`,
      // Not signed in, the registry missing, no role on it: all the world's state, not a flag to fix.
      () => ({ why: WHY, fix: `run \`az login\`, then \`az acr show -n ${settings.registryName}\``, origin: 'world' }),
    );
  },
};

/** Stands in for registryCheck when no ID was given (doctor without --id). */
export const registrySkipped: Check = {
  ...registryCheck,
  run: async () => ({ skipped: 'pass --id ID to check the registry <id>cr' }),
};
