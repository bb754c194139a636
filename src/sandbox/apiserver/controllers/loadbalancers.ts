// Services of type LoadBalancer get an address after the profile's loadBalancer delay: 127.0.0.1 and a
// real port where the gateway answers like the app behind it. The port is remembered per Service name
// so the address stays the same across restarts and re-creations.
import { R } from '../resources.js';
import type { Controller } from './context.js';

const keyOf = (ns: string | undefined, name: string): string => `${ns ?? ''}/${name}`;

export const loadBalancerController: Controller = {
  name: 'service-lb',
  resource: R.services,
  async reconcile(ctx, key) {
    const svc = ctx.store.get(R.services, key.namespace, key.name);
    const id = keyOf(key.namespace, key.name);
    if (!svc || svc.spec?.type !== 'LoadBalancer') {
      await ctx.lb.release(key.namespace ?? '', key.name);
      if (svc?.status?.loadBalancer?.ingress) ctx.store.replace(R.services, { ...svc, status: { loadBalancer: {} } });
      return undefined;
    }
    if ((ctx.faults.loadBalancerNever ?? []).includes(key.name)) return undefined;
    const cloudError = ctx.faults.loadBalancerError?.[key.name];
    if (cloudError !== undefined) {
      // The service controller retries with back-off and says so each time (the recorder counts repeats).
      ctx.events.record(
        svc,
        'Warning',
        'SyncLoadBalancerFailed',
        `Error syncing load balancer: failed to ensure load balancer: ${cloudError}`,
        'service-controller',
      );
      return ctx.now() + Math.max(1_000, ctx.dur('loadBalancer'));
    }
    const sim = ctx.store.simOf(svc);
    sim.lbRequestedMs ??= ctx.now();
    const readyAt = Number(sim.lbRequestedMs) + ctx.dur('loadBalancer');
    if (ctx.now() < readyAt && !svc.status?.loadBalancer?.ingress) {
      if (!svc.status?.loadBalancer) ctx.store.replace(R.services, { ...svc, status: { loadBalancer: {} } });
      return readyAt;
    }
    const port = await ctx.lb.ensure(key.namespace ?? '', key.name, ctx.store.lbPorts.get(id));
    ctx.store.lbPorts.set(id, port);
    const latest = ctx.store.get(R.services, key.namespace, key.name);
    if (!latest) return undefined;
    const ingress = [{ ip: '127.0.0.1', ipMode: 'VIP', ports: [{ port, protocol: 'TCP' }] }];
    if (!latest.status?.loadBalancer?.ingress) ctx.events.record(latest, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', 'service-controller');
    ctx.store.replace(R.services, { ...latest, status: { loadBalancer: { ingress } } });
    return undefined;
  },
};
