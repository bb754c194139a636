// Causes a tool (helm, git, gradle, docker) states in its own output:
//   helm: `… IngressClass "nginx" in namespace "" exists and cannot be imported into the current release:
//         invalid ownership metadata; annotation validation error: key "meta.helm.sh/release-name" must equal
//         "ingress-nginx": current value is "other"; …` (helm pkg/action/validate.go)
//   a full disk: `No space left on device` (Go's syscall.ENOSPC text; git `fatal: … No space left on
//         device`, gradle `java.io.IOException: No space left on device`, docker `write …: no space left on device`)
//   and anything the API server refused on the tool's behalf (403, admission webhooks: api-refusal.ts).
import { apiRefusalCause } from './api-refusal.js';
import { firstLine, type Cause } from './cause.js';

/** The other owner named in helm's ownership validation errors. */
export function helmOwnerOf(text: string): { release?: string; namespace?: string; object?: string } {
  // A cluster-scoped object is quoted with `in namespace ""`: say nothing of a namespace then.
  const object = /(\w+ "[^"]*"(?: in namespace "[^"]*")?) exists and cannot be imported/.exec(text)?.[1]?.replace(' in namespace ""', '');
  const release = /"meta\.helm\.sh\/release-name" must equal "[^"]*": current value is "([^"]*)"/.exec(text)?.[1];
  const namespace = /"meta\.helm\.sh\/release-namespace" must equal "[^"]*": current value is "([^"]*)"/.exec(text)?.[1];
  return { ...(object ? { object } : {}), ...(release ? { release } : {}), ...(namespace ? { namespace } : {}) };
}

/** The known cause stated in a tool's message + stderr tail, or undefined. */
export function toolOutputCause(text: string): Cause | undefined {
  const line = (re: RegExp): string => firstLine(text.split('\n').find((l) => re.test(l)) ?? text);
  if (/invalid ownership metadata|cannot be imported into the current release/.test(text)) {
    const owner = helmOwnerOf(text);
    const object = owner.object ?? 'an object of the chart';
    const byWhom = owner.release
      ? `release ${owner.release}${owner.namespace ? ` in namespace ${owner.namespace}` : ''}`
      : 'something installed without Helm (or by another tool)';
    return {
      kind: 'helm-ownership',
      quote: line(/invalid ownership metadata|cannot be imported/),
      summary: `${object} is owned by ${byWhom} (invalid ownership metadata)`,
      hint: `${object} already belongs to ${byWhom}: that installation owns it, so this one cannot; use that controller (remove its leftovers first if it is broken: \`helm list -A\`), or ask whoever installed it`,
    };
  }
  if (/no space left on device|\bENOSPC\b/i.test(text)) {
    return {
      kind: 'disk-full',
      quote: line(/no space left on device|ENOSPC/i),
      summary: 'no space left on device',
      hint: 'the disk is full: free space (`df -h`; `docker system prune` removes unused images and build cache, `~/.gradle/caches` can be deleted) and run again',
    };
  }
  return apiRefusalCause(text);
}
