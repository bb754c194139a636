// Builds the backend jars with the repository's Gradle wrapper in one invocation (Gradle parallelises
// and shares the daemon), then checks that every jar the images expect is really there.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceConfig, Settings } from '../config/schema.js';
import { rethrowWithHint, ToolError } from '../core/errors.js';
import type { StepDefinition } from '../graph/step.js';
import { need } from '../graph/step.js';
import { inRegistry } from './image-tags.js';

function backends(settings: Settings): ServiceConfig[] {
  return settings.config.services.filter((s) => s.kind === 'backend');
}

export function gradleTasks(settings: Settings, only: readonly ServiceConfig[] = backends(settings)): string[] {
  return only.map((s) => `:${need(s.module, `module of ${s.name}`)}:build`);
}

export const jarsStep: StepDefinition = {
  name: 'jars',
  title: 'Build the backend jars',
  // image-tags: Gradle runs only for the modules whose image the registry does not have yet.
  reads: ['repoDirs', 'imagesInRegistry'],
  pool: 'builds',
  timeout: 'build',
  costS: 90, // three Spring Boot modules, cold Gradle daemon
  plan: (settings) => [
    `./gradlew ${gradleTasks(settings).join(' ')} -x test (in ${settings.config.repositories.lifesub.dir}; only the modules whose image is not in the registry)`,
  ],
  async run(ctx) {
    const dir = need(ctx.facts.repoDirs, 'repoDirs').lifesub;
    const todo = backends(ctx.settings).filter((s) => !inRegistry(ctx.facts, s.name));
    if (todo.length === 0) return { skipped: 'every backend image is already in the registry' };
    const tasks = gradleTasks(ctx.settings, todo);
    await ctx.adapters.gradle
      .build(dir, tasks, { signal: ctx.signal, onLine: ctx.output })
      .catch(rethrowWithHint(`fix the build error shown above; reproduce with \`./gradlew ${tasks.join(' ')} -x test\` in ${dir}`));
    const jars = todo.map((s) => need(s.jar, `jar of ${s.name}`));
    for (const jar of jars) {
      if (!existsSync(join(dir, jar))) {
        throw new ToolError(
          `gradle finished but ${jar} is missing in ${dir}`,
          'check that the branch is the lab one and its bootJar name matches services[].jar in the configuration',
        );
      }
    }
    return { message: jars.map((j) => j.split('/').pop()).join(', ') };
  },
};
