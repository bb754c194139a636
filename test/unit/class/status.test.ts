// `class status`: the problem column says why a student is not ready; markdown is pasteable.
import { describe, expect, test } from 'vitest';
import { formatNotInRoster, formatStatusTable, labsNotInRoster, problemOf, rerunCommand } from '../../../src/class/status.js';
import type { Status } from '../../../src/status/collect.js';

const base: Status = {
  id: 'bob',
  namespace: 'bob-lifesub-ns',
  namespaceState: 'active',
  found: true,
  releases: [],
  workloads: [],
  addresses: {},
  urls: {},
  checks: [],
  ready: false,
};

describe('class status', () => {
  test('names what is missing, and whether the last class up finished, failed (with its cause) or stopped', () => {
    const finished = { finished: true } as const;
    const unfinished = { finished: false } as const;
    expect(problemOf({ ...base, namespaceState: 'absent' }, unfinished)).toContain('lifesub class up --only bob');
    expect(
      problemOf(
        {
          ...base,
          workloads: [
            { kind: 'Deployment', name: 'member', ready: 0, desired: 1, rolledOut: false, pods: [] },
            { kind: 'StatefulSet', name: 'member-postgresql', ready: 1, desired: 1, rolledOut: true, pods: [] },
          ],
        },
        finished,
      ),
    ).toBe('Deployment member 0/1 ready');
    expect(problemOf({ ...base, ready: true }, unfinished)).toMatch(/did not finish/);
    const rerun = rerunCommand({ roster: 'week3.yaml', sandbox: true });
    expect(problemOf({ ...base, namespaceState: 'absent' }, unfinished, { rerun })).toBe(
      'not set up: no namespace (run `lifesub class up --roster week3.yaml --sandbox --only bob`)',
    );
    // Objects the run never got to are "not created yet", not "0/- ready".
    expect(
      problemOf({ ...base, workloads: [{ kind: 'Deployment', name: 'member', ready: 0, desired: 0, rolledOut: false, pods: [] }] }, unfinished, { rerun }),
    ).toBe(
      'the last `class up` did not finish for this student (run `lifesub class up --roster week3.yaml --sandbox --only bob`): Deployment member not created yet',
    );
    const none = (name: string) => ({ kind: 'Deployment' as const, name, ready: 0, desired: 0, rolledOut: false, pods: [] });
    expect(problemOf({ ...base, workloads: [none('member'), none('mysub')] }, finished)).toBe('no workload created yet');
    // A failure class up recorded is repeated, with the cluster's words for what is wrong now.
    expect(
      problemOf(
        base,
        { finished: false, failed: 'import:member: Azure refused access (HTTP 403 AuthorizationFailed)' },
        { rerun, cause: 'deployment member: ImagePullBackOff' },
      ),
    ).toBe(
      'the last `class up` failed for this student at import:member: Azure refused access (HTTP 403 AuthorizationFailed) (run `lifesub class up --roster week3.yaml --sandbox --only bob`): deployment member: ImagePullBackOff',
    );
    // A rolling update the quota refused: the old pod still serves, so it is ready but not rolled out — never "the ingress controller has no address".
    expect(
      problemOf(
        {
          ...base,
          addresses: { ingress: '1.2.3.4', web: '5.6.7.8' },
          workloads: [{ kind: 'Deployment', name: 'member', ready: 1, desired: 1, rolledOut: false, pods: [] }],
        },
        finished,
      ),
    ).toBe('Deployment member 1/1 ready, rollout not finished');
    expect(problemOf({ ...base, addresses: { ingress: '1.2.3.4', web: '5.6.7.8' } }, finished)).toBe('not ready (see `lifesub status --id bob`)');
    expect(rerunCommand({ roster: 'class.yaml' })('bob')).toBe('lifesub class up --only bob');
    expect(problemOf({ ...base, ready: true }, finished)).toBeUndefined();
  });

  test('markdown: a header row, a separator, one row per student, pipes escaped', () => {
    const md = formatStatusTable(
      [
        { id: 'alice', namespace: 'alice-lifesub-ns', ready: true, web: 'http://1.2.3.4', ageS: 600 },
        { id: 'bob', namespace: 'bob-lifesub-ns', ready: false, problem: 'a|b' },
      ],
      'markdown',
    ).split('\n');
    expect(md[0]).toBe('| ID | NAMESPACE | READY | WEB | AGE | PROBLEM |');
    expect(md[1]).toBe('|---|---|---|---|---|---|');
    expect(md[2]).toBe('| alice | alice-lifesub-ns | yes | http://1.2.3.4 | 10m |  |');
    expect(md[3]).toBe('| bob | bob-lifesub-ns | no | - | - | a\\|b |');
    expect(md.at(-1)).toBe('1 of 2 ready');
  });

  test('labs lifesub made for IDs the roster no longer lists are named, with how to remove one', () => {
    const ns = (name: string, labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
    const lab = (id: string) => ns(`${id}-lifesub-ns`, { 'app.kubernetes.io/managed-by': 'lifesub', 'lifesub.io/id': id });
    const others = labsNotInRoster(
      [lab('dave01'), lab('alice'), ns('ingress-basic', { 'app.kubernetes.io/managed-by': 'lifesub' }), lab('ann02')],
      ['alice', 'bob'],
    );
    expect(others).toEqual([
      { id: 'ann02', namespace: 'ann02-lifesub-ns' },
      { id: 'dave01', namespace: 'dave01-lifesub-ns' },
    ]);
    expect(formatNotInRoster(others, true)).toBe(
      'also on this cluster, not in this roster: ann02 (ann02-lifesub-ns), dave01 (dave01-lifesub-ns) — `lifesub down --id ann02 --sandbox` removes one',
    );
  });
});
