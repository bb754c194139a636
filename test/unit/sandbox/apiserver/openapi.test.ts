// /openapi/v2 and /openapi/v3 as real clients read them: kubectl explain (v3, and v2 with
// --output=plaintext-openapiv2 through client-go's protobuf-only OpenAPISchema()), kubectl diff.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kubectlPath, writeKubeconfig } from '../../../support/kubectl.js';
import { TOKEN, api, startTestCluster, type TestCluster } from './harness.js';

const run = promisify(execFile);
let c: TestCluster;
let kubectl: (...args: string[]) => Promise<string>;

beforeAll(async () => {
  c = await startTestCluster();
  const kubeconfig = writeKubeconfig(c.dir, c.server.url, TOKEN);
  const env = { ...process.env, KUBECONFIG: kubeconfig, HOME: c.dir, KUBECACHEDIR: join(c.dir, 'cache') };
  kubectl = async (...args) => (await run(kubectlPath(), args, { env, timeout: 30_000 })).stdout;
}, 60_000);
afterAll(async () => c.close());

describe('OpenAPI documents', () => {
  test('/openapi/v2 answers JSON to JSON clients and protobuf (with the media type kube-openapi returns) to client-go', async () => {
    const json = await api(c.server, 'GET', '/openapi/v2', undefined, { Accept: 'application/json' });
    expect(json.status).toBe(200);
    expect(json.body.swagger).toBe('2.0');
    expect(json.body.definitions['io.k8s.api.rbac.v1.ClusterRole']['x-kubernetes-group-version-kind']).toEqual([
      { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', version: 'v1' },
    ]);
    const pb = await fetch(`${c.server.url}/openapi/v2`, { headers: { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    expect(pb.headers.get('content-type')).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    expect(Buffer.from(await pb.arrayBuffer()).includes('io.k8s.api.batch.v1.Job')).toBe(true);
  });

  test('kubectl explain reads the v3 schemas and, with plaintext-openapiv2, the protobuf v2 document', async () => {
    expect(await kubectl('explain', 'clusterrole.rules')).toMatch(/GROUP:\s+rbac\.authorization\.k8s\.io[\s\S]*KIND:\s+ClusterRole/);
    expect(await kubectl('explain', 'configmap.metadata.labels')).toContain('FIELD: labels <map[string]string>');
    expect(await kubectl('explain', 'job', '--output=plaintext-openapiv2')).toMatch(/KIND:\s+Job\nVERSION:\s+batch\/v1/);
    expect(await kubectl('explain', 'validatingwebhookconfiguration.webhooks', '--output=plaintext-openapiv2')).toContain('admissionregistration.k8s.io/v1');
  });

  test('kubectl diff shows a change and exits 1, and exits 0 when nothing would change', async () => {
    const file = join(c.dir, 'cm.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  namespace: default\ndata:\n  a: "1"\n');
    await kubectl('apply', '-f', file);
    await expect(kubectl('diff', '-f', file)).resolves.toBe('');
    writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  namespace: default\ndata:\n  a: "2"\n');
    const failed = await kubectl('diff', '-f', file).then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/-\s+a: "1"\n\+\s+a: "2"/);
  });
});
