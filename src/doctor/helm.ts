// Helm: the ingress controller and the databases are Helm releases. Resolved exactly as every later
// helm call resolves it (config `tools.helm` / LIFESUB_HELM, else PATH, else the sandbox's bundled one).
import type { Check } from './check.js';
import { NOT_AVAILABLE, probing } from './probe.js';

const WHY = 'the ingress controller and the three PostgreSQL databases are installed with Helm';

export const helmCheck: Check = {
  name: 'helm',
  title: 'Helm 3.13 or newer',
  why: WHY,
  async run({ adapters, signal }) {
    const { helm } = adapters;
    if (!helm.version) return NOT_AVAILABLE;
    return probing(
      signal,
      () => helm.version!({ signal }),
      ({ binary, version }) => `${version} (${binary})`,
      // A helm named in the configuration is the user's to fix; none on PATH is the machine's.
      (err) => ({
        why: WHY,
        fix: 'install Helm 3.13+ (https://helm.sh/docs/intro/install/)',
        origin: (err as { configured?: boolean }).configured ? 'input' : 'world',
      }),
    );
  },
};
