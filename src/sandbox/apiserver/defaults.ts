// Defaults the real API server fills in and that clients rely on (clusterIP, port protocol,
// targetPort, replicas, strategies…). Applied on every write; applying them twice changes nothing.
import { isPlainObject } from './merge.js';
import { R } from './resources.js';
import type { Json, KObject } from './types.js';

export type ClusterIpAllocator = () => string;

function defaultPodSpec(spec: Json): void {
  if (!isPlainObject(spec)) return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    if (!isPlainObject(c)) continue;
    c.terminationMessagePath ??= '/dev/termination-log';
    c.terminationMessagePolicy ??= 'File';
    c.imagePullPolicy ??= typeof c.image === 'string' && (c.image.endsWith(':latest') || !/:[^/]+$/.test(c.image)) ? 'Always' : 'IfNotPresent';
    c.resources ??= {};
    for (const p of c.ports ?? []) if (isPlainObject(p)) p.protocol ??= 'TCP';
  }
}

function defaultTemplate(spec: Json): void {
  if (isPlainObject(spec?.template)) {
    spec.template.metadata ??= {};
    defaultPodSpec(spec.template.spec);
  }
}

export function applyDefaults(resource: string, obj: KObject, allocateIp: ClusterIpAllocator): void {
  const spec = obj.spec;
  switch (resource) {
    case R.services: {
      if (!isPlainObject(spec)) obj.spec = {};
      const s = obj.spec;
      s.type ??= 'ClusterIP';
      s.sessionAffinity ??= 'None';
      if (s.clusterIP === undefined || s.clusterIP === '') s.clusterIP = allocateIp();
      if (s.clusterIP !== 'None') s.clusterIPs ??= [s.clusterIP];
      s.ipFamilies ??= ['IPv4'];
      s.ipFamilyPolicy ??= 'SingleStack';
      s.internalTrafficPolicy ??= 'Cluster';
      if (s.type === 'LoadBalancer' || s.type === 'NodePort') {
        s.externalTrafficPolicy ??= 'Cluster';
        s.allocateLoadBalancerNodePorts ??= s.type === 'LoadBalancer' ? true : undefined;
        if (s.allocateLoadBalancerNodePorts === undefined) delete s.allocateLoadBalancerNodePorts;
      }
      (s.ports ?? []).forEach((p: Json, i: number) => {
        if (!isPlainObject(p)) return;
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
        if ((s.type === 'LoadBalancer' || s.type === 'NodePort') && p.nodePort === undefined) p.nodePort = 30000 + ((hash(obj.metadata.name) + i) % 2767);
      });
      break;
    }
    case R.deployments:
      if (!isPlainObject(spec)) return;
      spec.replicas ??= 1;
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      spec.strategy ??= { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
      defaultTemplate(spec);
      break;
    case R.replicasets:
      if (!isPlainObject(spec)) return;
      spec.replicas ??= 1;
      defaultTemplate(spec);
      break;
    case R.statefulsets:
      if (!isPlainObject(spec)) return;
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= 'OrderedReady';
      spec.revisionHistoryLimit ??= 10;
      spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
      spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      defaultTemplate(spec);
      break;
    case R.jobs:
      if (!isPlainObject(spec)) return;
      spec.parallelism ??= 1;
      spec.completions ??= 1;
      spec.backoffLimit ??= 6;
      spec.completionMode ??= 'NonIndexed';
      spec.suspend ??= false;
      spec.podReplacementPolicy ??= 'TerminatingOrFailed';
      // A template without restartPolicy gets Always here, which validation then refuses (as the real server does).
      defaultTemplate(spec);
      break;
    case R.pods:
      defaultPodSpec(spec);
      break;
    case R.pvcs:
      if (!isPlainObject(spec)) return;
      spec.volumeMode ??= 'Filesystem';
      spec.storageClassName ??= 'default';
      break;
    case R.secrets:
      obj.type ??= 'Opaque';
      // The real server folds write-only stringData into data (base64) and never returns stringData.
      if (isPlainObject(obj.stringData)) {
        const data: Record<string, string> = { ...(obj.data ?? {}) };
        for (const [k, v] of Object.entries(obj.stringData)) data[k] = Buffer.from(String(v)).toString('base64');
        obj.data = data;
        delete obj.stringData;
      }
      break;
    case R.namespaces:
      obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name };
      obj.spec = { finalizers: ['kubernetes'], ...(isPlainObject(spec) ? spec : {}) };
      if (!obj.metadata.deletionTimestamp) obj.status = { phase: 'Active' };
      break;
  }
}

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}
