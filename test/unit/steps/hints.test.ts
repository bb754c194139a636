// Every tool failure reaches the user with a hint: steps add their own when the adapter set none, and
// never overwrite one the adapter set (it knows more, e.g. "install helm").
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AbortedError, ToolError, UserError, withHint } from '../../../src/core/errors.js';
import type { StepDefinition } from '../../../src/graph/step.js';
import {
  chartReposStep,
  databaseStep,
  imageStep,
  ingressStep,
  jarsStep,
  legacyCleanupStep,
  pushStep,
  registryLoginStep,
  dockerLoginStep,
  removeIngressStep,
  reposStep,
  uninstallStep,
} from '../../../src/steps/index.js';
import type { Fakes } from '../../fakes/adapters.js';
import { makeContext, testSettings } from '../../fakes/context.js';

describe('withHint', () => {
  test('fills in a missing hint on the same ToolError or UserError', () => {
    const tool = new ToolError('helm exited with code 1', undefined, { details: 'Error: boom' });
    expect(withHint(tool, 'do this')).toBe(tool);
    expect(tool.hint).toBe('do this');
    expect(tool.details).toBe('Error: boom');
    const user = new UserError('bad');
    expect(withHint(user, 'fix it')).toBe(user);
    expect(user.hint).toBe('fix it');
  });

  test('keeps a hint the adapter already set', () => {
    const err = new ToolError('helm not found', 'install Helm 3');
    expect((withHint(err, 'see helm above') as ToolError).hint).toBe('install Helm 3');
  });

  test('wraps anything else in a ToolError keeping it as cause', () => {
    const cause = new Error('socket hang up');
    const wrapped = withHint(cause, 'check the network') as ToolError;
    expect(wrapped).toBeInstanceOf(ToolError);
    expect(wrapped.message).toBe('socket hang up');
    expect(wrapped.hint).toBe('check the network');
    expect(wrapped.cause).toBe(cause);
    expect((withHint('text', 'h') as ToolError).message).toBe('text');
  });

  test('interruptions pass through untouched (they must still exit 130)', () => {
    const aborted = new AbortedError();
    expect(withHint(aborted, 'h')).toBe(aborted);
    expect((aborted as { hint?: string }).hint).toBeUndefined();
    const domAbort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(withHint(domAbort, 'h')).toBe(domAbort);
  });
});

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lifesub-hints-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const bare = () => new ToolError('tool exited with code 1', undefined, { details: 'the tool said why' });
const service = (name: string) => testSettings().config.services.find((s) => s.name === name)!;

interface Case {
  name: string;
  step: () => StepDefinition;
  /** Scripts the failing call (and what comes before it) on the fakes. */
  arrange: (fakes: Fakes, root: string) => void;
  facts?: (root: string) => Record<string, unknown>;
  settings?: (root: string) => Record<string, unknown>;
  hint: string | ((root: string) => string);
}

const repoDirs = (r: string) => ({ lifesub: join(r, 'lifesub'), 'lifesub-web': join(r, 'lifesub-web') });

