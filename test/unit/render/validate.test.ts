import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { renderManifests, validateObjects } from '../../../src/render/index.js';
import { find, settings } from './fixtures.js';

const fresh = (): KubeObject[] => renderManifests({ settings });
/** Problems after changing one rendered object. */
function problemsAfter(kind: string, name: string, change: (o: Record<string, any>) => void): string[] {
  const objects = fresh();
  change(find(objects, kind, name));
  return validateObjects(objects);
}

describe('validateObjects', () => {
  test('a misspelled top-level key (ConfigMap dta:) is caught', () => {
    const problems = problemsAfter('ConfigMap', 'member-config', (o) => {
      o.dta = o.data;
      delete o.data;
    });
    expect(problems).toContain("ConfigMap/member-config: unknown top-level key 'dta'");
  });

  test('nested misspellings are caught', () => {
    expect(problemsAfter('Deployment', 'member', (o) => (o.spec.template.spec.containers[0].envForm = []))).toEqual([
      "Deployment/member: unknown key 'spec.template.spec.containers[0].envForm'",
    ]);
    expect(
      problemsAfter('Ingress', 'backend-ingress', (o) => {
        const path = o.spec.rules[0].http.paths[0];
        path.pathtype = path.pathType;
        delete path.pathType;
      }),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/unknown key .*pathtype/), expect.stringMatching(/pathType must be/)]));
  });

  test('names, namespaces, kinds and apiVersions', () => {
    expect(problemsAfter('Service', 'member', (o) => (o.metadata.name = 'Member_Svc'))).toEqual([
      expect.stringMatching(/^Service\/Member_Svc: metadata.name .* not a valid DNS name/),
    ]);
    expect(problemsAfter('Secret', 'common-secret', (o) => delete o.metadata.namespace)).toEqual([
      'Secret/common-secret: metadata.namespace is missing or not a DNS-1123 label',
    ]);
    expect(problemsAfter('Deployment', 'mysub', (o) => (o.apiVersion = 'extensions/v1beta1'))).toEqual([
      "Deployment/mysub: apiVersion is 'extensions/v1beta1', expected 'apps/v1'",
    ]);
    expect(validateObjects([{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } }])[0]).toMatch(/^Pod\/p: kind 'Pod' is not one/);
  });

  test('selector must match the pod template labels', () => {
    expect(problemsAfter('Deployment', 'member', (o) => (o.spec.selector.matchLabels.app = 'membr'))).toEqual([
      'Deployment/member: spec.selector.matchLabels app=membr does not match the pod template labels',
    ]);
  });

  test('ports must be 1–65535', () => {
    expect(problemsAfter('Deployment', 'member', (o) => (o.spec.template.spec.containers[0].ports[0].containerPort = 70000))).toEqual([
      'Deployment/member: spec.template.spec.containers[0].ports[0].containerPort must be 1–65535',
    ]);
    expect(problemsAfter('Service', 'member', (o) => (o.spec.ports[0].port = 0))).toEqual(['Service/member: spec.ports[0].port must be 1–65535']);
  });

  test('references must be named', () => {
    expect(problemsAfter('Deployment', 'member', (o) => (o.spec.template.spec.containers[0].envFrom[1].configMapRef = {}))).toEqual([
      'Deployment/member: spec.template.spec.containers[0].envFrom[1] does not name a ConfigMap or Secret',
    ]);
    expect(problemsAfter('Deployment', 'lifesub-web', (o) => (o.spec.template.spec.volumes[0].configMap = {}))).toEqual([
      'Deployment/lifesub-web: spec.template.spec.volumes[0].configMap has no name',
    ]);
    expect(problemsAfter('Deployment', 'lifesub-web', (o) => (o.spec.template.spec.containers[0].volumeMounts[0].name = 'other'))).toEqual([
      "Deployment/lifesub-web: spec.template.spec.containers[0].volumeMounts[0] refers to volume 'other' that is not declared",
    ]);
    expect(problemsAfter('Deployment', 'member', (o) => (o.spec.template.spec.imagePullSecrets = [{}]))).toEqual([
      'Deployment/member: spec.template.spec.imagePullSecrets[0] has no name',
    ]);
  });

  test('ConfigMap and Secret values must be strings; Secret data must be base64', () => {
    expect(problemsAfter('ConfigMap', 'member-config', (o) => (o.data.SERVER_PORT = 8081))).toEqual([
      'ConfigMap/member-config: data.SERVER_PORT must be a string, not number',
    ]);
    expect(problemsAfter('Secret', 'member-secret', (o) => (o.data = { POSTGRES_USER: 'not base64!' }))).toEqual(
      expect.arrayContaining(['Secret/member-secret: data.POSTGRES_USER is not base64 (use stringData for plain text)']),
    );
    expect(problemsAfter('Secret', 'member-secret', (o) => (o.stringData.JWT_ACCESS_TOKEN_VALIDITY = 3600000))).toEqual([
      'Secret/member-secret: stringData.JWT_ACCESS_TOKEN_VALIDITY must be a string, not number',
    ]);
  });

  test('probe numbers and label values are checked', () => {
    expect(problemsAfter('Deployment', 'member', (o) => (o.spec.template.spec.containers[0].livenessProbe.periodSeconds = '15'))).toEqual([
      'Deployment/member: spec.template.spec.containers[0].livenessProbe.periodSeconds must be a whole number ≥ 0',
    ]);
    expect(problemsAfter('Service', 'mysub', (o) => (o.metadata.labels.bad = 'has space'))).toEqual([
      "Service/mysub: label 'bad' has an invalid value 'has space' (≤63 letters, digits, '-', '_', '.')",
    ]);
  });
});
