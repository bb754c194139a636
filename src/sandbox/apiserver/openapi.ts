// A minimal OpenAPI v3 discovery: enough for kubectl to see that every PATCH endpoint accepts
// `fieldValidation`, so it leaves validation to the server instead of downloading full schemas.
import { GROUP_VERSIONS, RESOURCES } from './resources.js';

const prefixOf = (group: string, version: string): string => (group ? `apis/${group}/${version}` : `api/${version}`);

export function openApiV3Root(): unknown {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, version } of GROUP_VERSIONS) {
    const p = prefixOf(group, version);
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=sandbox` };
  }
  return { paths };
}

const param = (name: string, where: 'query' | 'path'): unknown => ({ name, in: where, ...(where === 'path' ? { required: true } : {}), schema: { type: 'string', uniqueItems: true } });

/** `/openapi/v3/api/v1` or `/openapi/v3/apis/<group>/<version>`, or undefined. */
export function openApiV3GroupVersion(path: string): unknown {
  const gv = GROUP_VERSIONS.find((g) => `/openapi/v3/${prefixOf(g.group, g.version)}` === path);
  if (!gv) return undefined;
  const paths: Record<string, unknown> = {};
  for (const r of RESOURCES.filter((x) => x.group === gv.group && x.version === gv.version)) {
    const base = `/${prefixOf(r.group, r.version)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}/{name}`;
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    paths[base] = {
      parameters: [param('name', 'path'), ...(r.namespaced ? [param('namespace', 'path')] : [])],
      patch: {
        operationId: `patch${r.kind}`,
        parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((n) => param(n, 'query')),
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.33.2' }, paths, components: { schemas: {} } };
}
