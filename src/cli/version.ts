// `lifesub version` and `--version`/`-V`: the package version, read from package.json (no heavy imports).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { EXIT } from '../core/errors.js';
import { packageRoot } from '../config/package-root.js';
import type { Io } from './run-graph-command.js';
import type { Wrap } from './wrap.js';

/** The `version` field of lifesub's package.json, e.g. "0.1.0". */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** `lifesub version [-o json]`: the same number as `--version`, plus the Node.js version in JSON. */
export function versionCommand(io: Io, wrap: Wrap): Command {
  return new Command('version')
    .description('Print the lifesub version (same as --version)')
    .addOption(new Option('-o, --output <format>', 'text or json').choices(['text', 'json']).default('text'))
    .action(
      wrap(async (flags: { output?: string }) => {
        const version = packageVersion();
        io.stdout.write(flags.output === 'json' ? `${JSON.stringify({ type: 'version', version, node: process.versions.node })}\n` : `${version}\n`);
        return EXIT.ok;
      }),
    );
}
