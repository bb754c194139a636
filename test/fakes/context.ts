// A StepContext for step tests: settings from config/default.yaml for ID `alice`, fake adapters, an
// AbortController, and every logged line collected (tests scan them for secrets).
import { loadConfig } from '../../src/config/load.js';
import type { Config, Settings } from '../../src/config/schema.js';
import type { Facts, StepContext } from '../../src/graph/step.js';
import { createFakes, type Fakes } from './adapters.js';

export interface TestContext {
  ctx: StepContext;
  fakes: Fakes;
  logs: string[];
  controller: AbortController;
  settings: Settings;
}

export function testSettings(overrides: Partial<Settings> = {}): Settings {
  const config: Config = loadConfig();
  const id = overrides.id ?? 'alice';
  const registryName = `${id}${config.registrySuffix}`;
  return {
    id,
    namespace: `${id}${config.namespaceSuffix}`,
    registryName,
    loginServer: `${registryName}.${config.registry.domain}`,
    workspace: '/nonexistent/lifesub-test-workspace',
    config,
    yes: true,
    verbose: false,
    output: 'text',
    ...overrides,
  };
}

export function makeContext(options: { settings?: Partial<Settings>; facts?: Facts; fakes?: Fakes } = {}): TestContext {
  const settings = testSettings(options.settings);
  const fakes = options.fakes ?? createFakes();
  const controller = new AbortController();
  const logs: string[] = [];
  const ctx: StepContext = {
    settings,
    adapters: fakes,
    facts: options.facts ?? {},
    signal: controller.signal,
    log: (line) => logs.push(line),
    // Tool output is scanned for secrets like the step's own lines.
    output: (line) => logs.push(line),
    status: () => undefined,
  };
  return { ctx, fakes, logs, controller, settings };
}
