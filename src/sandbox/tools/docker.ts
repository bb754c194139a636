// The sandbox's `docker`: build, push, login/logout, image inspect, version.
import { all, has, last, MissingValue, parseArgs, UnknownFlag, type FlagSpec, type ParsedArgs } from './args.js';
import { build } from './docker-build.js';
import { findImage, listImages, normalizeRef } from './docker-images.js';
import { login, logout } from './docker-login.js';
import { push } from './docker-push.js';
import { runTool, ToolExit, type ToolContext } from './runtime.js';

/** The engine version the sandbox's docker reports. */
const SANDBOX_DOCKER_VERSION = '27.5.1';

const BUILD: Record<string, FlagSpec> = {
  file: { value: true, short: 'f' },
  tag: { value: true, short: 't' },
  'build-arg': { value: true },
  label: { value: true },
  platform: { value: true },
  iidfile: { value: true },
  quiet: { value: false, short: 'q' },
  progress: { value: true },
  pull: { value: false },
  'no-cache': { value: false },
  load: { value: false },
};

function parse(command: string, args: string[], spec: Record<string, FlagSpec>): ParsedArgs {
  try {
    return parseArgs(args, spec);
  } catch (err) {
    if (err instanceof UnknownFlag || err instanceof MissingValue) {
      throw new ToolExit(1, `${err.message}\nSee 'docker ${command} --help'.`);
    }
    throw err;
  }
}

function exactlyOne(parsed: ParsedArgs, command: string, usage: string): string {
  if (parsed.positionals.length !== 1) {
    throw new ToolExit(1, `"docker ${command}" requires exactly 1 argument.\nSee 'docker ${command} --help'.\n\nUsage:  docker ${command} ${usage}`);
  }
  return parsed.positionals[0] as string;
}

async function main(ctx: ToolContext): Promise<void> {
  let [command, ...args] = ctx.argv;
  if (command === 'buildx' && args[0] === 'build') [command, ...args] = args;
  if (command === 'image' && ['build', 'push', 'inspect'].includes(args[0] ?? '')) [command, ...args] = args;
  switch (command) {
    case 'build': {
      const parsed = parse('buildx build', args, BUILD);
      const context = exactlyOne(parsed, 'buildx build', '[OPTIONS] PATH | URL | -');
      return build(ctx, {
        context,
        dockerfile: last(parsed, 'file'),
        tags: all(parsed, 'tag'),
        buildArgs: all(parsed, 'build-arg'),
        labels: all(parsed, 'label'),
        platform: last(parsed, 'platform'),
        iidfile: last(parsed, 'iidfile'),
        quiet: has(parsed, 'quiet'),
      });
    }
    case 'push': {
      const parsed = parse('push', args, { quiet: { value: false, short: 'q' }, platform: { value: true }, 'disable-content-trust': { value: false } });
      return push(ctx, exactlyOne(parsed, 'push', '[OPTIONS] NAME[:TAG]'), has(parsed, 'quiet'));
    }
    case 'login': {
      const parsed = parse('login', args, { username: { value: true, short: 'u' }, password: { value: true, short: 'p' }, 'password-stdin': { value: false } });
      if (parsed.positionals.length > 1) throw new ToolExit(1, `"docker login" requires at most 1 argument.\nSee 'docker login --help'.`);
      return login(ctx, {
        server: parsed.positionals[0] ?? 'docker.io',
        username: last(parsed, 'username'),
        password: last(parsed, 'password'),
        passwordStdin: has(parsed, 'password-stdin'),
      });
    }
    case 'logout': {
      const parsed = parse('logout', args, {});
      return logout(ctx, parsed.positionals[0] ?? 'docker.io');
    }
    case 'inspect': {
      const parsed = parse('inspect', args, { format: { value: true, short: 'f' }, type: { value: true } });
      const found = parsed.positionals.map((ref) => {
        const n = normalizeRef(ref);
        const image = 'error' in n ? undefined : findImage(ctx.paths().imagesDir, n.ref);
        if (!image) throw new ToolExit(1, `[]\nError: No such image: ${ref}`);
        return {
          Id: image.id,
          RepoTags: listImages(ctx.paths().imagesDir)
            .filter((i) => i.id === image.id)
            .map((i) => i.ref),
          Created: image.created,
          Size: image.size,
        };
      });
      return ctx.out(`${JSON.stringify(found, null, 4)}\n`);
    }
    case 'version': {
      // `--format` is a Go template over {Client, Server}; the two fields anyone asks for are answered.
      const format = last(parse('version', args, { format: { value: true, short: 'f' } }), 'format');
      if (format !== undefined) {
        const answered = format.replace(/\{\{\s*\.(Server|Client)\.Version\s*\}\}/g, SANDBOX_DOCKER_VERSION);
        if (answered.includes('{{'))
          throw new ToolExit(1, `template parsing error: lifesub sandbox docker answers only {{.Server.Version}} and {{.Client.Version}}`);
        return ctx.out(`${answered}\n`);
      }
      return ctx.out('Client:\n Version:           27.5.1 (lifesub sandbox)\n\nServer:\n Engine:\n  Version:          27.5.1 (lifesub sandbox)\n');
    }
    default:
      throw new ToolExit(1, `docker: '${command ?? ''}' is not a docker command.\nSee 'docker --help'`);
  }
}

runTool('docker', main);
