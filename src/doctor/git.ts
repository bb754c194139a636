// git: the two lab repositories are cloned (and later inspected) with git.
import type { Check } from './check.js';
import { NOT_AVAILABLE, probing } from './probe.js';

const WHY = 'the lifesub and lifesub-web repositories are cloned with git';

export const gitCheck: Check = {
  name: 'git',
  title: 'git',
  why: WHY,
  async run({ adapters, signal }) {
    const { git } = adapters;
    if (!git.version) return NOT_AVAILABLE;
    return probing(
      signal,
      () => git.version!({ signal }),
      (version) => `git ${version}`,
      () => ({ why: WHY, fix: 'install git (e.g. `sudo apt-get install git`)', origin: 'world' }),
    );
  },
};
