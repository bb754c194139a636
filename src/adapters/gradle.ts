// Gradle through the repository's own wrapper (./gradlew), which pins the Gradle version the lab
// was written for; a system `gradle` may be missing or too new.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError } from '../core/errors.js';
import type { CallOptions, CommandRunner, Gradle } from './types.js';

export class GradleWrapper implements Gradle {
  constructor(private readonly runner: CommandRunner) {}

  async build(repoDir: string, tasks: string[], options: CallOptions): Promise<void> {
    const wrapper = join(repoDir, 'gradlew');
    await checkWrapper(wrapper, repoDir);
    await this.runner.run(wrapper, [...tasks, '-x', 'test', '--console=plain'], {
      cwd: repoDir,
      signal: options.signal,
      onLine: options.onLine,
    });
  }
}

async function checkWrapper(wrapper: string, repoDir: string): Promise<void> {
  try {
    await access(wrapper, constants.F_OK);
  } catch {
    throw new ToolError(
      `no Gradle wrapper at ${wrapper}`,
      `check that ${repoDir} is a complete clone of the lab repository (it ships gradlew), or delete it so it is cloned again`,
    );
  }
  try {
    await access(wrapper, constants.X_OK);
  } catch {
    throw new ToolError(`the Gradle wrapper ${wrapper} is not executable`, `run: chmod +x ${wrapper}`);
  }
}
