// Port plumbing shared by probes, Services and the gateway: named ports resolve through the
// container's `ports[].name`, as the kubelet and kube-proxy resolve them.
import type { Json, KObject } from '../apiserver/types.js';
import { containersOf } from './world.js';

/** A probe's or Service's targetPort (number or name) as a number on this pod, or undefined if the name is unknown. */
export function resolvePort(pod: KObject, port: number | string | undefined): number | undefined {
  if (port === undefined || port === '') return undefined;
  if (typeof port === 'number' || /^\d+$/.test(String(port))) return Number(port);
  for (const c of containersOf(pod)) {
    const p = (c.ports ?? []).find((x: Json) => x.name === port);
    if (p) return Number(p.containerPort);
  }
  return undefined;
}

/** The pod port a Service port number reaches (targetPort defaults to port), or undefined if the Service has no such port. */
export function servicePortToPod(service: KObject, pod: KObject, servicePort: number | string | undefined): number | undefined {
  const ports: Json[] = service.spec?.ports ?? [];
  const sp = ports.find((p) =>
    typeof servicePort === 'string' && !/^\d+$/.test(servicePort) ? p.name === servicePort : Number(p.port) === Number(servicePort),
  );
  if (!sp) return undefined;
  return resolvePort(pod, sp.targetPort ?? sp.port);
}
