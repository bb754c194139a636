// `lifesub class init`: a commented class.yaml to start from. Never overwrites an existing roster.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { DEFAULT_CLASS_CONCURRENCY } from './roster.js';

/** The text of a new roster: two example students, every shared setting shown and explained. */
export function rosterTemplate(): string {
  return `# lifesub class roster: one entry per student. \`lifesub class up\` sets every student's lab up on one
# shared cluster; \`lifesub class status\` shows them; \`lifesub class down\` removes them.

# kubeconfig context of the shared cluster (default: the current context).
# context: aks-class
# kubeconfig: ~/.kube/config

# A lifesub --config file applied to every student (routing mode, timeouts, …). Optional.
# config: ./lifesub.yaml

# How many students are set up at once (the images are built only once, before them).
concurrency: ${DEFAULT_CLASS_CONCURRENCY}

# The registry the four images are built and pushed into once; every student's registry gets them by a
# server-side ACR import from here. Default: the first student's registry.
# sourceRegistry: instructorcr

# Each student's namespace gets a ResourceQuota and a LimitRange. The default budget fits one lab
# (its Deployments, one rolling-update surge each, and the three PostgreSQL databases). Keys:
# requests.cpu, requests.memory, limits.cpu, limits.memory, pods, persistentvolumeclaims, requests.storage
# budget:
#   limits.memory: 12Gi

students:
  # The ID names the namespace <id>-lifesub-ns and the registry <id>cr.
  - id: alice
  - id: bob
    # Overrides for one student:
    # registry: bobregistry01
    # budget: { limits.cpu: "10" }
`;
}

/** Writes the template to `file`; throws UserError (exit 2, nothing changed) when it exists. */
export function writeRosterTemplate(file: string): void {
  if (existsSync(file)) throw new UserError(`${file} already exists`, 'edit it, or pass another --roster FILE to write a new one');
  try {
    writeFileSync(file, rosterTemplate(), { flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UserError(
        `cannot write ${file}: the folder ${dirname(resolve(file))} does not exist`,
        'create the folder first, or pass --roster with a path in an existing folder',
      );
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new UserError(`cannot write ${file}: ${(err as Error).message}`, 'pass --roster with a path you may write to');
    throw err;
  }
}
