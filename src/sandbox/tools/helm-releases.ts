// Release records stored the way helm 3 stores them: one Secret per revision named
// `sh.helm.release.v1.<release>.v<revision>`, type helm.sh/release.v1, labelled owner=helm, name,
// status and version, holding base64(gzip(JSON)) of the release. So list/status/uninstall work
// from any process, and a real helm pointed at the same cluster would see the same releases.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { KubeObject } from '../../adapters/types.js';
import type { KubeClient } from './kube-client.js';

export interface Release {
  name: string;
  namespace: string;
  version: number;
  info: { first_deployed: string; last_deployed: string; deleted: string; description: string; status: string; notes?: string };
  chart: { metadata: { name: string; version: string; appVersion: string; apiVersion: 'v2' } };
  config: Record<string, unknown>;
  /** The rendered objects as JSON lines (helm keeps YAML; the sandbox only reads it back itself). */
  manifest: string;
  labels?: Record<string, string>;
}

export function secretName(release: string, revision: number): string {
  return `sh.helm.release.v1.${release}.v${revision}`;
}

export function encodeRelease(release: Release): KubeObject {
  const payload = gzipSync(JSON.stringify(release)).toString('base64');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: secretName(release.name, release.version),
      namespace: release.namespace,
      labels: { ...release.labels, name: release.name, owner: 'helm', status: release.info.status, version: String(release.version) },
    },
    type: 'helm.sh/release.v1',
    data: { release: Buffer.from(payload).toString('base64') },
  };
}

export function decodeRelease(secret: KubeObject): Release | undefined {
  const data = (secret.data as Record<string, string> | undefined)?.release;
  if (!data) return undefined;
  try {
    const gz = Buffer.from(Buffer.from(data, 'base64').toString('utf8'), 'base64');
    return JSON.parse(gunzipSync(gz).toString('utf8')) as Release;
  } catch {
    return undefined;
  }
}

/** Every revision of a release (or of all releases), newest first. */
export async function history(kube: KubeClient, namespace: string | undefined, name?: string): Promise<Release[]> {
  const selector = name ? `owner=helm,name=${name}` : 'owner=helm';
  const secrets = await kube.list('v1', 'Secret', namespace, selector);
  return secrets
    .map(decodeRelease)
    .filter((r): r is Release => r !== undefined && (name === undefined || r.name === name))
    .sort((a, b) => b.version - a.version);
}

/** The newest revision of each release. */
export function latestPerRelease(releases: Release[]): Release[] {
  const seen = new Map<string, Release>();
  for (const r of releases) {
    const key = `${r.namespace}/${r.name}`;
    const current = seen.get(key);
    if (!current || r.version > current.version) seen.set(key, r);
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.namespace.localeCompare(b.namespace));
}

export function manifestObjects(release: Release): KubeObject[] {
  return release.manifest
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as KubeObject);
}

/** helm's time format: "2025-05-01 10:00:00.123456789 +0000 UTC". */
export function helmTime(date = new Date()): string {
  return `${date.toISOString().replace('T', ' ').replace('Z', '')}000000 +0000 UTC`;
}

/** `helm list -o json` entry. */
export function listEntry(r: Release): Record<string, string> {
  return {
    name: r.name,
    namespace: r.namespace,
    revision: String(r.version),
    updated: r.info.last_deployed,
    status: r.info.status,
    chart: `${r.chart.metadata.name}-${r.chart.metadata.version}`,
    app_version: r.chart.metadata.appVersion,
  };
}
