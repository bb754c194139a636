// The rendered manifests of walkthrough step 12, split the way `up` applies them: configuration
// (ConfigMaps, Secrets) as soon as the addresses are known, workloads once images and databases exist.
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

/** Applies objects one by one, in order (later ones may refer to earlier ones). */
export async function applyAll(ctx: StepContext, objects: KubeObject[]): Promise<void> {
  for (const obj of objects) {
    await ctx.adapters.kube.apply(obj, ctx.signal);
    ctx.log(`applied ${obj.kind} ${obj.metadata.name}`);
  }
}
