// The rendered manifests of walkthrough step 12, split the way `up` applies them: configuration
// (ConfigMaps, Secrets) as soon as the addresses are known, workloads once images and databases exist.
import { createHash } from 'node:crypto';
import type { KubeObject } from '../adapters/types.js';
import { need, type StepContext } from '../graph/step.js';
import { renderManifests, validateObjects } from '../render/index.js';

const CONFIG_KINDS = new Set(['ConfigMap', 'Secret']);

export function isConfigObject(obj: KubeObject): boolean {
  return obj.apiVersion === 'v1' && CONFIG_KINDS.has(obj.kind);
}

/** Renders every manifest from the facts and checks it; invalid output is a lifesub bug, not the user's. */
export function renderChecked(ctx: StepContext): KubeObject[] {
  const objects = renderManifests({
    settings: ctx.settings,
    credentials: need(ctx.facts.credentials, 'credentials'),
    ingressAddress: need(ctx.facts.ingressAddress, 'ingressAddress'),
    webAddress: need(ctx.facts.webAddress, 'webAddress'),
    apiBasePaths: need(ctx.facts.apiBasePaths, 'apiBasePaths'),
    images: ctx.facts.images,
  });
  const problems = validateObjects(objects);
  if (problems.length > 0) {
    throw new Error(`internal: rendered manifests are invalid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  return objects;
}

/**
 * The digest of what lifesub applies, kept on the object itself: when the live object carries the
 * digest of the object we are about to apply, the apply would change nothing and is not sent. (Someone
 * editing the object by hand keeps our annotation; their edit stays until our desired state changes.)
 * The digest covers Secret data too, like the config hash on pod templates: a digest reveals no value.
 */
export const APPLIED_DIGEST_ANNOTATION = 'lifesub.io/applied-digest';

/** sha256 (24 hex) of an object's canonical JSON (keys sorted), without the digest annotation itself. */
export function appliedDigest(obj: KubeObject): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  const annotations = { ...obj.metadata.annotations };
  delete annotations[APPLIED_DIGEST_ANNOTATION];
  const bare = { ...obj, metadata: { ...obj.metadata, annotations } };
  return createHash('sha256')
    .update(JSON.stringify(canonical(bare)))
    .digest('hex')
    .slice(0, 24);
}

/** How many objects an applyAll sent, and how many it left alone because they were already as desired. */
export interface ApplyCount {
  applied: number;
  unchanged: number;
}

/**
 * Applies objects one by one, in order (later ones may refer to earlier ones), each carrying
 * APPLIED_DIGEST_ANNOTATION; an object whose live copy already carries the same digest is not sent.
 */
export async function applyAll(ctx: StepContext, objects: KubeObject[]): Promise<ApplyCount> {
  const count: ApplyCount = { applied: 0, unchanged: 0 };
  for (const obj of objects) {
    const digest = appliedDigest(obj);
    const { kind, apiVersion, metadata } = obj;
    const live = await ctx.adapters.kube.get({ apiVersion, kind, name: metadata.name, namespace: metadata.namespace }, ctx.signal);
    if (live?.metadata.annotations?.[APPLIED_DIGEST_ANNOTATION] === digest && !live.metadata.deletionTimestamp) {
      count.unchanged++;
      continue;
    }
    const annotated = { ...obj, metadata: { ...metadata, annotations: { ...metadata.annotations, [APPLIED_DIGEST_ANNOTATION]: digest } } };
    await ctx.adapters.kube.apply(annotated, ctx.signal);
    count.applied++;
    ctx.log(`applied ${kind} ${metadata.name}`);
  }
  return count;
}

/** "3 applied, 2 unchanged" for step messages. */
export function describeCount(count: ApplyCount, what = 'objects'): string {
  // "1 object applied", not "1 objects": the default noun has a singular; callers' own nouns are plural phrases.
  const noun = count.applied === 1 && what === 'objects' ? 'object' : what;
  return count.unchanged === 0 ? `${count.applied} ${noun} applied` : `${count.applied} ${noun} applied, ${count.unchanged} unchanged`;
}
