// What every controller gets: the store, the clock, scaled durations, the image catalog, faults,
// an event recorder and the LoadBalancer gateway.
import type { DurationName, Faults, ImageCatalog, Profile } from '../../contract.js';
import type { Store } from '../store.js';
import type { KObject, StoreEvent } from '../types.js';
import type { EventRecorder } from './events.js';

/** Opens and closes the per-Service HTTP listeners that stand in for cloud load balancers. */
export interface LoadBalancerPorts {
  /** Listens for this Service (on `preferredPort` when free) and returns the port. */
  ensure(namespace: string, name: string, preferredPort?: number): Promise<number>;
  release(namespace: string, name: string): Promise<void>;
}

export interface ControllerContext {
  store: Store;
  now(): number;
  /** A profile duration in ms, with `scale` and any `faults.slow` multiplier applied. */
  dur(name: DurationName): number;
  images: ImageCatalog;
  faults: Faults;
  events: EventRecorder;
  lb: LoadBalancerPorts;
}

export type ObjectKey = { namespace?: string; name: string };

export interface Controller {
  name: string;
  /** Store key of the objects it reconciles. */
  resource: string;
  /** Other objects to reconcile after a change (its own objects are always reconciled). */
  triggers?(ev: StoreEvent, ctx: ControllerContext): ObjectKey[];
  /** Brings one object's world in line; returns when (epoch ms) to look again, if ever. */
  reconcile(ctx: ControllerContext, key: ObjectKey): Promise<number | undefined> | number | undefined;
}

export function scaledDuration(profile: Profile, faults: Faults): (name: DurationName) => number {
  return (name) => Math.max(0, profile.durations[name] * profile.scale * (faults.slow?.[name] ?? 1));
}

/** The owner reference of a given kind, if any. */
export function ownerOf(obj: KObject, kind: string): { name: string; uid: string } | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.kind === kind && o.controller !== false);
}

export function ownedBy(obj: KObject, uid: string | undefined): boolean {
  return !!uid && (obj.metadata.ownerReferences ?? []).some((o) => o.uid === uid);
}
