// What the ingress-nginx chart creates, reduced to the objects the lab depends on: the controller
// Deployment, its LoadBalancer Service, its ConfigMap and the `nginx` IngressClass.
import type { KubeObject } from '../../../adapters/types.js';
import type { Chart } from './index.js';
import { at, fullname, map, obj, str, type Values } from './values.js';

const APP_VERSION = '1.12.1';

export const ingressNginx: Chart = {
  name: 'ingress-nginx',
  appVersion: APP_VERSION,
  latestVersion: '4.12.1',
  render(release, namespace, version, values): KubeObject[] {
    const controller = `${fullname(release, 'ingress-nginx', values.fullnameOverride)}-controller`;
    const selector = {
      'app.kubernetes.io/name': 'ingress-nginx',
      'app.kubernetes.io/instance': release,
      'app.kubernetes.io/component': 'controller',
    };
    const labels = {
      'helm.sh/chart': `ingress-nginx-${version}`,
      ...selector,
      'app.kubernetes.io/version': APP_VERSION,
      'app.kubernetes.io/part-of': 'ingress-nginx',
      'app.kubernetes.io/managed-by': 'Helm',
      ...map(values, 'commonLabels'),
    };
    const meta = (name: string, extra: Record<string, string> = {}) => ({ name, namespace, labels: { ...labels, ...extra } });
    const className = str(values, 'controller.ingressClassResource.name') ?? 'nginx';
    const appProtocol = at(values, 'controller.service.appProtocol') !== false;
    const port = (name: string, number: number) => ({ name, port: number, protocol: 'TCP', targetPort: name, ...(appProtocol ? { appProtocol: name } : {}) });
    const loadBalancerIP = str(values, 'controller.service.loadBalancerIP');
    const resources = obj(values, 'controller.resources') ?? { requests: { cpu: '100m', memory: '90Mi' } };
    const probe = (path: string, delay: number): Values => ({
      httpGet: { path, port: 10254, scheme: 'HTTP' },
      initialDelaySeconds: delay,
      periodSeconds: 10,
      timeoutSeconds: 1,
      failureThreshold: 3,
    });
    return [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: meta(controller),
        data: { 'allow-snippet-annotations': 'false', ...map(values, 'controller.config') },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { ...meta(controller), annotations: map(values, 'controller.service.annotations') },
        spec: {
          type: str(values, 'controller.service.type') ?? 'LoadBalancer',
          ...(loadBalancerIP ? { loadBalancerIP } : {}),
          externalTrafficPolicy: str(values, 'controller.service.externalTrafficPolicy') ?? 'Cluster',
          ipFamilyPolicy: 'SingleStack',
          ipFamilies: ['IPv4'],
          ports: [port('http', 80), port('https', 443)],
          selector,
        },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: meta(controller, map(values, 'controller.labels')),
        spec: {
          replicas: (at(values, 'controller.replicaCount') as number | undefined) ?? 1,
          revisionHistoryLimit: 10,
          minReadySeconds: 0,
          selector: { matchLabels: selector },
          template: {
            metadata: { labels: { ...labels, ...map(values, 'controller.podLabels') }, annotations: map(values, 'controller.podAnnotations') },
            spec: {
              dnsPolicy: 'ClusterFirst',
              terminationGracePeriodSeconds: 300,
              nodeSelector: { 'kubernetes.io/os': 'linux' },
              containers: [
                {
                  name: 'controller',
                  image: `registry.k8s.io/ingress-nginx/controller:v${APP_VERSION}`,
                  imagePullPolicy: 'IfNotPresent',
                  args: [
                    '/nginx-ingress-controller',
                    `--publish-service=$(POD_NAMESPACE)/${controller}`,
                    `--election-id=${controller}-leader`,
                    '--controller-class=k8s.io/ingress-nginx',
                    `--ingress-class=${className}`,
                    `--configmap=$(POD_NAMESPACE)/${controller}`,
                  ],
                  env: [
                    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                    { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                  ],
                  ports: [
                    { name: 'http', containerPort: 80, protocol: 'TCP' },
                    { name: 'https', containerPort: 443, protocol: 'TCP' },
                  ],
                  livenessProbe: probe('/healthz', 10),
                  readinessProbe: probe('/healthz', 10),
                  resources,
                },
              ],
            },
          },
        },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: { name: className, labels },
        spec: { controller: 'k8s.io/ingress-nginx' },
      },
    ];
  },
};
