// The validation clients most often trip over, with the real server's 422 messages.
import { errors, type StatusCause } from './errors.js';
import { labelSelectorMatches } from './selectors.js';
import { R, type ResourceDef } from './resources.js';
import type { KObject } from './types.js';

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** Kinds whose names must be DNS-1123 labels (they become DNS names themselves). */
const LABEL_NAMED = new Set<string>([R.namespaces, R.services]);

export function validateName(resourceKey: string, name: string): StatusCause | undefined {
  const asLabel = LABEL_NAMED.has(resourceKey);
  const ok = asLabel ? LABEL.test(name) && name.length <= 63 : SUBDOMAIN.test(name) && name.length <= 253;
  if (ok) return undefined;
  return {
    reason: 'FieldValueInvalid',
    field: 'metadata.name',
    message: `Invalid value: "${name}": ${asLabel ? LABEL_MSG : SUBDOMAIN_MSG}`,
  };
}

export function validate(def: ResourceDef, key: string, obj: KObject): void {
  const causes: StatusCause[] = [];
  const nameCause = validateName(key, obj.metadata.name);
  if (nameCause) causes.push(nameCause);
  for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) {
    if (typeof v !== 'string')
      causes.push({ reason: 'FieldValueInvalid', field: `metadata.labels`, message: `Invalid value: "${k}": label values must be strings` });
  }
  if (key === R.deployments || key === R.statefulsets || key === R.replicasets) {
    const spec = obj.spec ?? {};
    if (!spec.selector) causes.push({ reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' });
    else if (!labelSelectorMatches(spec.selector, spec.template?.metadata?.labels)) {
      causes.push({
        reason: 'FieldValueInvalid',
        field: 'spec.template.metadata.labels',
        message: `Invalid value: ${JSON.stringify(spec.template?.metadata?.labels ?? {})}: \`selector\` does not match template \`labels\``,
      });
    }
    validateContainers(spec.template?.spec, 'spec.template.spec', causes);
  }
  if (key === R.pods) validateContainers(obj.spec, 'spec', causes);
  if (key === R.jobs) {
    validateContainers(obj.spec?.template?.spec, 'spec.template.spec', causes);
    const rp = obj.spec?.template?.spec?.restartPolicy;
    if (rp !== 'Never' && rp !== 'OnFailure') {
      causes.push({
        reason: 'FieldValueNotSupported',
        field: 'spec.template.spec.restartPolicy',
        message: `Unsupported value: "${rp}": supported values: "OnFailure", "Never"`,
      });
    }
  }
  if (key === R.services) {
    (obj.spec?.ports ?? []).forEach((p: { port?: unknown }, i: number) => {
      if (typeof p.port !== 'number') causes.push({ reason: 'FieldValueRequired', field: `spec.ports[${i}].port`, message: 'Required value' });
    });
  }
  if (causes.length > 0) throw errors.invalid(def.kind, def.group, obj.metadata.name, causes);
}

function validateContainers(podSpec: { containers?: Array<{ name?: string; image?: string }> } | undefined, at: string, causes: StatusCause[]): void {
  const containers = podSpec?.containers ?? [];
  if (containers.length === 0) causes.push({ reason: 'FieldValueRequired', field: `${at}.containers`, message: 'Required value' });
  containers.forEach((c, i) => {
    if (!c.name) causes.push({ reason: 'FieldValueRequired', field: `${at}.containers[${i}].name`, message: 'Required value' });
    if (!c.image) causes.push({ reason: 'FieldValueRequired', field: `${at}.containers[${i}].image`, message: 'Required value' });
  });
}
