// The OpenAPI schemas of the served kinds, as the real server publishes them under /openapi/v2 and
// /openapi/v3: definition names (io.k8s.api.<group>.<version>.<Kind>), the top-level fields of each kind
// and the full ObjectMeta; `spec` and `status` are left open (any content), which is as deep as the
// sandbox checks. Field lists are from k8s.io/api v0.33 (types.go of each group).
import { RESOURCES, type ResourceDef } from './resources.js';

/** A JSON schema in the OpenAPI v2 dialect; `$ref`s point at `#/definitions/<name>`. */
export type JsonSchema = Record<string, unknown>;

const str = (description = ''): JsonSchema => ({ type: 'string', description });
const int = (description = ''): JsonSchema => ({ type: 'integer', format: 'int64', description });
const bool = (description = ''): JsonSchema => ({ type: 'boolean', description });
const strMap = (description = ''): JsonSchema => ({ type: 'object', additionalProperties: { type: 'string' }, description });
const arr = (items: JsonSchema, description = ''): JsonSchema => ({ type: 'array', items, description });
/** Any content: the sandbox does not check below this point (the real schema goes deeper). */
const open = (description = ''): JsonSchema => ({ description, 'x-kubernetes-preserve-unknown-fields': true });
const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const OBJECT_META = `${META}.ObjectMeta`;

const objectMeta: JsonSchema = {
  type: 'object',
  description: 'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
  properties: {
    name: str('Name must be unique within a namespace.'),
    generateName: str('GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.'),
    namespace: str('Namespace defines the space within which each name must be unique.'),
    selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
    uid: str('UID is the unique in time and space value for this object.'),
    resourceVersion: str('An opaque value that represents the internal version of this object.'),
    generation: int('A sequence number representing a specific generation of the desired state.'),
    creationTimestamp: {
      type: 'string',
      format: 'date-time',
      description: 'CreationTimestamp is a timestamp representing the server time when this object was created.',
    },
    deletionTimestamp: {
      type: 'string',
      format: 'date-time',
      description: 'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted.',
    },
    deletionGracePeriodSeconds: int('Number of seconds allowed for this object to gracefully terminate before it will be removed from the system.'),
    labels: strMap('Map of string keys and values that can be used to organize and categorize (scope and select) objects.'),
    annotations: strMap('Annotations is an unstructured key value map stored with a resource.'),
    ownerReferences: arr(
      {
        type: 'object',
        required: ['apiVersion', 'kind', 'name', 'uid'],
        properties: { apiVersion: str(), kind: str(), name: str(), uid: str(), controller: bool(), blockOwnerDeletion: bool() },
      },
      'List of objects depended by this object.',
    ),
    finalizers: arr(str(), 'Must be empty before the object is deleted from the registry.'),
    managedFields: arr(open(), 'ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow.'),
  },
};

/** Top-level fields besides apiVersion, kind and metadata, by kind. Kinds not listed have spec and status. */
const TOP_LEVEL: Record<string, Record<string, JsonSchema>> = {
  ConfigMap: { data: strMap('Data contains the configuration data.'), binaryData: strMap('BinaryData contains the binary data.'), immutable: bool() },
  Secret: {
    data: strMap('Data contains the secret data (base64).'),
    stringData: strMap('stringData allows specifying non-binary secret data in string form.'),
    type: str('Used to facilitate programmatic handling of secret data.'),
    immutable: bool(),
  },
  ServiceAccount: { secrets: arr(open()), imagePullSecrets: arr(open()), automountServiceAccountToken: bool() },
  Endpoints: { subsets: arr(open(), 'The set of all endpoints is the union of all subsets.') },
  EndpointSlice: { addressType: str('addressType specifies the type of address carried by this EndpointSlice.'), endpoints: arr(open()), ports: arr(open()) },
  Event: {
    involvedObject: open('The object that this event is about.'),
    reason: str(),
    message: str(),
    source: open(),
    firstTimestamp: { type: 'string', format: 'date-time' },
    lastTimestamp: { type: 'string', format: 'date-time' },
    count: { type: 'integer', format: 'int32' },
    type: str(),
    eventTime: { type: 'string', format: 'date-time' },
    series: open(),
    action: str(),
    related: open(),
    reportingComponent: str(),
    reportingInstance: str(),
  },
  IngressClass: { spec: open() },
  Lease: { spec: open() },
  NetworkPolicy: { spec: open() },
  ClusterRole: { rules: arr(open(), 'Rules holds all the PolicyRules for this ClusterRole'), aggregationRule: open() },
  Role: { rules: arr(open(), 'Rules holds all the PolicyRules for this Role') },
  ClusterRoleBinding: { subjects: arr(open()), roleRef: open('RoleRef can only reference a ClusterRole in the global namespace.') },
  RoleBinding: { subjects: arr(open()), roleRef: open('RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.') },
  ValidatingWebhookConfiguration: { webhooks: arr(open(), 'Webhooks is a list of webhooks and the affected resources and operations.') },
};

const GROUP_PACKAGE: Record<string, string> = {
  '': 'core',
  'networking.k8s.io': 'networking',
  'coordination.k8s.io': 'coordination',
  'discovery.k8s.io': 'discovery',
  'rbac.authorization.k8s.io': 'rbac',
  'admissionregistration.k8s.io': 'admissionregistration',
};

/** The definition name the real server uses, e.g. io.k8s.api.core.v1.ConfigMap. */
export function definitionName(r: ResourceDef): string {
  return `io.k8s.api.${GROUP_PACKAGE[r.group] ?? r.group}.${r.version}.${r.kind}`;
}

/** Own fields of a kind (apiVersion, kind, metadata and its top level). */
export function kindSchema(r: ResourceDef): JsonSchema {
  const top = TOP_LEVEL[r.kind] ?? {
    spec: open(`Spec defines the desired behavior of the ${r.kind}.`),
    status: open(`Most recently observed status of the ${r.kind}.`),
  };
  return {
    type: 'object',
    description: `${r.kind} (served by the lifesub sandbox; spec and status are not checked below the top level).`,
    properties: {
      apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
      kind: str('Kind is a string value representing the REST resource this object represents.'),
      metadata: { ...ref(OBJECT_META), description: "Standard object's metadata." },
      ...top,
    },
    'x-kubernetes-group-version-kind': [{ group: r.group, kind: r.kind, version: r.version }],
  };
}

/** Every definition: one per served kind plus ObjectMeta. */
export function definitions(filter: (r: ResourceDef) => boolean = () => true): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = { [OBJECT_META]: objectMeta };
  for (const r of RESOURCES.filter(filter)) out[definitionName(r)] = kindSchema(r);
  return out;
}

/** The fields of a kind's definition, for strict field validation: undefined = anything goes. */
export function knownFields(r: ResourceDef, path: string[]): Set<string> | undefined {
  let s: JsonSchema | undefined = kindSchema(r);
  for (const p of path) {
    const props = s?.properties as Record<string, JsonSchema> | undefined;
    s = props?.[p];
    if (s?.$ref === `#/definitions/${OBJECT_META}`) s = objectMeta;
  }
  const props = s?.properties as Record<string, JsonSchema> | undefined;
  return props ? new Set(Object.keys(props)) : undefined;
}
