// startApiServer: the simulated Kubernetes API server of the sandbox — REST API, watches, controllers,
// LoadBalancer gateway and on-disk state — wired together. Real clients (kubectl, client-node) talk to it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiServerHandle, ApiServerOptions } from '../contract.js';
import { Gateway } from '../gateway/index.js';
import { clusterIpAllocator, type ServerContext } from './context.js';
import { scaledDuration, type ControllerContext } from './controllers/context.js';
import { deploymentController } from './controllers/deployments.js';
import { EventRecorder } from './controllers/events.js';
import { startGarbageCollector } from './controllers/garbage-collector.js';
import { endpointsController } from './controllers/endpoints.js';
import { jobController } from './controllers/jobs.js';
import { namespaceDefaultsController } from './controllers/namespace-defaults.js';
import { ingressStatusController } from './controllers/ingress-status.js';
import { loadBalancerController } from './controllers/loadbalancers.js';
import { ControllerManager } from './controllers/manager.js';
import { namespaceController } from './controllers/namespaces.js';
import { podLogs } from './controllers/pod-logs.js';
import { podController } from './controllers/pods.js';
import { pvcController } from './controllers/pvcs.js';
import { replicaSetController } from './controllers/replicasets.js';
import { statefulSetController } from './controllers/statefulsets.js';
import { FaultInjector } from './faults.js';
import { admissionWebhooks } from './admission.js';
import { StateSaver, loadState } from './persistence.js';
import { Scheduler } from './scheduler.js';
import { seedCluster } from './seed.js';
import { createPipeline } from './server.js';
import { Store } from './store.js';
import { WatchHub } from './watch.js';

export type { ApiServerHandle, ApiServerOptions } from '../contract.js';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServerHandle> {
  const store = new Store();
  const snapshot = loadState(options.stateFile);
  if (snapshot) store.restore(snapshot);
  else seedCluster(store);

  const hub = new WatchHub(store.rv);
  store.on((ev) => hub.publish(ev));
  const saver = new StateSaver(options.stateFile, store);
  store.on(() => saver.changed());

  const scheduler = new Scheduler();
  const gateway = new Gateway(store, options.images);
  const dur = scaledDuration(options.profile, options.faults);
  const cctx: ControllerContext = {
    store,
    now: Date.now,
    dur,
    images: options.images,
    faults: options.faults,
    events: new EventRecorder(store, Date.now),
    lb: gateway,
  };
  const controllers = new ControllerManager(
    cctx,
    [
      podController,
      jobController,
      replicaSetController,
      deploymentController,
      statefulSetController,
      pvcController,
      namespaceController,
      namespaceDefaultsController,
      endpointsController,
      loadBalancerController,
      ingressStatusController,
    ],
    scheduler,
  );
  const orphans = new Set<string>();
  const stopGc = startGarbageCollector(store, orphans);

  const ctx: ServerContext = {
    store,
    hub,
    orphans,
    allocateIp: clusterIpAllocator(store),
    podLogs: (pod, _container, previous) => podLogs(store, options.faults, pod, previous),
    admit: admissionWebhooks(options.faults.admissionDeny),
  };
  let port = 0;
  const server = createServer(
    createPipeline(ctx, {
      token: options.token,
      faults: new FaultInjector(options.faults.api),
      latencyMs: () => dur('apiLatency'),
      serverAddress: () => `127.0.0.1:${port}`,
    }),
  );
  port = await listen(server, options.port);
  controllers.start();

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    save: () => saver.save(),
    close: () =>
      (closing ??= (async () => {
        controllers.close();
        scheduler.close();
        stopGc();
        hub.closeAll();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await gateway.close();
        await saver.save();
        saver.cancel();
      })()),
  };
}
