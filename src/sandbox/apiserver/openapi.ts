// OpenAPI documents as the real server serves them: /openapi/v2 (one document, JSON or gnostic protobuf)
// and /openapi/v3 (an index, then one document per group-version). Both carry the schemas of
// schemas.ts; the v3 documents also list every PATCH endpoint with its `fieldValidation` parameter, which
// is how kubectl and Helm decide that the server validates fields itself (then they skip client-side checks).
import { OPENAPI_V2_PROTOBUF, OPENAPI_V2_PROTOBUF_RESPONSE, encodeOpenApiV2 } from './openapi-proto.js';
import { GROUP_VERSIONS, RESOURCES } from './resources.js';
import { definitionName, definitions, type JsonSchema } from './schemas.js';

const INFO = { title: 'Kubernetes', version: 'v1.33.2' };

const prefixOf = (group: string, version: string): string => (group ? `apis/${group}/${version}` : `api/${version}`);

/** The v2 document as JSON. */
export function openApiV2(): { swagger: string; info: typeof INFO; paths: Record<string, unknown>; definitions: Record<string, JsonSchema> } {
  return { swagger: '2.0', info: INFO, paths: {}, definitions: definitions() };
}

/**
 * /openapi/v2 in the representation `accept` asks for: protobuf when offered (client-go offers nothing
 * else), else JSON. Returns the body and its Content-Type.
 */
export function negotiateOpenApiV2(accept: string | undefined): { body: Buffer; contentType: string } {
  const doc = openApiV2();
  if ((accept ?? '').includes(OPENAPI_V2_PROTOBUF)) return { body: encodeOpenApiV2(doc), contentType: OPENAPI_V2_PROTOBUF_RESPONSE };
  return { body: Buffer.from(JSON.stringify(doc)), contentType: 'application/json' };
}

export function openApiV3Root(): unknown {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, version } of GROUP_VERSIONS) {
    const p = prefixOf(group, version);
    paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=sandbox` };
  }
  return { paths };
}

const param = (name: string, where: 'query' | 'path'): unknown => ({
  name,
  in: where,
  ...(where === 'path' ? { required: true } : {}),
  schema: { type: 'string', uniqueItems: true },
});

/** v2 `$ref`s (#/definitions/…) rewritten to v3 ones (#/components/schemas/…), recursively. */
function toV3(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toV3);
  if (!s || typeof s !== 'object') return s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = k === '$ref' ? String(v).replace('#/definitions/', '#/components/schemas/') : toV3(v);
  return out;
}

/** `/openapi/v3/api/v1` or `/openapi/v3/apis/<group>/<version>`, or undefined. */
export function openApiV3GroupVersion(path: string): unknown {
  const gv = GROUP_VERSIONS.find((g) => `/openapi/v3/${prefixOf(g.group, g.version)}` === path);
  if (!gv) return undefined;
  const inGv = (r: { group: string; version: string }): boolean => r.group === gv.group && r.version === gv.version;
  const paths: Record<string, unknown> = {};
  for (const r of RESOURCES.filter(inGv)) {
    const base = `/${prefixOf(r.group, r.version)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}/{name}`;
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    const body = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${definitionName(r)}` } } } };
    paths[base] = {
      parameters: [param('name', 'path'), ...(r.namespaced ? [param('namespace', 'path')] : [])],
      get: {
        operationId: `read${r.kind}`,
        responses: { '200': { description: 'OK', ...body } },
        'x-kubernetes-action': 'get',
        'x-kubernetes-group-version-kind': gvk,
      },
      patch: {
        operationId: `patch${r.kind}`,
        parameters: ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((n) => param(n, 'query')),
        responses: { '200': { description: 'OK', ...body } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': gvk,
      },
    };
  }
  return { openapi: '3.0.0', info: INFO, paths, components: { schemas: toV3(definitions(inGv)) } };
}
