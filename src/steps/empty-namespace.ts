// Removes a namespace lifesub just created when a failed install left nothing in it. "Empty" means no
// object of the kinds an install writes; the ServiceAccount `default` and ConfigMap `kube-root-ca.crt`
// are made by Kubernetes in every namespace and do not count.
import { isAbort, messageOf } from '../core/errors.js';
import type { StepContext } from '../graph/step.js';

const KINDS: Array<[apiVersion: string, kind: string, ignore: string[]]> = [
  ['v1', 'Secret', []],
  ['v1', 'ConfigMap', ['kube-root-ca.crt']],
  ['v1', 'Service', []],
  ['v1', 'Pod', []],
  ['v1', 'ServiceAccount', ['default']],
  ['apps/v1', 'Deployment', []],
  ['batch/v1', 'Job', []],
];

/** Deletes `namespace` if it holds nothing; best effort (the install's own error is what the user needs). */
export async function removeIfEmpty(ctx: StepContext, namespace: string): Promise<void> {
  const signal = AbortSignal.timeout(15_000);
  try {
    for (const [apiVersion, kind, ignore] of KINDS) {
      const items = await ctx.adapters.kube.list(apiVersion, kind, namespace, {}, signal);
      if (items.some((o) => !ignore.includes(o.metadata.name))) {
        ctx.log(`namespace ${namespace} is kept: the failed install left ${kind} objects in it (a re-run repairs them)`);
        return;
      }
    }
    await ctx.adapters.kube.delete({ apiVersion: 'v1', kind: 'Namespace', name: namespace }, signal);
    ctx.log(`removed namespace ${namespace}, which lifesub had created for the failed install and which is empty`);
  } catch (err) {
    if (isAbort(err, ctx.signal)) throw err;
    ctx.log(`could not check or remove the empty namespace ${namespace}: ${messageOf(err)}`);
  }
}
