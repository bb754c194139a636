// PersistentVolumeClaims bind after the profile's pvcBind delay (dynamic provisioning of a disk).
import { R } from '../resources.js';
import type { Controller } from './context.js';

export const pvcController: Controller = {
  name: 'pv-binder',
  resource: R.pvcs,
  reconcile(ctx, key) {
    const pvc = ctx.store.get(R.pvcs, key.namespace, key.name);
    if (!pvc || pvc.status?.phase === 'Bound') return undefined;
    const bindAt = Number(ctx.store.simOf(pvc).createdMs) + ctx.dur('pvcBind');
    if (ctx.now() < bindAt) {
      if (pvc.status?.phase !== 'Pending') ctx.store.replace(R.pvcs, { ...pvc, status: { phase: 'Pending' } });
      return bindAt;
    }
    const volumeName = `pvc-${pvc.metadata.uid}`;
    ctx.store.replace(R.pvcs, {
      ...pvc,
      metadata: {
        ...pvc.metadata,
        annotations: { ...pvc.metadata.annotations, 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' },
      },
      spec: { ...pvc.spec, volumeName },
      status: {
        phase: 'Bound',
        accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
        capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' },
      },
    });
    ctx.events.record(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${volumeName}`, 'disk.csi.azure.com');
    return undefined;
  },
};
