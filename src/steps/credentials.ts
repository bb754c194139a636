// Database passwords and the JWT key, generated once per ID and kept only in the cluster (Secret
// lifesub-credentials). PostgreSQL keeps the password it was first installed with in its volume, so
// these are never rotated: an existing Secret is reused, and an incomplete one is a hard stop.
import { ToolError } from '../core/errors.js';
import type { Credentials, Step, StepContext } from '../graph/step.js';
import { CREDENTIALS_SECRET, credentialsFromSecret, generateCredentials, renderCredentialsSecret } from '../render/index.js';

export const credentialsStep: Step = {
  name: 'credentials',
  title: 'Prepare the credentials',
  needs: ['namespace'],
  plan: (settings) => [
    `reuse Secret ${CREDENTIALS_SECRET} in ${settings.namespace} if present, else generate passwords and create it (never rotated)`,
  ],
  async run(ctx) {
    const { kube } = ctx.adapters;
    const existing = await readExisting(ctx);
    if (existing) {
      ctx.facts.credentials = existing;
      return { skipped: 'reused existing credentials — never rotated' };
    }
    const fresh = generateCredentials(ctx.settings);
    const created = await kube.create(renderCredentialsSecret(ctx.settings, fresh), ctx.signal);
    if (created) {
      ctx.facts.credentials = fresh;
      return { message: `generated new credentials (Secret ${CREDENTIALS_SECRET})` };
    }
    // Someone (a parallel run) created it between our read and our create: theirs wins.
    const raced = await readExisting(ctx);
    if (!raced) throw new ToolError(`Secret ${CREDENTIALS_SECRET} could not be created or read in ${ctx.settings.namespace}`);
    ctx.facts.credentials = raced;
    return { skipped: 'reused credentials created by a concurrent run — never rotated' };
  },
};

/** The stored credentials, undefined when the Secret is absent; throws when it is present but incomplete. */
async function readExisting(ctx: StepContext): Promise<Credentials | undefined> {
  const { namespace } = ctx.settings;
  const secret = await ctx.adapters.kube.get(
    { apiVersion: 'v1', kind: 'Secret', name: CREDENTIALS_SECRET, namespace },
    ctx.signal,
  );
  if (!secret) return undefined;
  const credentials = credentialsFromSecret(ctx.settings, secret);
  if (!credentials) {
    throw new ToolError(
      `Secret ${CREDENTIALS_SECRET} in ${namespace} is incomplete; lifesub will not overwrite it (new passwords would lock the databases out of their data)`,
      `restore the missing keys, or remove everything with \`lifesub down --id ${ctx.settings.id}\` and start over`,
    );
  }
  return credentials;
}
