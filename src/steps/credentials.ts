// Database passwords and the JWT key, generated once per ID and kept only in the cluster (Secret
// lifesub-credentials). PostgreSQL keeps the password it was first installed with in its volume, so
// these are never rotated: an existing Secret is reused, an incomplete one is a hard stop, and a missing
// one is rebuilt from what is left (credentials-recover.ts) — never generated next to existing data.
import { ToolError } from '../core/errors.js';
import type { Credentials, StepDefinition, StepContext } from '../graph/step.js';
import { CREDENTIALS_SECRET, credentialsFromSecret, renderCredentialsSecret } from '../render/index.js';
import { dataVolumes, recoverCredentials } from './credentials-recover.js';
import { resetData } from './credentials-reset.js';

export interface CredentialsOptions {
  /** `up --reset-data`: uninstall the databases and delete their data volumes first. */
  resetData: boolean;
}

export function credentialsStepFor(options: CredentialsOptions): StepDefinition {
  return {
    name: 'credentials',
    title: 'Prepare the credentials',
    writes: ['credentials'],
    plan: (settings) => [
      ...(options.resetData ? [`uninstall the database releases and delete their data volumes in ${settings.namespace} (--reset-data)`] : []),
      `reuse Secret ${CREDENTIALS_SECRET} in ${settings.namespace} if present, else recover it from the app Secrets, else generate passwords (never next to an existing data volume)`,
    ],
    async run(ctx) {
      const reset = options.resetData ? await resetData(ctx) : [];
      const resetNote = reset.length > 0 ? `; data volumes deleted: ${reset.join(', ')}` : '';
      const existing = await readExisting(ctx);
      if (existing) {
        ctx.facts.credentials = existing;
        return reset.length > 0 ? { message: `reused existing credentials${resetNote}` } : { skipped: 'reused existing credentials — never rotated' };
      }
      const volumes = await dataVolumes(ctx);
      const recovery = await recoverCredentials(ctx, volumes);
      const created = await ctx.adapters.kube.create(renderCredentialsSecret(ctx.settings, recovery.credentials), ctx.signal);
      if (created) {
        ctx.facts.credentials = recovery.credentials;
        if (recovery.recovered.length > 0) ctx.log(`recovered: ${recovery.recovered.join('; ')}`);
        if (recovery.generated.length > 0) ctx.log(`generated: ${recovery.generated.join('; ')}`);
        const how =
          recovery.recovered.length > 0
            ? `recreated Secret ${CREDENTIALS_SECRET} from the app Secrets (passwords unchanged)`
            : `generated new credentials (Secret ${CREDENTIALS_SECRET})`;
        return { message: `${how}${resetNote}` };
      }
      // Someone (a parallel run) created it between our read and our create: theirs wins.
      const raced = await readExisting(ctx);
      if (!raced) throw new ToolError(`Secret ${CREDENTIALS_SECRET} could not be created or read in ${ctx.settings.namespace}`);
      ctx.facts.credentials = raced;
      return { skipped: 'reused credentials created by a concurrent run — never rotated' };
    },
  };
}

export const credentialsStep: StepDefinition = credentialsStepFor({ resetData: false });

/** The stored credentials, undefined when the Secret is absent; throws when it is present but incomplete. */
async function readExisting(ctx: StepContext): Promise<Credentials | undefined> {
  const { namespace } = ctx.settings;
  const secret = await ctx.adapters.kube.get({ apiVersion: 'v1', kind: 'Secret', name: CREDENTIALS_SECRET, namespace }, ctx.signal);
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
