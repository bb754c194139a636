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
  test('names what is missing', () => {
    expect(problemOf({ ...base, namespaceState: 'absent' }, false)).toContain('lifesub class up --only bob');
    expect(
      problemOf(
        {
          ...base,
          workloads: [
            { kind: 'Deployment', name: 'member', ready: 0, desired: 1, rolledOut: false, pods: [] },
            { kind: 'StatefulSet', name: 'member-postgresql', ready: 1, desired: 1, rolledOut: true, pods: [] },
          ],
        },
        true,
      ),
    ).toBe('Deployment member 0/1 ready');
    expect(problemOf({ ...base, ready: true }, false)).toMatch(/did not finish/);
    // A student the last class up failed or interrupted: said so, with the command that finishes them.
    const rerun = rerunCommand({ roster: 'week3.yaml', sandbox: true });
    expect(problemOf({ ...base, namespaceState: 'absent' }, false, { rerun })).toBe(
      'not set up: no namespace (run `lifesub class up --roster week3.yaml --sandbox --only bob`)',
    );
    expect(
      problemOf({ ...base, workloads: [{ kind: 'Deployment', name: 'member', ready: 0, desired: 0, rolledOut: false, pods: [] }] }, false, { rerun }),
    ).toBe(
      'the last `class up` did not finish for this student (run `lifesub class up --roster week3.yaml --sandbox --only bob`): Deployment member 0/- ready',
    );
    expect(problemOf(base, true, { cause: 'Deployment member 0/1 ready: ImagePullBackOff' })).toBe('Deployment member 0/1 ready: ImagePullBackOff');
    expect(rerunCommand({ roster: 'class.yaml' })('bob')).toBe('lifesub class up --only bob');
    expect(problemOf({ ...base, ready: true }, true)).toBeUndefined();
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
