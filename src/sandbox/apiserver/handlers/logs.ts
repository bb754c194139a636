// GET pods/<name>/log — plain text, honouring container, previous and tailLines.
import type { ServerResponse } from 'node:http';
import type { RequestInfo, ServerContext } from '../context.js';
import { ApiError, errors } from '../errors.js';
import { sendText } from '../http.js';
import { R } from '../resources.js';

export function handleLogs(ctx: ServerContext, info: RequestInfo, res: ServerResponse): void {
  const pod = ctx.store.get(R.pods, info.namespace, info.name!);
  if (!pod) throw errors.notFound('pods', '', info.name!);
  const names: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
  let container = info.query.get('container') ?? undefined;
  if (!container && names.length > 1) {
    throw errors.badRequest(`a container name must be specified for pod ${info.name}, choose one of: [${names.join(' ')}]`);
  }
  container ??= names[0];
  if (container && !names.includes(container)) throw errors.badRequest(`container ${container} is not valid for pod ${info.name}`);
  const status = (pod.status?.containerStatuses ?? []).find((c: { name: string }) => c.name === container);
  const previous = info.query.get('previous') === 'true';
  if (!status?.state?.running && !status?.state?.terminated && !status?.lastState?.terminated) {
    const reason: string = status?.state?.waiting?.reason ?? 'ContainerCreating';
    const why = reason === 'ErrImagePull' || reason === 'ImagePullBackOff' ? 'trying and failing to pull image' : reason;
    throw new ApiError(400, 'BadRequest', `container "${container}" in pod "${info.name}" is waiting to start: ${why}`);
  }
  let lines = ctx.podLogs(pod, container, previous);
  const tailText = info.query.get('tailLines');
  const tail = Number(tailText);
  if (tailText !== null && Number.isInteger(tail) && tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  sendText(res, 200, lines.map((l) => `${l}\n`).join(''));
}
