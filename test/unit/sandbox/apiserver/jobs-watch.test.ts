// Jobs that run to completion, pod IPs, and watches as Helm 4's kstatus watcher opens them
// (sendInitialEvents + allowWatchBookmarks + resourceVersionMatch=NotOlderThan).
import { BatchV1Api, CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TOKEN, api, deployment, startTestCluster, waitFor, type TestCluster } from './harness.js';

let c: TestCluster;
let core: CoreV1Api;
let batch: BatchV1Api;

beforeAll(async () => {
  c = await startTestCluster();
  core = c.kc.makeApiClient(CoreV1Api);
  batch = c.kc.makeApiClient(BatchV1Api);
  await core.createNamespace({ body: { metadata: { name: 'lab' } } });
});
afterAll(async () => c.close());

const job = (name: string, restartPolicy?: string, extra: Record<string, unknown> = {}): any => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name },
  spec: {
    ...extra,
    template: { spec: { ...(restartPolicy ? { restartPolicy } : {}), containers: [{ name: 'c', image: 'busybox:1.36', command: ['true'] }] } },
  },
});

/** Reads a watch stream until `until` matches an event; returns the events seen. */
async function readWatch(path: string, until: (ev: any) => boolean): Promise<any[]> {
  const ac = new AbortController();
  const res = await fetch(`${c.server.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` }, signal: ac.signal });
  const events: any[] = [];
  let buf = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buf += decoder.decode(chunk, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const ev = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        events.push(ev);
        if (until(ev)) return events;
      }
    }
  } finally {
    ac.abort();
  }
  throw new Error(`watch ended without the awaited event: ${JSON.stringify(events)}`);
}

describe('Jobs', () => {
  test('a Job runs its pod to completion: pod Succeeded (Completed), Job SuccessCriteriaMet and Complete', async () => {
    const created = await batch.createNamespacedJob({ namespace: 'lab', body: job('migrate', 'Never') });
    // The registry generates the selector on create, from the Job's own uid; that is not a spec change.
    expect(created.spec?.selector?.matchLabels).toEqual({ 'batch.kubernetes.io/controller-uid': created.metadata?.uid });
    expect(created.spec?.template.metadata?.labels).toMatchObject({ 'job-name': 'migrate', 'controller-uid': created.metadata?.uid });
    const done = await waitFor(
      async () => {
        const j = await batch.readNamespacedJob({ name: 'migrate', namespace: 'lab' });
        return j.status?.conditions?.some((x) => x.type === 'Complete' && x.status === 'True') ? j : undefined;
      },
      5000,
      'job completion',
    );
    expect(done.status).toMatchObject({ succeeded: 1 });
    expect(done.metadata?.generation).toBe(1);
    expect(done.status?.completionTime).toBeTruthy();
    expect(done.status?.conditions?.map((x) => [x.type, x.reason])).toEqual([
      ['SuccessCriteriaMet', 'CompletionsReached'],
      ['Complete', 'CompletionsReached'],
    ]);
    const pods = (await core.listNamespacedPod({ namespace: 'lab', labelSelector: 'batch.kubernetes.io/job-name=migrate' })).items;
    expect(pods).toHaveLength(1);
    expect(pods[0]!.status?.phase).toBe('Succeeded');
    expect(pods[0]!.status?.containerStatuses?.[0]?.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  test('a Job whose template has no restartPolicy is refused as the real server does', async () => {
    const res = await api(c.server, 'POST', '/apis/batch/v1/namespaces/lab/jobs', job('bad'));
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  });

  test('pod IPs are valid IPv4 addresses in 10.244.0.0/16 and unique per pod', async () => {
    await api(c.server, 'POST', '/apis/apps/v1/namespaces/lab/deployments', {
      ...deployment('many', 'nginx:1.27'),
      spec: { ...deployment('many', 'nginx:1.27').spec, replicas: 40 },
    });
    const pods = await waitFor(
      async () => {
        const items = (await core.listNamespacedPod({ namespace: 'lab', labelSelector: 'app=many' })).items;
        return items.length === 40 && items.every((p) => p.status?.podIP) ? items : undefined;
      },
      10_000,
      'pod IPs',
    );
    const ips = pods.map((p) => p.status!.podIP!);
    for (const ip of ips) {
      const octets = ip.split('.').map(Number);
      expect(octets.slice(0, 2)).toEqual([10, 244]);
      for (const o of octets) expect(Number.isInteger(o) && o >= 0 && o <= 255).toBe(true);
    }
    expect(new Set(ips).size).toBe(ips.length);
  });
});

describe('watches', () => {
  test('sendInitialEvents sends the current objects, then a BOOKMARK annotated k8s.io/initial-events-end', async () => {
    await core.createNamespacedConfigMap({ namespace: 'lab', body: { metadata: { name: 'one' }, data: { a: '1' } } });
    const events = await readWatch(
      '/api/v1/namespaces/lab/configmaps?allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan&sendInitialEvents=true&timeoutSeconds=30&watch=true',
      (ev) => ev.type === 'BOOKMARK',
    );
    const last = events.at(-1);
    expect(last).toMatchObject({
      type: 'BOOKMARK',
      object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } },
    });
    expect(Number(last.object.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'ADDED').map((e) => e.object.metadata.name)).toContain('one');
  });

  test('sendInitialEvents without resourceVersionMatch=NotOlderThan or without bookmarks is refused (422)', async () => {
    const noMatch = await api(c.server, 'GET', '/api/v1/namespaces/lab/configmaps?watch=true&sendInitialEvents=true&allowWatchBookmarks=true');
    expect(noMatch.status).toBe(422);
    expect(noMatch.body.message).toContain('sendInitialEvents requires setting resourceVersionMatch to NotOlderThan');
    const noBookmarks = await api(c.server, 'GET', '/api/v1/namespaces/lab/configmaps?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan');
    expect(noBookmarks.status).toBe(422);
    expect(noBookmarks.body.message).toContain('sendInitialEvents requires setting allowWatchBookmarks to true');
  });
});
