// Docker: the four images are built and pushed with the docker CLI, which needs a running engine.
import type { Check } from './check.js';
import { NOT_AVAILABLE, probing } from './probe.js';

const WHY = 'the four images are built and pushed with docker';

export const dockerCheck: Check = {
  name: 'docker',
  title: 'Docker engine reachable',
  why: WHY,
  async run({ adapters, signal }) {
    const { docker } = adapters;
    if (!docker.engineVersion) return NOT_AVAILABLE;
    return probing(
      signal,
      () => docker.engineVersion!({ signal }),
      (version) => `engine ${version}`,
      // A missing CLI comes with the runner's install hint; a CLI without its engine gets this one.
      () => ({
        why: WHY,
        fix: 'start the Docker engine (`sudo systemctl start docker`); if it runs, let your user use it (`sudo usermod -aG docker $USER`, then log in again)',
        origin: 'world',
      }),
    );
  },
};
