// Loading lifesub's configuration: the bundled defaults (config/default.yaml), deep-merged with the
// user's `--config FILE` (mappings merge, arrays replace), validated so every problem shows at once.
import { UserError } from '../core/errors.js';
import { readConfig } from './read.js';
import type { Config } from './schema.js';

export { defaultConfigPath, readConfig, type ConfigReading } from './read.js';
export { expandHome, resolveSettings, type SettingsFlags } from './settings.js';

/** Defaults merged with `file` (if given) and validated; throws UserError listing every problem. */
export function loadConfig(file?: string): Config {
  const reading = readConfig(file);
  if (reading.config) return reading.config;
  throw new UserError(reading.problems.join('\n'), reading.hints.join('; '));
}
