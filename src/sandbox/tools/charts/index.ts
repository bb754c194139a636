// The chart repositories the sandbox knows, by URL (users may name a repository anything).
import type { KubeObject } from '../../../adapters/types.js';
import { ingressNginx } from './ingress-nginx.js';
import { postgresql } from './postgresql.js';
import type { Values } from './values.js';

export interface RequiredSecret {
  name: string;
  /** The value that named it, for the error message. */
  valuePath: string;
  keys: Array<{ key: string; valuePath: string }>;
}

export interface Chart {
  name: string;
  appVersion: string;
  /** The version `helm` picks when --version is not given. */
  latestVersion: string;
  render(release: string, namespace: string, version: string, values: Values): KubeObject[];
  /** Secrets the templates reference but do not create; the install fails when they are missing. */
  requiredSecrets?(release: string, values: Values): RequiredSecret[];
}

export const KNOWN_REPOSITORIES: Record<string, Record<string, Chart>> = {
  'https://kubernetes.github.io/ingress-nginx': { 'ingress-nginx': ingressNginx },
  'https://charts.bitnami.com/bitnami': { postgresql },
};

/** Bitnami also publishes its charts as OCI artifacts. */
export const OCI_CHARTS: Record<string, Chart> = {
  'oci://registry-1.docker.io/bitnamicharts/postgresql': postgresql,
};

/** Kinds a real cluster may not serve; a 404 when applying them is ignored. */
export const OPTIONAL_KINDS = new Set(['IngressClass']);

export function normalizeRepoUrl(url: string): string {
  return url.replace(/\/+$/, '');
}
