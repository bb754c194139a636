// ingress-nginx's server/location model: class selection, host servers vs the catch-all "_", regex
// enforced for a whole server, rewrite-target, and the oldest Ingress keeping a duplicated location.
import { expect, test } from 'vitest';
import type { KObject } from '../../../../src/sandbox/apiserver/types.js';
import { buildServers, routeIngress, type ClassReader } from '../../../../src/sandbox/gateway/ingress-routing.js';

const nginxClass: ClassReader = {
  get: (resource, _ns, name) =>
    resource === 'ingressclasses.networking.k8s.io' && name === 'nginx'
      ? { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } }
      : undefined,
};

function ingress(
  ns: string,
  name: string,
  created: string,
  rules: any[],
  annotations: Record<string, string> = {},
  className: string | null = 'nginx',
): KObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: ns, creationTimestamp: created, annotations },
    spec: { ...(className ? { ingressClassName: className } : {}), rules },
  };
}

const REGEX = { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2', 'nginx.ingress.kubernetes.io/use-regex': 'true' };
const labPaths = (host?: string) => [
  {
    ...(host ? { host } : {}),
    http: {
      paths: ['member', 'mysub', 'recommend'].map((s) => ({
        path: `/${s}(/|$)(.*)`,
        pathType: 'ImplementationSpecific',
        backend: { service: { name: s, port: { number: 80 } } },
      })),
    },
  },
];
const prefixPaths = (host: string) => [
  {
    host,
    http: {
      paths: [
        ['/api/auth', 'member'],
        ['/api/mysub', 'mysub'],
      ].map(([path, s]) => ({ path, pathType: 'Prefix', backend: { service: { name: s, port: { number: 80 } } } })),
    },
  },
];

const route = (ings: KObject[], host: string, path: string) => routeIngress(nginxClass, ings, host, path);

test('the guide ingress: regex paths with rewrite-target /$2 strip the service prefix, query kept', () => {
  const ing = ingress('alice-lifesub-ns', 'backend-ingress', '2026-01-01T00:00:00Z', labPaths(), REGEX);
  expect(route([ing], 'x', '/member/api/auth/login')).toMatchObject({ namespace: 'alice-lifesub-ns', service: 'member', port: 80, path: '/api/auth/login' });
  expect(route([ing], 'x', '/mysub/actuator/health?full=1')).toMatchObject({ service: 'mysub', path: '/actuator/health?full=1' });
  expect(route([ing], 'x', '/recommend')).toMatchObject({ service: 'recommend', path: '/' });
  // nginx's `~*` is case-insensitive.
  expect(route([ing], 'x', '/MEMBER/x')?.service).toBe('member');
  expect(route([ing], 'x', '/members')).toBeUndefined();
  expect(route([ing], 'x', '/')).toBeUndefined();
});

test('an IngressClass must exist with the ingress-nginx controller; the legacy annotation is accepted; no class is ignored', () => {
  const other = ingress('n', 'a', '2026-01-01T00:00:00Z', labPaths(), REGEX, 'traefik');
  expect(route([other], 'x', '/member/x')).toBeUndefined();
  const noClass = ingress('n', 'b', '2026-01-01T00:00:00Z', labPaths(), REGEX, null);
  expect(route([noClass], 'x', '/member/x')).toBeUndefined();
  const legacy = ingress('n', 'c', '2026-01-01T00:00:00Z', labPaths(), { ...REGEX, 'kubernetes.io/ingress.class': 'nginx' }, null);
  expect(route([legacy], 'x', '/member/x')?.service).toBe('member');
  const noClassObject: ClassReader = { get: () => undefined };
  expect(routeIngress(noClassObject, [ingress('n', 'd', '2026-01-01T00:00:00Z', labPaths(), REGEX)], 'x', '/member/x')).toBeUndefined();
});

test('a host rule answers only its host; host-less rules live on the catch-all server "_" and do not serve a named host', () => {
  const hosted = ingress('alice', 'web', '2026-01-01T00:00:00Z', prefixPaths('alice.20.1.2.3.nip.io'));
  const hostless = ingress('bob', 'backend-ingress', '2026-01-01T00:00:00Z', labPaths(), REGEX);
  expect(route([hosted, hostless], 'alice.20.1.2.3.nip.io', '/api/auth/login')).toMatchObject({
    namespace: 'alice',
    service: 'member',
    path: '/api/auth/login',
  });
  // The named server has its own "/" → default backend: bob's host-less paths are not reachable through it.
  expect(route([hosted, hostless], 'alice.20.1.2.3.nip.io', '/member/api/auth/login')).toBeUndefined();
  expect(route([hosted, hostless], '20.1.2.3', '/member/api/auth/login')).toMatchObject({ namespace: 'bob', service: 'member' });
  expect(route([hosted, hostless], 'ALICE.20.1.2.3.nip.io', '/api/mysub/list')?.service).toBe('mysub');
});

test('Prefix paths match whole segments (path/ plus an exact location); ImplementationSpecific is a plain nginx prefix', () => {
  const plain = ingress('n', 'web', '2026-01-01T00:00:00Z', [
    {
      http: {
        paths: [
          { path: '/app', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
          { path: '/impl', pathType: 'ImplementationSpecific', backend: { service: { name: 'impl', port: { number: 80 } } } },
        ],
      },
    },
  ]);
  expect(route([plain], 'h', '/app/x')?.path).toBe('/app/x');
  expect(route([plain], 'h', '/app')?.service).toBe('web');
  expect(route([plain], 'h', '/apple')).toBeUndefined();
  expect(route([plain], 'h', '/implementation')?.service).toBe('impl');
  expect(route([plain], 'h', '/APP/x')).toBeUndefined();
});

test('one regex Ingress makes every location of that server a regex: a Prefix /api/auth then also matches /api/authx', () => {
  const prefix = ingress('a', 'prefix', '2026-01-01T00:00:00Z', prefixPaths('h.nip.io'));
  const regex = ingress('b', 'regex', '2026-01-02T00:00:00Z', labPaths('h.nip.io'), REGEX);
  expect(route([prefix], 'h.nip.io', '/api/authx')).toBeUndefined();
  expect(route([prefix, regex], 'h.nip.io', '/api/authx')).toMatchObject({ namespace: 'a', service: 'member', path: '/api/authx' });
  const servers = buildServers(nginxClass, [prefix, regex]);
  expect(servers.get('h.nip.io')?.regex).toBe(true);
  expect(servers.get('_')?.regex).toBe(false);
});

test('the same host+path in two namespaces: the OLDEST Ingress keeps the location, whatever the list order', () => {
  const alice = ingress('alice-lifesub-ns', 'backend-ingress', '2026-01-01T10:00:00Z', labPaths(), REGEX);
  const bob = ingress('bob-lifesub-ns', 'backend-ingress', '2026-01-01T11:00:00Z', labPaths(), REGEX);
  expect(route([bob, alice], '20.1.2.3', '/member/api/auth/login')?.namespace).toBe('alice-lifesub-ns');
  expect(route([alice, bob], '20.1.2.3', '/member/api/auth/login')?.namespace).toBe('alice-lifesub-ns');
  // Identical timestamps: ingress-nginx orders "namespace/name" descending, so bob's wins.
  const bobSame = { ...bob, metadata: { ...bob.metadata, creationTimestamp: alice.metadata.creationTimestamp } };
  expect(route([alice, bobSame], '20.1.2.3', '/member/x')?.namespace).toBe('bob-lifesub-ns');
  // A different host is a different server: no collision.
  const carol = ingress('carol', 'backend-ingress', '2026-01-01T12:00:00Z', labPaths('carol.20.1.2.3.nip.io'), REGEX);
  expect(route([alice, bob, carol], 'carol.20.1.2.3.nip.io', '/member/x')?.namespace).toBe('carol');
});