const cases: Case[] = [
  {
    name: 'jars',
    step: () => jarsStep,
    arrange: (f) => f.gradle.script.expect('build').throws(bare()),
    facts: (r) => ({ repoDirs: repoDirs(r) }),
    hint: (r) =>
      `fix the build error shown above; reproduce with \`./gradlew :member:build :mysub-infra:build :recommend:build -x test\` in ${join(r, 'lifesub')}`,
  },
  {
    name: 'image:member',
    step: () => imageStep(service('member')),
    arrange: (f, r) => {
      mkdirSync(join(r, 'lifesub', 'deployment'), { recursive: true });
      writeFileSync(join(r, 'lifesub', 'deployment', 'Dockerfile'), 'FROM x\n');
      f.docker.script.expect('build').throws(bare());
    },
    facts: (r) => ({ repoDirs: repoDirs(r), imageTags: { member: 'alicecr.azurecr.io/lifesub/member:1.0.0-0123456789ab' } }),
    hint: (r) =>
      `see the docker build output above (--verbose shows every line); reproduce with: docker build -f ${join(r, 'lifesub', 'deployment', 'Dockerfile')} -t alicecr.azurecr.io/lifesub/member:1.0.0-0123456789ab --build-arg BUILD_LIB_DIR=member/build/libs --build-arg ARTIFACTORY_FILE=member.jar ${join(r, 'lifesub')}`,
  },
  {
    name: 'push:member',
    step: () => pushStep(service('member')),
    arrange: (f) => f.docker.script.expect('push').throws(bare()),
    facts: () => ({ images: { member: 'alicecr.azurecr.io/lifesub/member:1.0.0' } }),
    hint: 'check `docker login` to alicecr.azurecr.io worked and the registry exists',
  },
  {
    name: 'registry-login (credentials)',
    step: () => registryLoginStep,
    arrange: (f) => f.registry.script.expect('credentials').throws(bare()),
    hint: 'check that registry alicecr exists and your Azure login can read it (`az acr show -n alicecr`)',
  },
  {
    name: 'docker-login',
    step: () => dockerLoginStep,
    arrange: (f) => f.docker.script.expect('login').throws(bare()),
    facts: () => ({ registryLogin: { loginServer: 'alicecr.azurecr.io', username: 'u', method: 'admin' as const }, registryPassword: 'p' }),
    hint: 'check that docker is running and alicecr.azurecr.io is reachable; `az acr login -n alicecr` tries the same login',
  },
  {
    name: 'chart-repos',
    step: () => chartReposStep,
    arrange: (f) => {
      f.helm.script.expect('list').returns([]).times(2);
      f.helm.script.expect('repoAdd');
      f.helm.script.expect('repoAdd').throws(bare());
    },
    hint: 'check network access to https://charts.bitnami.com/bitnami',
  },
  {
    name: 'ingress',
    step: () => ingressStep,
    arrange: (f) => {
      f.helm.script.expect('status').returns(undefined);
      f.helm.script.expect('upgradeInstall').throws(bare());
    },
    hint: "see helm's message above; `helm status ingress-nginx -n ingress-basic`",
  },
  {
    name: 'database:member',
    step: () => databaseStep(service('member')),
    arrange: (f) => {
      f.helm.script.expect('status').returns(undefined);
      f.helm.script.expect('upgradeInstall').throws(bare());
    },
    hint: "see helm's message above; `helm status member -n alice-lifesub-ns`",
  },
  {
    name: 'repos (clone, credentials kept out of the hint)',
    step: () => reposStep,
    settings: (r) => ({ workspace: r }),
    arrange: (f) => f.git.script.expect('clone').throws(bare()).always(),
    hint: (r) =>
      `check the URL https://github.com/cna-bootcamp/lifesub.git, branch k8s and your network; or clone it yourself: \`git clone -b k8s https://github.com/cna-bootcamp/lifesub.git ${join(r, 'lifesub')}\``,
  },
  {
    name: 'legacy-cleanup',
    step: () => legacyCleanupStep,
    arrange: (f) => {
      f.kube.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lifesub-ns' } });
      f.helm.script.expect('uninstall').throws(bare());
    },
    hint: "see helm's message above; `helm status member -n lifesub-ns`, or remove it yourself: `helm uninstall member -n lifesub-ns`",
  },
  {
    name: 'uninstall:member',
    step: () => uninstallStep(service('member')),
    facts: () => ({ namespacePresent: true }),
    arrange: (f) => f.helm.script.expect('uninstall').throws(bare()),
    hint: "see helm's message above; `helm status member -n alice-lifesub-ns`; then run lifesub down again",
  },
  {
    name: 'remove-ingress',
    step: () => removeIngressStep,
    arrange: (f) => {
      f.kube.put({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'ingress-nginx-controller', namespace: 'ingress-basic', labels: { 'lifesub.io/installed-by': 'lifesub' } },
      });
      f.helm.script.expect('uninstall').throws(bare());
    },
    hint: "see helm's message above; `helm status ingress-nginx -n ingress-basic`",
  },
];

describe('a tool failure in each step carries that step’s hint', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const { ctx, fakes } = makeContext({ settings: c.settings?.(root), facts: c.facts?.(root) });
    c.arrange(fakes, root);
    const err = (await c
      .step()
      .run(ctx)
      .catch((e: unknown) => e)) as ToolError;
    expect(err).toBeInstanceOf(ToolError);
    expect(err.message).toBe('tool exited with code 1');
    expect(err.details, 'the tool output still reaches the user').toBe('the tool said why');
    expect(err.hint).toBe(typeof c.hint === 'function' ? c.hint(root) : c.hint);
  });

  test('an adapter’s own hint wins (e.g. the tool is not installed)', async () => {
    const { ctx, fakes } = makeContext();
    fakes.helm.script.expect('status').returns(undefined);
    fakes.helm.script.expect('upgradeInstall').throws(new ToolError('helm not found', 'install Helm 3'));
    const err = (await databaseStep(service('member'))
      .run(ctx)
      .catch((e: unknown) => e)) as ToolError;
    expect(err.hint).toBe('install Helm 3');
  });

  test('a clone URL with a token never reaches the hint', async () => {
    const url = 'https://ghp_tok3n@github.com/cna-bootcamp/lifesub.git';
    const settings = testSettings({ workspace: root });
    settings.config.repositories.lifesub.url = url;
    const { ctx, fakes } = makeContext({ settings });
    fakes.git.script.expect('clone').throws(bare()).always();
    const err = (await reposStep.run(ctx).catch((e: unknown) => e)) as ToolError;
    expect(err.hint).toContain('https://github.com/cna-bootcamp/lifesub.git');
    expect(err.hint).not.toContain('ghp_tok3n');
  });
});
