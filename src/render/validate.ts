// Structural validation of rendered objects, done by us because @kubernetes/client-node silently
// drops fields it does not know (a misspelled `dta:` would vanish instead of failing). Covers the kinds
// lifesub renders; problems read "<Kind>/<name>: …". Callers throw when the list is not empty.
import type { KubeObject } from '../adapters/types.js';
import { checkDeployment, checkIngress, checkService, type Report } from './validate-specs.js';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN, isRecord, unknownKeys } from './validate-util.js';

interface KindRule {
  apiVersion: string;
  namespaced: boolean;
  /** Top-level keys besides apiVersion, kind and metadata. */
  keys: string[];
  /** The rule for metadata.name. */
  name: RegExp;
  check?: (o: KubeObject, report: Report) => void;
}

const KINDS: Record<string, KindRule> = {
  Namespace: { apiVersion: 'v1', namespaced: false, keys: ['spec'], name: DNS1123_LABEL },
  ConfigMap: { apiVersion: 'v1', namespaced: true, keys: ['data', 'binaryData', 'immutable'], name: DNS1123_SUBDOMAIN, check: checkConfigMap },
  Secret: { apiVersion: 'v1', namespaced: true, keys: ['data', 'stringData', 'type', 'immutable'], name: DNS1123_SUBDOMAIN, check: checkSecret },
  Service: { apiVersion: 'v1', namespaced: true, keys: ['spec'], name: DNS1123_LABEL, check: checkService },
  Deployment: { apiVersion: 'apps/v1', namespaced: true, keys: ['spec'], name: DNS1123_SUBDOMAIN, check: checkDeployment },
  Ingress: { apiVersion: 'networking.k8s.io/v1', namespaced: true, keys: ['spec'], name: DNS1123_SUBDOMAIN, check: checkIngress },
};

const METADATA_KEYS = ['name', 'namespace', 'labels', 'annotations'];
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const DATA_KEY = /^[-._a-zA-Z0-9]{1,253}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function validateObjects(objects: KubeObject[]): string[] {
  const problems: string[] = [];
  objects.forEach((o, i) => validateOne(o, i, problems));
  return problems;
}

function validateOne(o: KubeObject, index: number, problems: string[]): void {
  const name = isRecord(o?.metadata) && typeof o.metadata.name === 'string' ? o.metadata.name : `#${index}`;
  const kind = typeof o?.kind === 'string' ? o.kind : 'Object';
  const report: Report = (problem) => problems.push(`${kind}/${name}: ${problem}`);

  const rule = KINDS[kind];
  if (!rule) return report(`kind '${kind}' is not one lifesub renders (${Object.keys(KINDS).join(', ')})`);
  if (o.apiVersion !== rule.apiVersion) report(`apiVersion is '${String(o.apiVersion)}', expected '${rule.apiVersion}'`);
  for (const key of unknownKeys(o, ['apiVersion', 'kind', 'metadata', ...rule.keys])) report(`unknown top-level key '${key}'`);
  if (!isRecord(o.metadata)) return report('metadata is missing');

  const meta = o.metadata;
  for (const key of unknownKeys(meta, METADATA_KEYS)) report(`unknown key 'metadata.${key}'`);
  if (typeof meta.name !== 'string' || !rule.name.test(meta.name) || meta.name.length > 253) {
    report(`metadata.name '${String(meta.name)}' is not a valid DNS name (lowercase letters, digits, '-')`);
  }
  if (rule.namespaced && (typeof meta.namespace !== 'string' || !DNS1123_LABEL.test(meta.namespace))) {
    report('metadata.namespace is missing or not a DNS-1123 label');
  }
  if (!rule.namespaced && meta.namespace !== undefined) report('metadata.namespace is set on a cluster-wide object');
  checkStringMap(meta.labels, 'metadata.labels', report, (k, v) => {
    if (!LABEL_KEY.test(k)) report(`label key '${k}' is not valid`);
    if (!LABEL_VALUE.test(v)) report(`label '${k}' has an invalid value '${v}' (≤63 letters, digits, '-', '_', '.')`);
  });
  checkStringMap(meta.annotations, 'metadata.annotations', report);
  rule.check?.(o, report);
}

function checkStringMap(value: unknown, where: string, report: Report, each?: (k: string, v: string) => void): void {
  if (value === undefined) return;
  if (!isRecord(value)) return report(`${where} must be a mapping`);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') report(`${where}.${k} must be a string, not ${v === null ? 'null' : typeof v}`);
    else each?.(k, v);
  }
}

function checkConfigMap(o: KubeObject, report: Report): void {
  checkStringMap(o['data'], 'data', report, (k) => {
    if (!DATA_KEY.test(k)) report(`data key '${k}' is not valid (letters, digits, '-', '_', '.')`);
  });
  if (o['data'] === undefined && o['binaryData'] === undefined) report('has neither data nor binaryData');
}

function checkSecret(o: KubeObject, report: Report): void {
  checkStringMap(o['data'], 'data', report, (k, v) => {
    if (!DATA_KEY.test(k)) report(`data key '${k}' is not valid (letters, digits, '-', '_', '.')`);
    if (!BASE64.test(v)) report(`data.${k} is not base64 (use stringData for plain text)`);
  });
  checkStringMap(o['stringData'], 'stringData', report, (k) => {
    if (!DATA_KEY.test(k)) report(`stringData key '${k}' is not valid (letters, digits, '-', '_', '.')`);
  });
  if (o['data'] === undefined && o['stringData'] === undefined) report('has neither data nor stringData');
  const type = o['type'];
  if (type !== undefined && typeof type !== 'string') report('type must be a string');
  if (type === 'kubernetes.io/dockerconfigjson') {
    const data = isRecord(o['data']) ? o['data'] : {};
    const plain = isRecord(o['stringData']) ? o['stringData'] : {};
    if (data['.dockerconfigjson'] === undefined && plain['.dockerconfigjson'] === undefined) {
      report("type kubernetes.io/dockerconfigjson needs the key '.dockerconfigjson'");
    }
  }
}
