// Shared inputs for the render tests.
import type { KubeObject } from '../../../src/adapters/types.js';
import { resolveSettings } from '../../../src/config/load.js';
import type { Settings } from '../../../src/config/schema.js';
import type { Credentials } from '../../../src/graph/step.js';

export const settings: Settings = resolveSettings({ id: 'alice' });

export const credentials: Credentials = {
  postgresPassword: 'pg-super-0123456789abcdef',
  replicationPassword: 'repl-0123456789abcdefghij',
  userPasswords: { member: 'member-pw-0123456789abcdef', mysub: 'mysub-pw-0123456789abcdef', recommend: 'rec-pw-0123456789abcdefgh' },
  jwtSecret: 'j'.repeat(70),
};

export function find(objects: KubeObject[], kind: string, name: string): KubeObject & Record<string, any> {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found as KubeObject & Record<string, any>;
}

export function decode(value: string): string {
  return Buffer.from(value, 'base64').toString('utf8');
}
