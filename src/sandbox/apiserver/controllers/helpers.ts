// Small things several controllers need: names, hashes, conditions, quantities.
import { createHash, randomInt } from 'node:crypto';
import { stableStringify } from '../merge.js';
import { isoSeconds } from '../store.js';
import type { Json } from '../types.js';

/** The alphabet Kubernetes uses for generated suffixes (no vowels, no look-alikes). */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** Stable 10-character hash of a pod template, like pod-template-hash. */
export function templateHash(template: Json): string {
  const digest = createHash('sha256').update(stableStringify(template)).digest();
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[digest[i]! % ALPHABET.length];
  return s;
}

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: null;
}

/**
 * Sets one condition, keeping lastTransitionTime while the status is unchanged and lastUpdateTime while
 * reason and message are unchanged — so re-running a controller does not make spurious writes.
 */
export function setCondition(list: Condition[] | undefined, next: Condition, atMs: number, withUpdateTime = false): Condition[] {
  const out = [...(list ?? [])];
  const i = out.findIndex((c) => c.type === next.type);
  const old = i >= 0 ? out[i] : undefined;
  const at = isoSeconds(atMs);
  const merged: Condition = {
    ...next,
    ...(withUpdateTime ? { lastUpdateTime: old && old.reason === next.reason && old.message === next.message ? old.lastUpdateTime : at } : {}),
    lastTransitionTime: old && old.status === next.status ? old.lastTransitionTime : at,
  };
  if (i >= 0) out[i] = merged;
  else out.push(merged);
  return out;
}

/** CPU quantity ("500m", "1", "0.5") in cores. */
export function cpuCores(q: unknown): number {
  if (typeof q === 'number') return q;
  const s = String(q ?? '0');
  return s.endsWith('m') ? Number(s.slice(0, -1)) / 1000 : Number(s) || 0;
}

const UNITS: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, m: 1e-3 };

/** Memory quantity ("128Mi", "1G", "1024") in bytes. */
export function memoryBytes(q: unknown): number {
  if (typeof q === 'number') return q;
  const m = /^([0-9.]+)([A-Za-z]*)$/.exec(String(q ?? '0'));
  if (!m) return 0;
  return Number(m[1]) * (UNITS[m[2]!] ?? 1);
}

/** Resolves an intOrString like "25%" against a total (rounding down, as maxUnavailable does). */
export function intOrPercent(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(String(v ?? ''));
  if (!m) return Number(v) || 0;
  const raw = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}
