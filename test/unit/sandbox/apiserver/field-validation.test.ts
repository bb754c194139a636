// fieldValidation as the real server applies it to undeclared fields (a misspelled `dta:`): Strict
// refuses, Warn (the default) drops with a Warning header, server-side apply fails outright — and real
// Helm 4 (which applies with fieldValidation=Strict) sees the failure.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeKubeconfig } from '../../../support/kubectl.js';
import { REAL_HELMS, helmEnv, realHelmPath } from '../../../support/real-helm.js';
import { TOKEN, api, startTestCluster, type TestCluster } from './harness.js';

const run = promisify(execFile);
let c: TestCluster;
beforeAll(async () => {
  c = await startTestCluster();
});
afterAll(async () => c.close());

const typo = (name: string): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, dta: { a: '1' } });

describe('field validation', () => {
  test('Strict refuses an undeclared field with the decoder error', async () => {
    const res = await api(c.server, 'POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', typo('strict'));
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "dta"');
  });

  test('without fieldValidation (Warn) the field is dropped and a Warning header says so', async () => {
    const res = await api(c.server, 'POST', '/api/v1/namespaces/default/configmaps', typo('warned'));
    expect(res.status).toBe(201);
    expect(res.body.dta).toBeUndefined();
    expect(res.headers.get('warning')).toBe('299 - "unknown field \\"dta\\""');
  });

  test('server-side apply of an undeclared field fails as structured-merge-diff does', async () => {
    const res = await api(c.server, 'PATCH', '/api/v1/namespaces/default/configmaps/ssa?fieldManager=lifesub', typo('ssa'), {
      'Content-Type': 'application/apply-patch+yaml',
    });
    expect(res.status).toBe(500);
    expect(res.body.message).toBe('failed to create typed patch object (default/ssa; /v1, Kind=ConfigMap): .dta: field not declared in schema');
  });

  test('declared fields pass in every mode', async () => {
    const ok = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fine', labels: { a: 'b' } }, data: { a: '1' } };
    expect((await api(c.server, 'POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', ok)).status).toBe(201);
    expect(
      (
        await api(c.server, 'PATCH', '/api/v1/namespaces/default/configmaps/fine?fieldManager=x&fieldValidation=Strict', ok, {
          'Content-Type': 'application/apply-patch+yaml',
        })
      ).status,
    ).toBe(200);
  });

  test.each(REAL_HELMS)(
    '$name with a misspelled field: Helm 4 (Strict apply) fails, Helm 3 (POST) installs without it and warns',
    async (h) => {
      const chart = join(c.dir, `typo${h.major}`);
      mkdirSync(join(chart, 'templates'), { recursive: true });
      writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: typo\nversion: 0.1.0\n');
      writeFileSync(join(chart, 'templates', 'cm.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typo${h.major}\ndta:\n  a: "1"\n`);
      const kubeconfig = writeKubeconfig(c.dir, c.server.url, TOKEN);
      const failed = await run(realHelmPath(h), ['upgrade', '--install', `typo${h.major}`, chart, '-n', 'default', '--timeout', '30s'], {
        env: helmEnv(join(c.dir, `h${h.major}`), kubeconfig),
        timeout: 60_000,
      }).then(
        (r) => r,
        (e: { code: number; stderr: string }) => e,
      );
      if (h.major === 4) {
        // Helm 4 applies server-side with fieldValidation=Strict: the install fails.
        expect('code' in failed ? failed.code : 0).toBe(1);
        expect(failed.stderr).toContain('field not declared in schema');
      } else {
        // Helm 3 creates with POST and no fieldValidation: the server drops the field and warns.
        expect(failed.stderr).toContain('unknown field "dta"');
        const cm = await api(c.server, 'GET', '/api/v1/namespaces/default/configmaps/typo3');
        expect(cm.body.dta).toBeUndefined();
      }
    },
    90_000,
  );
});
