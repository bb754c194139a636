// A machine as doctor sees it, for tests: every probe answers what the test says, a healthy lab VM by
// default. Built on the scripted fakes (test/fakes), so any other adapter call still fails loudly.
import type { Adapters, DirState, JdkFound } from '../../../src/adapters/types.js';
import type { Settings } from '../../../src/config/schema.js';
import { ToolError, UserError } from '../../../src/core/errors.js';
import type { CheckContext } from '../../../src/doctor/check.js';
import { createFakes, type Fakes } from '../../fakes/adapters.js';
import { testSettings } from '../../fakes/context.js';

type Answer<T> = T | Error | 'hang';

export interface World {
  helm: Answer<{ binary: string; version: string }>;
  docker: Answer<string>;
  git: Answer<string>;
  jdk: Answer<JdkFound>;
  ping: Answer<{ server: string; context: string; version: string }>;
  registry: Answer<{ loginServer: string; method: 'admin' | 'token' }>;
  dir: Answer<DirState>;
}

export const HEALTHY: World = {
  helm: { binary: 'helm', version: 'v3.17.3' },
  docker: '27.5.1',
  git: '2.43.0',
  jdk: { version: '21.0.5', where: 'java on PATH', need: { release: 21, declaration: "sourceCompatibility = '21'" } },
  ping: { server: 'https://aks.example:443', context: 'aks-lab', version: 'v1.30.4' },
  registry: { loginServer: 'alicecr.azurecr.io', method: 'admin' },
  dir: { kind: 'directory', existingAncestor: '/home/azureuser/workspace', writable: true, freeBytes: 40 * 1024 ** 3 },
};

/** Resolves, rejects or (for 'hang') waits for the signal, like a real probe would. */
function answer<T>(a: Answer<T>, signal: AbortSignal, calls: string[], name: string): Promise<T> {
  calls.push(name);
  if (a === 'hang') return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
  return a instanceof Error ? Promise.reject(a) : Promise.resolve(a);
}

export interface DoctorFakes {
  adapters: Adapters & Pick<Fakes, 'verify'>;
  /** Every probe called, in order of calls. */
  calls: string[];
  /** Signals each probe got (to check they are honoured). */
  signals: AbortSignal[];
}

export function doctorFakes(overrides: Partial<World> = {}): DoctorFakes {
  const w = { ...HEALTHY, ...overrides };
  const fakes = createFakes();
  const calls: string[] = [];
  const signals: AbortSignal[] = [];
  const on = <T>(a: Answer<T>, name: string, signal: AbortSignal) => (signals.push(signal), answer(a, signal, calls, name));
  const adapters = {
    ...fakes,
    helm: Object.assign(fakes.helm, { version: (o: { signal: AbortSignal }) => on(w.helm, 'helm', o.signal) }),
    docker: Object.assign(fakes.docker, { engineVersion: (o: { signal: AbortSignal }) => on(w.docker, 'docker', o.signal) }),
    git: Object.assign(fakes.git, { version: (o: { signal: AbortSignal }) => on(w.git, 'git', o.signal) }),
    gradle: Object.assign(fakes.gradle, { checkJdk: (_dir: string | undefined, o: { signal: AbortSignal }) => on(w.jdk, 'jdk', o.signal) }),
    kube: Object.assign(fakes.kube, { ping: (signal: AbortSignal) => on(w.ping, 'ping', signal) }),
    registry: Object.assign(fakes.registry, {
      credentials: async (name: string, signal: AbortSignal) => ({ ...(await on(w.registry, `registry ${name}`, signal)), username: name, password: 's3cret' }),
    }),
    host: { inspectDir: (_path: string, signal: AbortSignal) => on(w.dir, 'dir', signal) },
  };
  return { adapters, calls, signals };
}

export function checkContext(adapters: Adapters, settings: Partial<Settings> = {}, signal = new AbortController().signal): CheckContext {
  return { adapters, settings: testSettings({ workspace: '/home/azureuser/workspace', ...settings }), signal };
}

export { ToolError, UserError };
