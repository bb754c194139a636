// A fresh cluster has what every real one has: the system namespaces and the `kubernetes` Service.
import { applyDefaults } from './defaults.js';
import { R } from './resources.js';
import type { Store } from './store.js';
import type { KObject } from './types.js';

export function seedCluster(store: Store): void {
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    const ns: KObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
    applyDefaults(R.namespaces, ns, () => '');
    store.create(R.namespaces, ns);
  }
  const svc: KObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.0.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 443 }] },
  };
  applyDefaults(R.services, svc, () => '10.0.0.1');
  store.create(R.services, svc);
}
