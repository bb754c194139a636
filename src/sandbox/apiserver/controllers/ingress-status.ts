// ingress-nginx publishes its LoadBalancer address on every Ingress of class nginx (the ADDRESS column
// of `kubectl get ingress`), once the controller's Service has one.
import { isIngressControllerService } from '../../gateway/backends.js';
import { isNginxClass } from '../../gateway/ingress-routing.js';
import { R } from '../resources.js';
import type { Json } from '../types.js';
import type { Controller } from './context.js';

export const ingressStatusController: Controller = {
  name: 'ingress-status',
  resource: R.ingresses,
  triggers(ev, ctx) {
    if (ev.resource !== R.services || !isIngressControllerService(ev.object)) return [];
    return ctx.store.view(R.ingresses).map((i) => ({ namespace: i.metadata.namespace, name: i.metadata.name }));
  },
  reconcile(ctx, key) {
    const ing = ctx.store.get(R.ingresses, key.namespace, key.name);
    if (!ing || !isNginxClass(ing)) return undefined;
    const controller = ctx.store.view(R.services).find((s) => isIngressControllerService(s) && s.status?.loadBalancer?.ingress?.length);
    const ingress = (controller?.status?.loadBalancer?.ingress ?? []).map((i: Json) => ({ ip: i.ip }));
    ctx.store.replace(R.ingresses, { ...ing, status: { loadBalancer: ingress.length ? { ingress } : {} } });
    return undefined;
  },
};
