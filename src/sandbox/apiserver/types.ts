// Shapes shared inside the simulated API server. Objects are plain JSON as they travel over the wire;
// the server reads them loosely (like the real apiserver's unstructured handling).

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = any;

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  managedFields?: ManagedFieldsEntry[];
  finalizers?: string[];
  [key: string]: Json;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Json;
  subresource?: string;
}

export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: Json;
  status?: Json;
  [key: string]: Json;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** A committed change, as the store announces it to the watch hub and the controllers. */
export interface StoreEvent {
  type: WatchEventType;
  /** Resource key, e.g. "pods" or "deployments.apps". */
  resource: string;
  object: KObject;
  /** The global resourceVersion of this change. */
  rv: number;
}
