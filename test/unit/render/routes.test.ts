// Every route the frontend calls, from the runtime-env.js lifesub renders, reaches the right backend
// path through the rendered Ingress — for both lab variants, both routing modes and two students on
// one controller. Routing is the sandbox's model of ingress-nginx, not a copy of the product's logic.
import { describe, expect, test } from 'vitest';
import type { KubeObject } from '../../../src/adapters/types.js';
import { UserError } from '../../../src/core/errors.js';
import { renderManifests, studentRoutes, WEB_RUNTIME_CONFIGMAP } from '../../../src/render/index.js';
import { findClaimConflicts, studentClaims } from '../../../src/render/ingress-claims.js';
import type { Settings } from '../../../src/config/schema.js';
import type { KObject } from '../../../src/sandbox/apiserver/types.js';
import { routeIngress } from '../../../src/sandbox/gateway/ingress-routing.js';
import { testSettings } from '../../fakes/context.js';
import { credentials, find } from './fixtures.js';

const VARIANTS = {
  // lifesub-web 2025-02-15 … 2025-04-05: bare bases; the app calls the full API path.
  A: {
    basePaths: { member: '', mysub: '', recommend: '' },
    calls: { MEMBER: 'POST /api/auth/login', MYSUB: 'GET /api/mysub/categories', RECOMMEND: 'GET /api/recommend/categories' },
  },
  // since 2025-04-06: bases end in the API prefix; the app calls the rest.
  B: {
    basePaths: { member: '/api/auth', mysub: '/api/mysub', recommend: '/api/recommend' },
    calls: { MEMBER: 'POST /login', MYSUB: 'GET /categories', RECOMMEND: 'GET /categories' },
  },
} as const;
const BACKEND_ROUTE = { MEMBER: '/api/auth/login', MYSUB: '/api/mysub/categories', RECOMMEND: '/api/recommend/categories' } as const;
const SERVICE = { MEMBER: 'member', MYSUB: 'mysub', RECOMMEND: 'recommend' } as const;

function settingsFor(id: string, mode: 'host' | 'path', domain = 'nip.io'): Settings {
  const s = testSettings({ id, namespace: `${id}-lifesub-ns` });
  return { ...s, config: { ...s.config, routing: { mode, domain } } };
}

function render(s: Settings, basePaths: Record<string, string>, ingressAddress = '20.1.2.3'): { ingress: KubeObject; urls: Record<string, string> } {
  const objects = renderManifests({ settings: s, credentials, ingressAddress, webAddress: '20.4.5.6', apiBasePaths: basePaths });
  const js: string = find(objects, 'ConfigMap', WEB_RUNTIME_CONFIGMAP).data['runtime-env.js'];
  const urls = Object.fromEntries([...js.matchAll(/(\w+)_URL: "([^"]*)"/g)].map((m) => [m[1], m[2]]));
  return { ingress: find(objects, 'Ingress', 'backend-ingress'), urls };
}

/** The cluster's IngressClass nginx, served by ingress-nginx. */
const CLASSES = {
  get: (resource: string, _ns: string | undefined, name: string): KObject | undefined =>
    resource.startsWith('ingressclasses') && name === 'nginx'
      ? ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name }, spec: { controller: 'k8s.io/ingress-nginx' } } as KObject)
      : undefined,
};

/** Where a browser call lands: the URL's host (port dropped, as nginx matches) and path, through the Ingresses. */
function land(ingresses: KubeObject[], url: string) {
  const u = new URL(url);
  return routeIngress(CLASSES, ingresses as unknown as KObject[], u.hostname, `${u.pathname}${u.search}`);
}

