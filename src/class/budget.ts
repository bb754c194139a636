// A student's namespace budget: the ResourceQuota and LimitRange `lifesub class` puts in each
// namespace. The default is computed from what the lab itself asks for — the rendered Deployments
// (templates/manifests) and the PostgreSQL values (templates/values/postgresql.yaml) — so it changes
// with them and never has to be kept in step by hand.
import { parse } from 'yaml';
import type { KubeObject } from '../adapters/types.js';
import type { Settings } from '../config/schema.js';
import { renderManifests, renderPostgresValues } from '../render/index.js';
import { labelled } from '../render/labels.js';
import type { Budget, BudgetKey } from './roster.js';

export const QUOTA_NAME = 'lifesub-budget';
export const LIMIT_RANGE_NAME = 'lifesub-limits';

interface Resources {
  requests?: { cpu?: string | number; memory?: string | number };
  limits?: { cpu?: string | number; memory?: string | number };
}

/** What one pod asks for, in millicores and bytes. */
interface PodCost {
  requestsCpu: number;
  requestsMemory: number;
  limitsCpu: number;
  limitsMemory: number;
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/**
 * A Kubernetes quantity in base units (cores, bytes, a count): `500m` → 0.5, `4Gi` → 4294967296,
 * `1e3` → 1000, `1.5` → 1.5 (the forms of k8s.io/apimachinery resource.Quantity: a decimal number
 * with a binary-SI, decimal-SI or exponent suffix). Throws Error for anything else (the roster
 * schema has refused those already).
 */
export function quantityValue(q: string | number): number {
  const m = /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/.exec(String(q).trim());
  if (!m) throw new Error(`not a quantity: ${q}`);
  const n = Number(m[1]);
  if (m[2]) return Number(`${m[1]}${m[2]}`);
  const unit = m[3] ?? '';
  return n * (BINARY[unit] ?? DECIMAL[unit]!);
}

/** `500m` → 500, `1` → 1000 (millicores). */
export function milliCpu(q: string | number | undefined): number {
  return q === undefined ? 0 : Math.round(quantityValue(q) * 1000);
}

/** `512Mi` → 536870912, `1G` → 1e9 (bytes). */
export function bytes(q: string | number | undefined): number {
  return q === undefined ? 0 : quantityValue(q);
}

const cpuText = (milli: number): string => (milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`);
const memText = (b: number): string => (b % 2 ** 30 === 0 ? `${b / 2 ** 30}Gi` : `${Math.ceil(b / 2 ** 20)}Mi`);

function costOf(containers: Array<{ resources?: Resources }>): PodCost {
  return containers.reduce<PodCost>(
    (sum, c) => ({
      requestsCpu: sum.requestsCpu + milliCpu(c.resources?.requests?.cpu),
      requestsMemory: sum.requestsMemory + bytes(c.resources?.requests?.memory),
      limitsCpu: sum.limitsCpu + milliCpu(c.resources?.limits?.cpu),
      limitsMemory: sum.limitsMemory + bytes(c.resources?.limits?.memory),
    }),
    { requestsCpu: 0, requestsMemory: 0, limitsCpu: 0, limitsMemory: 0 },
  );
}

/** The lab's pods: each Deployment's replicas, one rolling-update surge pod each, one pod per database. */
function labPods(settings: Settings): { steady: PodCost[]; surge: PodCost[]; databases: Array<{ pod: PodCost; storage: number }> } {
  const steady: PodCost[] = [];
  const surge: PodCost[] = [];
  for (const d of renderManifests({ settings }).filter((o) => o.kind === 'Deployment')) {
    const spec = d.spec as { replicas?: number; template: { spec: { containers: Array<{ resources?: Resources }> } } };
    const pod = costOf(spec.template.spec.containers);
    const replicas = spec.replicas ?? 1;
    for (let i = 0; i < replicas; i++) steady.push(pod);
    // RollingUpdate's default maxSurge is 25%, rounded up: a new image starts one more pod before the old stops.
    for (let i = 0; i < Math.ceil(replicas * 0.25); i++) surge.push(pod);
  }
  const databases = settings.config.services
    .filter((s) => s.kind === 'backend')
    .map((s) => {
      const values = parse(renderPostgresValues(settings, s.name)) as { primary?: { resources?: Resources; persistence?: { size?: string } } };
      return { pod: costOf([{ resources: values.primary?.resources }]), storage: bytes(values.primary?.persistence?.size ?? settings.config.postgres.size) };
    });
  return { steady, surge, databases };
}

/**
 * The default budget of one student: the sum of the lab's requests and limits (Deployments with one
 * surge pod each for rolling updates, plus the PostgreSQL primaries), its pods, PVCs and storage.
 * ResourceQuota quantities as strings, e.g. `{ 'requests.cpu': '3548m', pods: '11', … }`.
 */
export function labBudget(settings: Settings): Required<Budget> {
  const { steady, surge, databases } = labPods(settings);
  const pods = [...steady, ...surge, ...databases.map((d) => d.pod)];
  const total = (k: keyof PodCost): number => pods.reduce((s, p) => s + p[k], 0);
  return {
    'requests.cpu': cpuText(total('requestsCpu')),
    'requests.memory': memText(total('requestsMemory')),
    'limits.cpu': cpuText(total('limitsCpu')),
    'limits.memory': memText(total('limitsMemory')),
    pods: String(pods.length),
    persistentvolumeclaims: String(databases.length),
    'requests.storage': memText(databases.reduce((s, d) => s + d.storage, 0)),
  };
}

/**
 * Why a budget cannot hold the lab, one line per key (empty when it can): each of the budget's keys
 * (the computed default with `overrides` applied) must cover at least the lab's steady state — every
 * Deployment's replicas and the PostgreSQL primaries, without the rolling-update surge. Below that,
 * the ResourceQuota refuses a pod the lab needs and `class up` would wait for it until its time limit.
 * Counts (`pods`, `persistentvolumeclaims`) must be whole numbers.
 */
export function budgetProblems(settings: Settings, ...overrides: Array<Budget | undefined>): string[] {
  const { steady, databases } = labPods(settings);
  const pods = [...steady, ...databases.map((d) => d.pod)];
  const total = (k: keyof PodCost): number => pods.reduce((sum, p) => sum + p[k], 0);
  const floor: Record<BudgetKey, { value: number; text: string }> = {
    'requests.cpu': { value: total('requestsCpu') / 1000, text: cpuText(total('requestsCpu')) },
    'requests.memory': { value: total('requestsMemory'), text: memText(total('requestsMemory')) },
    'limits.cpu': { value: total('limitsCpu') / 1000, text: cpuText(total('limitsCpu')) },
    'limits.memory': { value: total('limitsMemory'), text: memText(total('limitsMemory')) },
    pods: { value: pods.length, text: String(pods.length) },
    persistentvolumeclaims: { value: databases.length, text: String(databases.length) },
    'requests.storage': { value: databases.reduce((sum, d) => sum + d.storage, 0), text: memText(databases.reduce((sum, d) => sum + d.storage, 0)) },
  };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const o of [...overrides].reverse()) {
    for (const [k, v] of Object.entries(o ?? {}) as Array<[BudgetKey, string]>) {
      if (seen.has(k)) continue; // a later override (the student's own) replaces the class budget's
      seen.add(k);
      const value = quantityValue(v);
      if ((k === 'pods' || k === 'persistentvolumeclaims') && !Number.isInteger(value)) problems.push(`budget ${k}: '${v}' is not a whole number`);
      else if (value < floor[k].value)
        problems.push(`budget ${k}: ${v} is less than the lab needs (${floor[k].text}; the default ${labBudget(settings)[k]} also allows a rolling update)`);
    }
  }
  return problems;
}

/**
 * The ResourceQuota and LimitRange of one student's namespace. `overrides` (class budget, then the
 * student's own) replace single keys of the computed default. The LimitRange gives a container that
 * declares nothing the smallest requests and limits of the lab's own containers, so such a pod still
 * counts against the quota instead of being refused for missing limits.
 */
export function renderBudget(settings: Settings, ...overrides: Array<Budget | undefined>): KubeObject[] {
  const hard: Record<string, string> = { ...labBudget(settings) };
  for (const o of overrides) for (const [k, v] of Object.entries(o ?? {}) as Array<[BudgetKey, string]>) hard[k] = v;
  const { steady } = labPods(settings);
  const min = (k: keyof PodCost): number => Math.min(...steady.map((p) => p[k]));
  const quota: KubeObject = {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: QUOTA_NAME, namespace: settings.namespace },
    spec: { hard },
  };
  const limits: KubeObject = {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: LIMIT_RANGE_NAME, namespace: settings.namespace },
    spec: {
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: cpuText(min('requestsCpu')), memory: memText(min('requestsMemory')) },
          default: { cpu: cpuText(min('limitsCpu')), memory: memText(min('limitsMemory')) },
        },
      ],
    },
  };
  return [labelled(settings, quota), labelled(settings, limits)];
}
