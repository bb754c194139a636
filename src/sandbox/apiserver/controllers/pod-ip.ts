// Pod IPs from the node's pod CIDR 10.244.0.0/16: every octet a valid 0..255 value, unique among the
// pods that exist, stable for a pod's life (kept in its status once given).
import { R } from '../resources.js';
import type { Store } from '../store.js';
import type { KObject } from '../types.js';

/** Host addresses per /24 used: .1 is the bridge, .255 broadcast, so 2..254. */
const PER_BLOCK = 253;
const SLOTS = 256 * PER_BLOCK;

function slotIp(slot: number): string {
  return `10.244.${Math.floor(slot / PER_BLOCK)}.${2 + (slot % PER_BLOCK)}`;
}

/** The pod's IP: the one it has, else a free one chosen from a hash of its uid (probing onwards). */
export function podIpFor(store: Store, pod: KObject): string {
  if (typeof pod.status?.podIP === 'string' && pod.status.podIP) return pod.status.podIP;
  const used = new Set(
    store
      .view(R.pods)
      .map((p) => p.status?.podIP)
      .filter(Boolean),
  );
  let h = 0;
  for (const ch of pod.metadata.uid ?? pod.metadata.name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  for (let i = 0; i < SLOTS; i++) {
    const ip = slotIp((h + i) % SLOTS);
    if (!used.has(ip)) return ip;
  }
  throw new Error('pod CIDR 10.244.0.0/16 is exhausted');
}
