// What Kubernetes puts in every namespace: the `default` ServiceAccount (serviceaccount-controller) and
// the `kube-root-ca.crt` ConfigMap (root-ca-cert-publisher). Both are put back when deleted.
import { R } from '../resources.js';
import type { KObject } from '../types.js';
import type { Controller } from './context.js';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** The annotation the root-ca-cert-publisher sets (k8s.io/kubernetes pkg/controller/certificates/rootcacertpublisher). */
const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** A PEM block standing in for the cluster CA (the sandbox serves plain HTTP; nothing verifies it). */
const SANDBOX_CA_PEM = `-----BEGIN CERTIFICATE-----\n${Buffer.from('lifesub sandbox cluster CA (not a real certificate)').toString('base64')}\n-----END CERTIFICATE-----\n`;

function defaultsFor(ns: string): Array<{ resource: string; object: KObject }> {
  return [
    { resource: R.serviceaccounts, object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } } },
    {
      resource: R.configmaps,
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: ROOT_CA_CONFIGMAP, namespace: ns, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
        data: { 'ca.crt': SANDBOX_CA_PEM },
      },
    },
  ];
}

export const namespaceDefaultsController: Controller = {
  name: 'namespace-defaults',
  resource: R.namespaces,
  triggers(ev) {
    const name = ev.object.metadata.name;
    const ours = (ev.resource === R.serviceaccounts && name === 'default') || (ev.resource === R.configmaps && name === ROOT_CA_CONFIGMAP);
    return ours && ev.type === 'DELETED' && ev.object.metadata.namespace ? [{ name: ev.object.metadata.namespace }] : [];
  },
  reconcile(ctx, key) {
    const ns = ctx.store.get(R.namespaces, undefined, key.name);
    // A Terminating namespace accepts no new content.
    if (!ns || ns.metadata.deletionTimestamp) return undefined;
    for (const { resource, object } of defaultsFor(key.name)) {
      if (!ctx.store.get(resource, key.name, object.metadata.name)) ctx.store.create(resource, object);
    }
    return undefined;
  },
};
