// Validating admission webhooks that refuse (Faults.admissionDeny). The real API server wraps the
// webhook's answer as `admission webhook "<name>" denied the request: <message>` with the webhook's code
// (ingress-nginx answers 400 BadRequest; k8s.io/apiserver pkg/admission/plugin/webhook/errors).
import type { Faults } from '../contract.js';
import { ApiError } from './errors.js';
import type { KObject } from './types.js';

/** The admit hook for ServerContext, or undefined when no webhook refuses anything. */
export function admissionWebhooks(rules: Faults['admissionDeny']): ((kind: string, obj: KObject) => void) | undefined {
  if (!rules?.length) return undefined;
  return (kind, obj) => {
    const rule = rules.find((r) => r.kind === kind && (r.namespace === undefined || r.namespace === obj.metadata.namespace));
    if (!rule) return;
    throw new ApiError(400, 'BadRequest', `admission webhook "${rule.webhook}" denied the request: ${rule.message}`);
  };
}
