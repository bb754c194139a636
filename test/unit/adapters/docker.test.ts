import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DockerCli } from '../../../src/adapters/docker.js';
import { ToolError } from '../../../src/core/errors.js';
import { ScriptedRunner } from '../../fakes/runner.js';

const signal = new AbortController().signal;
const IMAGE_ID = `sha256:${'a'.repeat(64)}`;

/** The real docker writes the image ID to --iidfile; the fake does the same from a predicate. */
function writesIidFile(expectedPrefix: string[], id: string | undefined) {
  return (args: readonly string[]) => {
    const i = args.indexOf('--iidfile');
    if (i < 0 || args.slice(0, expectedPrefix.length).join('\0') !== expectedPrefix.join('\0')) return false;
    if (id !== undefined) writeFileSync(args[i + 1]!, `${id}\n`);
    return true;
  };
}

describe('DockerCli', () => {
  test('build: exact argv, dockerfile resolved against the context, image ID from the iidfile', async () => {
    const prefix = [
      'build',
      '-f',
      '/w/lifesub/deployment/Dockerfile',
      '--build-arg',
      'BUILD_LIB_DIR=member/build/libs',
      '--build-arg',
      'ARTIFACTORY_FILE=member.jar',
      '-t',
      'democr.azurecr.io/lifesub/member:1.0.0',
      '--label',
      'lifesub/id=alice',
      '--platform',
      'linux/amd64',
      '/w/lifesub',
      '--iidfile',
    ];
    const runner = new ScriptedRunner([{ file: 'docker', args: writesIidFile(prefix, IMAGE_ID) }]);
    const { imageId } = await new DockerCli(runner).build(
      {
        context: '/w/lifesub',
        dockerfile: 'deployment/Dockerfile',
        tags: ['democr.azurecr.io/lifesub/member:1.0.0'],
        buildArgs: { BUILD_LIB_DIR: 'member/build/libs', ARTIFACTORY_FILE: 'member.jar' },
        labels: { 'lifesub/id': 'alice' },
        platform: 'linux/amd64',
      },
      { signal },
    );
    expect(imageId).toBe(IMAGE_ID);
    expect(runner.calls[0]!.args).toHaveLength(prefix.length + 1);
    runner.assertDone();
  });

  test('build: a missing image ID is a ToolError', async () => {
    const runner = new ScriptedRunner([{ file: 'docker', args: writesIidFile(['build'], undefined) }]);
    const build = { context: '/w', dockerfile: '/abs/Dockerfile', tags: ['t'], buildArgs: {} };
    await expect(new DockerCli(runner).build(build, { signal })).rejects.toBeInstanceOf(ToolError);
    expect(runner.calls[0]!.args.slice(0, 3)).toEqual(['build', '-f', '/abs/Dockerfile']);
  });

  test('push parses the digest', async () => {
    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    const runner = new ScriptedRunner([
      { file: 'docker', args: ['push', 'r/x:1'], result: { stdout: `The push refers to repository [r/x]\n1: digest: ${digest} size: 1570` } },
      { file: 'docker', args: ['push', 'r/y:1'], result: { stdout: 'pushed' } },
    ]);
    const docker = new DockerCli(runner);
    expect(await docker.push('r/x:1', { signal })).toEqual({ digest });
    expect(await docker.push('r/y:1', { signal })).toEqual({});
  });

  test('login: password only on stdin and declared as a secret', async () => {
    const runner = new ScriptedRunner([{ file: 'docker', args: ['login', 'democr.azurecr.io', '-u', 'democr', '--password-stdin'] }]);
    await new DockerCli(runner).login('democr.azurecr.io', 'democr', 'pw-123', { signal });
    const call = runner.calls[0]!;
    expect(call.input).toBe('pw-123');
    expect(call.secrets).toEqual(['pw-123']);
    expect(call.args).not.toContain('pw-123');
    runner.assertDone();
  });

  test('the temporary iidfile is removed', async () => {
    let iid = '';
    const runner = new ScriptedRunner([
      {
        file: 'docker',
        args: (a) => {
          iid = a[a.indexOf('--iidfile') + 1]!;
          writeFileSync(iid, IMAGE_ID);
          return true;
        },
      },
    ]);
    await new DockerCli(runner).build({ context: '/w', dockerfile: 'D', tags: [], buildArgs: {} }, { signal });
    expect(() => readFileSync(iid)).toThrow();
  });
});
