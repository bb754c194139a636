// The endpoints and endpointslice controllers: for each Service with a selector, an Endpoints object of
// the same name and one EndpointSlice (discovery.k8s.io/v1) listing the selected pods' IPs — ready pods
// as addresses, others as notReadyAddresses / ready:false — with the Service's target ports resolved
// (named ports looked up in each pod's containers). Services without a selector are left alone.
import { R } from '../resources.js';
import { labelSelectorMatches } from '../selectors.js';
import type { Json, KObject } from '../types.js';
import { ownedBy, type Controller, type ControllerContext } from './context.js';
import { randomSuffix } from './helpers.js';
import { isPodReady } from './workload-pods.js';

const MANAGED_BY = 'endpointslice-controller.k8s.io';

/** The container port a Service port reaches on this pod, if the pod exposes it. */
function targetPortOf(svcPort: Json, pod: KObject): number | undefined {
  const t = svcPort.targetPort ?? svcPort.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(String(t))) return Number(t);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === t) return p.containerPort;
  return undefined;
}

function selectedPods(ctx: ControllerContext, svc: KObject): KObject[] {
  return ctx.store
    .view(R.pods, svc.metadata.namespace)
    .filter(
      (p) =>
        labelSelectorMatches({ matchLabels: svc.spec.selector }, p.metadata.labels) && p.status?.podIP && !['Succeeded', 'Failed'].includes(p.status?.phase),
    )
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

const targetRef = (p: KObject): Json => ({ kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid });

function endpointsFor(svc: KObject, pods: KObject[]): Json[] | undefined {
  const subsets: Json[] = [];
  for (const sp of svc.spec.ports ?? []) {
    const addr = (p: KObject): Json => ({ ip: p.status.podIP, nodeName: p.spec?.nodeName, targetRef: targetRef(p) });
    const reach = pods.filter((p) => targetPortOf(sp, p) !== undefined);
    if (reach.length === 0) continue;
    const ready = reach.filter(isPodReady).map(addr);
    const notReady = reach.filter((p) => !isPodReady(p)).map(addr);
    subsets.push({
      ...(ready.length ? { addresses: ready } : {}),
      ...(notReady.length ? { notReadyAddresses: notReady } : {}),
      ports: [{ ...(sp.name ? { name: sp.name } : {}), port: targetPortOf(sp, reach[0]!), protocol: sp.protocol ?? 'TCP' }],
    });
  }
  return subsets.length ? subsets : undefined;
}

function writeEndpoints(ctx: ControllerContext, svc: KObject, pods: KObject[]): void {
  const ns = svc.metadata.namespace;
  const live = ctx.store.get(R.endpoints, ns, svc.metadata.name);
  const subsets = endpointsFor(svc, pods);
  const obj: KObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { ...live?.metadata, name: svc.metadata.name, namespace: ns, labels: { ...svc.metadata.labels } },
    ...(subsets ? { subsets } : {}),
  };
  if (live) ctx.store.replace(R.endpoints, obj);
  else ctx.store.create(R.endpoints, obj);
}

function writeSlice(ctx: ControllerContext, svc: KObject, pods: KObject[]): void {
  const ns = svc.metadata.namespace;
  const mine = ctx.store.view(R.endpointslices, ns).filter((s) => ownedBy(s, svc.metadata.uid));
  const ports = (svc.spec.ports ?? []).map((sp: Json) => ({
    name: sp.name ?? '',
    port: pods[0] ? targetPortOf(sp, pods[0]) : undefined,
    protocol: sp.protocol ?? 'TCP',
  }));
  const body = {
    addressType: 'IPv4',
    endpoints: pods.map((p) => {
      const ready = isPodReady(p);
      return { addresses: [p.status.podIP], conditions: { ready, serving: ready, terminating: false }, nodeName: p.spec?.nodeName, targetRef: targetRef(p) };
    }),
    ports: ports.map((p: Json) => (p.port === undefined ? { name: p.name, protocol: p.protocol } : p)),
  };
  const labels = { ...svc.metadata.labels, 'endpointslice.kubernetes.io/managed-by': MANAGED_BY, 'kubernetes.io/service-name': svc.metadata.name };
  const owner = { apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true };
  const [first, ...extra] = mine;
  for (const s of extra) ctx.store.remove(R.endpointslices, ns, s.metadata.name);
  if (first) ctx.store.replace(R.endpointslices, { ...first, metadata: { ...first.metadata, labels }, ...body });
  else {
    const name = `${svc.metadata.name}-${randomSuffix()}`;
    ctx.store.create(R.endpointslices, {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name, generateName: `${svc.metadata.name}-`, namespace: ns, labels, ownerReferences: [owner] },
      ...body,
    });
  }
}

export const endpointsController: Controller = {
  name: 'endpoints',
  resource: R.services,
  // A pod change can change any Service of its namespace.
  triggers(ev, ctx) {
    if (ev.resource !== R.pods) return [];
    return ctx.store.view(R.services, ev.object.metadata.namespace).map((s) => ({ namespace: s.metadata.namespace, name: s.metadata.name }));
  },
  reconcile(ctx, key) {
    const svc = ctx.store.get(R.services, key.namespace, key.name);
    if (!svc) {
      // The Endpoints object has no owner reference: the controller removes it with its Service.
      ctx.store.remove(R.endpoints, key.namespace, key.name);
      return undefined;
    }
    if (!svc.spec?.selector || Object.keys(svc.spec.selector).length === 0) return undefined;
    const ns = ctx.store.get(R.namespaces, undefined, key.namespace ?? '');
    if (!ns || ns.metadata.deletionTimestamp) return undefined;
    const pods = selectedPods(ctx, svc);
    writeEndpoints(ctx, svc, pods);
    writeSlice(ctx, svc, pods);
    return undefined;
  },
};
