// `lifesub class …`: one instructor, one shared cluster, a roster of students (src/class/).
import { Command, InvalidArgumentError, Option } from 'commander';
import { addClusterOptions } from './options.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';
import type { ClassFlags } from '../class/plan.js';

/** `--only a,b --only c` → [a, b, c]. An empty value (`--only "$UNSET"`) is refused: it must never mean "everyone". */
const collect = (value: string, previous: string[] = []): string[] => {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new InvalidArgumentError('it names no student; give one or more roster IDs (omit --only for the whole class)');
  return [...previous, ...ids];
};

function classOptions(cmd: Command, only = true): Command {
  cmd.option('--roster <file>', 'the class roster', 'class.yaml');
  if (only) cmd.option('--only <id>', 'only these students (repeat or comma-separate)', collect);
  addClusterOptions(cmd);
  return cmd
    .option('--config <file>', 'YAML file overriding config/default.yaml for every student (default: the roster’s `config:`)')
    .option('--workspace <dir>', 'where the lifesub and lifesub-web repositories live')
    .addOption(new Option('-o, --output <format>', 'text for people, json for NDJSON on stdout').choices(['text', 'json']).default('text'))
    .option('--timeout <duration>', 'overall time limit, e.g. 60m')
    .option('-v, --verbose', 'show every line of tool output of the shared build')
    .option('--sandbox', 'run against the simulated cluster, registries and toolchain under $LIFESUB_HOME')
    .option('--profile <name>', 'sandbox latency profile: fast or realistic (default: the running sandbox’s, else fast)');
}

export function classCommand(io: Io, wrap: Wrap): Command {
  const cmd = new Command('class').description('Stand up, check and tear down a whole class of labs on one shared cluster, building the images once');

  cmd.addCommand(
    new Command('init')
      .description('write a commented class.yaml to start from (never overwrites)')
      .option('--roster <file>', 'where to write it', 'class.yaml')
      .action(
        wrap(async (flags: { roster: string }) => {
          const { writeRosterTemplate } = await import('../class/init.js');
          writeRosterTemplate(flags.roster);
          io.stdout.write(`wrote ${flags.roster}: add your students, then run \`lifesub class up --roster ${flags.roster}\`\n`);
          return 0;
        }),
      ),
  );

  cmd.addCommand(
    classOptions(new Command('up'))
      .description(
        'set every student of the roster up: shared ingress and image build once, then each student (namespace with a budget, databases, images imported into their registry, workloads, smoke check)',
      )
      .option('--concurrency <n>', 'students set up at once (default: the roster’s, else 4)')
      .option('--wait-lock', 'if another run of a student is going on, wait for it to finish instead of failing that student')
      .addHelpText('after', '\nExit codes: 0 all ready, 1 a student (or the shared build) failed, 2 invalid roster (nothing changed), 130 interrupted.')
      .action(
        wrap(async (flags: ClassFlags) => {
          const { classUp } = await import('../class/up.js');
          return classUp(flags, io as never);
        }),
      ),
  );

  cmd.addCommand(
    classOptions(new Command('status'))
      .description('one row per student: namespace, ready, web URL, age, and what is wrong (read-only)')
      .addOption(new Option('--format <format>', 'text table, or markdown to paste for the students').choices(['text', 'markdown']).default('text'))
      .addHelpText('after', '\nExit codes: 0 every selected student ready, 1 a student not ready, 2 invalid roster.')
      .action(
        wrap(async (flags: ClassFlags & { format?: string }) => {
          const { classStatus } = await import('../class/status.js');
          return classStatus(flags, io as never);
        }),
      ),
  );

  cmd.addCommand(
    classOptions(new Command('down'))
      .description("remove every student's lab with down's safety rules; the shared ingress controller only with --include-ingress once no lab remains")
      .option('-y, --yes', 'do not ask for confirmation')
      .option('--concurrency <n>', 'students removed at once (default: the roster’s, else 4)')
      .option('--wait-lock', 'if another run of a student is going on, wait for it to finish instead of failing that student')
      .option('--keep-data', 'keep the database volumes and credentials')
      .option('--force', 'also delete objects lifesub did not create in the students’ namespaces')
      .option('--include-ingress', 'then remove the shared ingress controller, if lifesub installed it and no lab or other Ingress uses it')
      .addHelpText('after', '\nExit codes: 0 every selected lab removed, 1 a student could not be removed, 2 invalid roster or not confirmed, 130 interrupted.')
      .action(
        wrap(async (flags: ClassFlags & { keepData?: boolean; force?: boolean; includeIngress?: boolean }) => {
          const { classDown } = await import('../class/down.js');
          return classDown(flags, io as never);
        }),
      ),
  );

  return cmd;
}
