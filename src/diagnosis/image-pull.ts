// Why an image pull failed, read from the kubelet's `Failed` events (the pod status only says
// ErrImagePull / ImagePullBackOff). containerd's wordings (k8s 1.2x/1.3x, containerd 1.7/2.x):
//   401: `… failed to authorize: failed to fetch anonymous token: unexpected status from GET request to
//        https://<host>/oauth2/token?…: 401 Unauthorized` (or `… : unauthorized: authentication required`)
//   404: `… failed to resolve reference "<ref>": <ref>: not found` (docker-style: `manifest unknown`)
//   DNS: `… dial tcp: lookup <host> on 168.63.129.16:53: no such host`
import type { Cause } from './cause.js';

export type PullFailure = 'unauthorized' | 'not-found' | 'no-such-host';

/** Which of the known pull failures `text` (a kubelet event or container waiting message) states, if any. */
export function pullFailureOf(text: string): PullFailure | undefined {
  if (/no such host|server misbehaving/i.test(text)) return 'no-such-host';
  if (/\b401\b|unauthorized|authentication required|failed to authorize|pull access denied|insufficient_scope/i.test(text)) return 'unauthorized';
  if (/\bnot found\b|manifest unknown|NotFound desc|repository does not exist|name unknown/i.test(text)) return 'not-found';
  return undefined;
}

/** The registry host of an image reference (`docker.io` for `nginx:1.27` / `bitnami/postgresql`). */
export function registryHostOf(image: string): string {
  const first = image.split('/')[0] ?? '';
  return image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : 'docker.io';
}

export interface PullContext {
  image: string;
  /** The student's registry login server (`alicecr.azurecr.io`): images there are the ones lifesub pushes. */
  loginServer?: string;
  namespace: string;
  /** Name of the pull secret lifesub writes. */
  pullSecret: string;
}

/**
 * The cause and fix of a failed pull from the kubelet's own words (`messages`: newest last), or
 * undefined when none of them names a known failure. `--attach-acr` is suggested only where it helps:
 * a 401 from an Azure Container Registry.
 */
export function imagePullCause(messages: readonly string[], c: PullContext): Cause | undefined {
  const quote = [...messages].reverse().find((m) => pullFailureOf(m) !== undefined);
  if (!quote) return undefined;
  const host = registryHostOf(c.image);
  const ours = c.loginServer !== undefined && host.toLowerCase() === c.loginServer.toLowerCase();
  const acr = /\.azurecr\.(io|cn|us)$/i.test(host);
  const name = host.split('.')[0];
  switch (pullFailureOf(quote)!) {
    case 'unauthorized':
      return {
        kind: 'image-unauthorized',
        quote,
        summary: `${host} refused the pull (401 Unauthorized)`,
        hint: acr
          ? `the cluster is not allowed to pull from ${host} (401): attach the registry to the cluster (\`az aks update -n <cluster> -g <resource-group> --attach-acr ${name}\`) or check the pull secret ${c.pullSecret} in ${c.namespace}`
          : `${host} refused to serve ${c.image} without credentials (401): the image is private or its name is wrong; use a public image or give the cluster a pull secret for ${host}`,
      };
    case 'not-found':
      return {
        kind: 'image-not-found',
        quote,
        summary: ours ? `${c.image} is not in your registry (not found)` : `the public image ${c.image} does not exist (not found)`,
        hint: ours
          ? `${c.image} is not in your registry ${host}: the push step did not push this tag; run \`lifesub up\` again, or check with \`az acr repository show-tags -n ${name} --repository ${repoOf(c.image, host)}\``
          : `the public image ${c.image} no longer exists on ${host} (the tag or repository was removed upstream); choose a tag that exists and set it in your --config`,
      };
    case 'no-such-host':
      return {
        kind: 'image-no-such-host',
        quote,
        summary: `registry host ${host} does not resolve (no such host)`,
        hint: ours
          ? `the cluster cannot resolve your registry ${host}: check that registry ${name} exists (\`az acr show -n ${name}\`) and the registry name you gave lifesub`
          : `the cluster cannot resolve the registry host ${host}: check the image name ${c.image} for a typo and the nodes' DNS`,
      };
  }
}

function repoOf(image: string, host: string): string {
  const rest = image.slice(host.length + 1);
  return rest.replace(/[:@].*$/, '');
}
