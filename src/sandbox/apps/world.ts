// What a simulated app may look at: the cluster's objects and the sandbox-only records kept beside them
// (e.g. what a PostgreSQL data volume was initialised with). The API server's Store satisfies it.
import type { Json, KObject } from '../apiserver/types.js';

/** Flat per-object record the sandbox keeps out of the API (survives restarts with the state file). */
export type SimRecord = Record<string, number | string | undefined>;

/** Read access to the cluster plus the sandbox's per-object records. */
export interface World {
  get(resource: string, namespace: string | undefined, name: string): KObject | undefined;
  list(resource: string, namespace?: string): KObject[];
  /** The sandbox record of an object (by uid); writable, created on first use. */
  simOf(obj: KObject): SimRecord;
  /** The build args an image was built with (its config's history records them), when the registry knows. */
  imageBuildArgs?(ref: string): Record<string, string> | undefined;
}

/** A request as the app's HTTP server sees it (after ingress rewriting). */
export interface AppRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: string;
  /** The container port the connection reached. */
  port: number;
}

/** What the app answers. A header given as an array is sent as several header lines. */
export interface AppResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

export function containersOf(pod: KObject): Json[] {
  return pod.spec?.containers ?? [];
}
