// What `kubectl logs` shows for a simulated container: the fault's lines for a crash-looping workload,
// the lab app's own output (src/sandbox/apps), otherwise a short start-up log in the style of the app inside.
import { appFor } from '../../apps/index.js';
import { appLogs } from '../../apps/lifecycle.js';
import type { Faults } from '../../contract.js';
import { isoSeconds, type Store } from '../store.js';
import type { KObject } from '../types.js';
import { isIngressController, isPostgres, isSpringBoot, workloadName } from './pod-facts.js';
import { isPodReady } from './workload-pods.js';

/** Log lines of a pod's container; `previous` asks for the run before the current one (`kubectl logs --previous`). */
export function podLogs(store: Store, faults: Faults, pod: KObject, previous = false): string[] {
  const workload = workloadName(store, pod);
  const crash = faults.crashLoop?.[workload];
  if (crash) return [...crash];
  // A simulated lab app logs what its current run printed.
  if (appFor(pod)) return (previous ? appLogs(store.simOf(pod), true) : undefined) ?? appLogs(store.simOf(pod)) ?? [];
  const at = isoSeconds(Number(store.simOf(pod).startedMs ?? Date.now()));
  const ready = isPodReady(pod);
  if (isSpringBoot(pod)) {
    const app = `${workload.charAt(0).toUpperCase()}${workload.slice(1)}Application`;
    const port = pod.spec?.containers?.[0]?.ports?.[0]?.containerPort ?? 8080;
    return [
      '  .   ____          _            __ _ _',
      ' :: Spring Boot ::                (v3.2.0)',
      `${at}  INFO 1 --- [main] c.unicorn.lifesub.${app} : Starting ${app} using Java 21`,
      `${at}  INFO 1 --- [main] o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat initialized with port ${port} (http)`,
      ...(ready ? [`${at}  INFO 1 --- [main] c.unicorn.lifesub.${app} : Started ${app} in 12.345 seconds (process running for 13.1)`] : []),
    ];
  }
  if (isPostgres(pod)) {
    return [
      'postgresql 00:00:00.00 INFO  ==> ** Starting PostgreSQL setup **',
      ...(ready ? [`${at} UTC [1] LOG:  database system is ready to accept connections`] : []),
    ];
  }
  if (isIngressController(pod)) {
    return [
      'NGINX Ingress controller',
      '  Release:       v1.12.1',
      ...(ready ? ['I0000 00:00:00.000000       7 controller.go:213] "Backend successfully reloaded"'] : []),
    ];
  }
  return [
    '/docker-entrypoint.sh: Configuration complete; ready for start up',
    `${at} [notice] 1#1: nginx/1.27.0`,
    `${at} [notice] 1#1: start worker processes`,
  ];
}
