import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { EXIT, UserError } from '../core/errors.js';
import { CONFIG_FILE_NAME } from '../config/sources.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';

interface InitFlags {
  id?: string;
  force?: boolean;
  file?: string;
}

export function initCommand(io: Io, wrap: Wrap): Command {
  return new Command('init')
    .description(`Write a commented ${CONFIG_FILE_NAME} in the current directory (refuses to overwrite one without --force)`)
    .option('--id <id>', 'your lab ID, written into the file')
    .option('--file <path>', 'write here instead', CONFIG_FILE_NAME)
    .option('--force', 'overwrite an existing file')
    .addHelpText('after', `\nExamples:\n  lifesub init --id alice\n  lifesub config      # shows what the file and the environment set`)
    .action(
      wrap(async (flags: InitFlags) => {
        const [{ initFileText }, { idProblems }, { readConfig }, { pathProblem }] = await Promise.all([
          import('../config/init-file.js'),
          import('../config/id.js'),
          import('../config/read.js'),
          import('../config/paths.js'),
        ]);
        const path = resolve(flags.file ?? CONFIG_FILE_NAME);
        const where = pathProblem(path, 'file', '--file');
        if (where) throw new UserError(`cannot write: ${where}`, 'give --file a file path');
        if (flags.id !== undefined) {
          const problems = idProblems(flags.id, readConfig().config!);
          if (problems.length > 0)
            throw new UserError(
              `cannot write ${path}:\n- ${problems.join('\n- ')}`,
              'pass the lab ID your registry and namespace are named after, e.g. --id dg0200',
            );
        }
        if (existsSync(path) && !flags.force) {
          throw new UserError(`${path} already exists; nothing was changed`, 'edit it, or pass --force to replace it with a fresh commented file');
        }
        writeFileSync(path, initFileText(flags.id));
        io.stdout.write(`wrote ${path}\nnext: lifesub config   (shows the effective values)\n`);
        return EXIT.ok;
      }),
    );
}
