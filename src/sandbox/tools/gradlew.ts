// The sandbox Gradle wrapper: `./gradlew :member:clean :member:build -x test --console=plain`.
// Resolves tasks against settings.gradle like Gradle, then writes each module's jar with bytes
// that depend only on its sources (an unchanged rebuild gives an identical jar).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { jarName, projectDeps, readSettings, sourceHash, type GradleBuild } from './gradle-project.js';
import { runTool, ToolExit, type ToolContext } from './runtime.js';

const TASKS = ['clean', 'build', 'assemble', 'bootJar', 'jar', 'classes', 'compileJava', 'test', 'check'];
const SWITCHES = new Set(['-q', '--quiet', '--no-daemon', '--daemon', '--offline', '--stacktrace', '-s', '--info', '-i', '--parallel', '--build-cache', '--no-build-cache', '--scan', '--no-scan', '--refresh-dependencies']);

function failure(what: string, tryText = '> Run with --stacktrace option to get the stack trace.'): ToolExit {
  return new ToolExit(1, `\nFAILURE: Build failed with an exception.\n\n* What went wrong:\n${what}\n\n* Try:\n${tryText}\n\nBUILD FAILED in 1s`);
}

interface Plan {
  requested: Array<{ module: string; task: string }>;
  excluded: Set<string>;
  quiet: boolean;
}

function plan(build: GradleBuild, argv: string[]): Plan {
  const requested: Plan['requested'] = [];
  const excluded = new Set<string>();
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-x' || arg === '--exclude-task') {
      const task = argv[++i];
      if (!task) throw new ToolExit(1, `Command-line option '${arg}' expects an argument.`);
      excluded.add(task.replace(/^.*:/, ''));
    } else if (arg.startsWith('--console=') || arg.startsWith('--warning-mode=') || /^-[PD]\S+/.test(arg) || SWITCHES.has(arg)) {
      if (arg === '-q' || arg === '--quiet') quiet = true;
    } else if (arg.startsWith('-')) {
      throw new ToolExit(1, `\nUnknown command-line option '${arg}'.\n\nUSAGE: gradlew [option...] [task...]`);
    } else {
      const parts = arg.replace(/^:/, '').split(':');
      const task = parts.pop() as string;
      const module = parts.join('/');
      if (module && !build.modules.includes(module)) {
        throw failure(`Project '${module}' not found in root project '${build.name}'.`, '> Run gradlew projects to get a list of available projects.');
      }
      if (!TASKS.includes(task)) {
        throw failure(`Task '${task}' not found in ${module ? `project ':${module}'` : `root project '${build.name}'`}.`, '> Run gradlew tasks to get a list of available tasks.');
      }
      // An unqualified task runs in every project, like Gradle's task selection.
      for (const m of module ? [module] : build.modules) requested.push({ module: m, task });
    }
  }
  return { requested, excluded, quiet };
}

async function main(ctx: ToolContext): Promise<void> {
  const root = process.cwd();
  const build = readSettings(root);
  if (!build) throw failure(`Directory '${root}' does not contain a Gradle build.`);
  const { requested, excluded, quiet } = plan(build, ctx.argv);
  const log = (line: string) => {
    if (!quiet) ctx.out(`${line}\n`);
  };
  const started = Date.now();
  let executed = 0;
  const built = new Set<string>();
  const assemble = (module: string) => {
    if (built.has(module)) return;
    built.add(module);
    for (const dep of projectDeps(build, module)) assemble(dep);
    const jar = jarName(build, module);
    for (const t of ['compileJava', 'processResources', 'classes', jar.boot ? 'bootJar' : 'jar']) log(`> Task :${module}:${t}`);
    const dir = path.join(root, module, 'build', 'libs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, jar.name), `LIFESUB-SANDBOX-JAR\nproject: ${build.name}:${module}\nsources: ${sourceHash(build, module)}\n`);
    executed += 4;
  };
  await ctx.delay('gradleBuild');
  for (const { module, task } of requested) {
    if (excluded.has(task)) continue;
    if (task === 'clean') {
      rmSync(path.join(root, module, 'build'), { recursive: true, force: true });
      built.delete(module);
      log(`> Task :${module}:clean`);
      executed++;
      continue;
    }
    if (['build', 'assemble', 'bootJar', 'jar'].includes(task)) assemble(module);
    if (task === 'build' || task === 'assemble') log(`> Task :${module}:assemble`);
    if (task === 'build' || task === 'check' || task === 'test') {
      if (!excluded.has('test')) log(`> Task :${module}:test`);
      if (task !== 'test' && !excluded.has('check')) log(`> Task :${module}:check`);
    }
    if (task === 'build') log(`> Task :${module}:build`);
    executed++;
  }
  const seconds = Math.max(1, Math.round((Date.now() - started) / 1000));
  log(`\nBUILD SUCCESSFUL in ${seconds}s\n${executed} actionable tasks: ${executed} executed`);
}

runTool('gradle', main);
