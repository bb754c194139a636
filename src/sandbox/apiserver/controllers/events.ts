// core/v1 Events about objects, as kubelet and the controllers write them. A repeated event (same
// object, reason and message) bumps `count` and `lastTimestamp` instead of adding a new one.
import { createHash } from 'node:crypto';
import { R } from '../resources.js';
import { isoSeconds, type Store } from '../store.js';
import type { KObject } from '../types.js';

export type EventType = 'Normal' | 'Warning';

export class EventRecorder {
  constructor(
    private store: Store,
    private now: () => number,
  ) {}

  record(obj: KObject, type: EventType, reason: string, message: string, component = 'kubelet'): void {
    const ns = obj.metadata.namespace ?? 'default';
    if (!this.store.get(R.namespaces, undefined, ns)) return;
    const suffix = createHash('sha1').update(`${obj.metadata.uid}|${reason}|${message}`).digest('hex').slice(0, 16);
    const name = `${obj.metadata.name}.${suffix}`;
    const at = isoSeconds(this.now());
    const existing = this.store.get(R.events, ns, name);
    if (existing) {
      this.store.replace(R.events, { ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: at });
      return;
    }
    this.store.create(R.events, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
      },
      reason,
      message,
      type,
      source: { component },
      reportingComponent: component,
      reportingInstance: component === 'kubelet' ? 'aks-nodepool1-sandbox' : '',
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
    });
  }
}
