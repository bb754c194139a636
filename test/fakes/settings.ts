// Settings for unit tests, from the real defaults (config/default.yaml) and ID "alice".
import { resolveSettings } from '../../src/config/load.js';
import type { Settings } from '../../src/config/schema.js';

export function testSettings(id = 'alice'): Settings {
  const s = resolveSettings({ id, workspace: '/tmp/lifesub-test-workspace', yes: true });
  // A deep copy so a test may change config values freely.
  return structuredClone(s);
}
