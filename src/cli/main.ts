// Entry point of the built CLI (bin/lifesub loads dist/cli/main.js). Declares the commands and maps
// every outcome to an exit code: 0 ok, 1 a step failed (or not ready, or a "no"), 2 usage/invalid input,
// 3 `status`: nothing found for the ID, 130 interrupted.
import { Command, CommanderError } from 'commander';
import { EXIT } from '../core/errors.js';
import { bugStack, formatExitReport, toExitReport } from './exit.js';
import { doctorCommand } from './doctor.js';
import { classCommand } from './class.js';
import { completionCommand } from './completion.js';
import { configCommand } from './config.js';
import { downCommand } from './down.js';
import { initCommand } from './init.js';
import { listCommand } from './list.js';
import { renderCommand } from './render.js';
import { sandboxCommand } from './sandbox.js';
import { statusCommand } from './status.js';
import { upCommand } from './up.js';
import type { Io } from './run-graph-command.js';
import { packageVersion, versionCommand } from './version.js';
import { localizeIo } from '../i18n/io.js';
import { localizeProgram } from '../i18n/help.js';
import { detectLang, setLang } from '../i18n/lang.js';

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('lifesub')
    .description('Stand up the lifesub Kubernetes lab end to end — and take it away again.')
    .version(packageVersion(), '-V, --version', 'print the lifesub version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  const wrap =
    <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
    async (...args: A): Promise<void> => {
      setExit(await fn(...args));
    };
  program.addCommand(upCommand(io, wrap));
  program.addCommand(downCommand(io, wrap));
  program.addCommand(renderCommand(io, wrap));
  program.addCommand(statusCommand(io, wrap));
  program.addCommand(listCommand(io, wrap));
  program.addCommand(sandboxCommand(io, wrap));
  program.addCommand(doctorCommand(io, wrap));
  program.addCommand(classCommand(io, wrap));
  program.addCommand(initCommand(io, wrap));
  program.addCommand(configCommand(io, wrap));
  program.addCommand(versionCommand(io, wrap));
  program.addCommand(completionCommand(io, wrap));
  // addCommand does not copy settings to subcommands (and their own subcommands): apply them everywhere.
  const configure = (c: Command): void => {
    c.exitOverride()
      .showHelpAfterError('(run with --help for usage)')
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    c.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  // Korean or English help and the global --lang (src/i18n); the language itself was chosen in main().
  localizeProgram(program);
  return program;
}

export async function main(argv: string[], ioIn: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  // The reader's language (--lang, LC_ALL/LC_MESSAGES/LANG; --output json: English); people's output is translated on the way out.
  setLang(detectLang(argv, process.env));
  const io = localizeIo(ioIn, argv);
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; anything else commander rejects is a usage error.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    const report = toExitReport(err);
    io.stderr.write(`${formatExitReport(report)}\n`);
    const stack = bugStack(err);
    if (stack && (argv.includes('-v') || argv.includes('--verbose') || process.env.LIFESUB_DEBUG)) io.stderr.write(`${stack}\n`);
    return report.code;
  }
}