describe.each(['host', 'path'] as const)('%s routing', (mode) => {
  test.each(['A', 'B'] as const)('variant %s: every call of the frontend reaches its backend route', (variant) => {
    const { basePaths, calls } = VARIANTS[variant];
    const { ingress, urls } = render(settingsFor('alice', mode), basePaths);
    for (const stem of ['MEMBER', 'MYSUB', 'RECOMMEND'] as const) {
      const path = calls[stem].split(' ')[1]!;
      const hit = land([ingress], `${urls[stem]}${path}`);
      expect(hit, `${stem}: ${urls[stem]}${path}`).toMatchObject({ namespace: 'alice-lifesub-ns', service: SERVICE[stem], path: BACKEND_ROUTE[stem] });
    }
  });

  test('two students on one controller each reach only their own Services', () => {
    const alice = render(settingsFor('alice', mode), VARIANTS.B.basePaths);
    const bob = render(settingsFor('bob', mode), VARIANTS.B.basePaths);
    const both = [alice.ingress, bob.ingress];
    expect(land(both, `${alice.urls.MEMBER}/login`)).toMatchObject({ namespace: 'alice-lifesub-ns', service: 'member' });
    expect(land(both, `${bob.urls.MEMBER}/login`)).toMatchObject({ namespace: 'bob-lifesub-ns', service: 'member' });
    expect(
      findClaimConflicts(studentClaims(settingsFor('bob', mode), studentRoutes(settingsFor('bob', mode), '20.1.2.3')), [alice.ingress], 'nginx', {
        namespace: 'bob-lifesub-ns',
        name: 'backend-ingress',
      }),
    ).toEqual([]);
  });
});

test("the pre-fix scheme (http://<ingress>/member) with today's frontend reaches no route of member", () => {
  const { ingress } = render(settingsFor('alice', 'host'), VARIANTS.B.basePaths);
  expect(land([ingress], 'http://20.1.2.3/member/login')).toBeUndefined();
});

test('host mode: the host carries the ingress IP and the configured domain; a port stays in the URL only', () => {
  const { ingress, urls } = render(settingsFor('alice', 'host', 'sslip.io'), VARIANTS.B.basePaths, '127.0.0.1:31080');
  expect((ingress['spec'] as { rules: Array<{ host: string }> }).rules[0]!.host).toBe('alice.127.0.0.1.sslip.io');
  expect(urls.MEMBER).toBe('http://alice.127.0.0.1.sslip.io:31080/api/auth');
  expect(studentRoutes(settingsFor('alice', 'host'), '127.0.0.1:31080')).toEqual({
    mode: 'host',
    host: 'alice.127.0.0.1.nip.io',
    root: 'http://alice.127.0.0.1.nip.io:31080',
    connect: '127.0.0.1:31080',
  });
});

test('path mode: no host; /<id>/… rewritten to the API path; another ID or a longer segment does not match', () => {
  const { ingress, urls } = render(settingsFor('alice', 'path'), VARIANTS.A.basePaths);
  expect(urls.MEMBER).toBe('http://20.1.2.3/alice');
  expect((ingress['spec'] as { rules: Array<Record<string, unknown>> }).rules[0]).not.toHaveProperty('host');
  expect(land([ingress], 'http://20.1.2.3/alice/api/auth/login?x=1')).toMatchObject({ service: 'member', path: '/api/auth/login?x=1' });
  expect(land([ingress], 'http://20.1.2.3/bob/api/auth/login')).toBeUndefined();
  expect(land([ingress], 'http://20.1.2.3/alice/api/authx/login')).toBeUndefined();
});

test('host mode on a load balancer with a DNS name is a UserError pointing at path mode', () => {
  expect(() => studentRoutes(settingsFor('alice', 'host'), 'abc.elb.amazonaws.com')).toThrow(UserError);
  expect(() => studentRoutes(settingsFor('alice', 'host'), 'abc.elb.amazonaws.com')).toThrow(/not an IPv4 address/);
  expect(studentRoutes(settingsFor('alice', 'path'), 'abc.elb.amazonaws.com').root).toBe('http://abc.elb.amazonaws.com/alice');
});

test('ALLOWED_ORIGINS holds the page origin the browser sends', () => {
  const objects = renderManifests({
    settings: settingsFor('alice', 'host'),
    credentials,
    ingressAddress: '20.1.2.3',
    webAddress: '20.4.5.6',
    apiBasePaths: VARIANTS.B.basePaths,
  });
  expect(find(objects, 'ConfigMap', 'common-config').data.ALLOWED_ORIGINS.split(',')).toContain('http://20.4.5.6');
});
