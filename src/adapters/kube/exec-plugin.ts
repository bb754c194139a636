// Kubeconfig users that authenticate through an exec credential plugin: what `az aks get-credentials`
// writes for an AAD-enabled AKS cluster (`kubelogin get-token …`). client-node would run the plugin
// itself with its stderr captured, so a device-code prompt never reached the student and Ctrl-C did not
// stop the wait. lifesub runs it through its own process runner instead (stderr shown live, abortable,
// with a time limit) and hands the resulting token to the Kubernetes client.
// Protocol: k8s.io/client-go/pkg/apis/clientauthentication (ExecCredential), as kubectl implements it.
import { AbortedError, ToolError } from '../../core/errors.js';
import type { CommandRunner, LineSink } from '../types.js';

/** The `users[].user.exec` entry of a kubeconfig. */
export interface ExecPlugin {
  command: string;
  args: string[];
  /** Extra environment for the plugin (kubeconfig `env: [{name, value}]`). */
  env: Record<string, string>;
  /** client.authentication.k8s.io/v1 or v1beta1. */
  apiVersion: string;
}

/** The exec plugin of a kubeconfig user entry, or undefined when the user authenticates otherwise. */
export function execPluginOf(user: { exec?: unknown } | null | undefined): ExecPlugin | undefined {
  const exec = user?.exec as { command?: unknown; args?: unknown; env?: unknown; apiVersion?: unknown } | undefined | null;
  if (!exec || typeof exec.command !== 'string' || exec.command === '') return undefined;
  const args = Array.isArray(exec.args) ? exec.args.map(String) : [];
  const env: Record<string, string> = {};
  if (Array.isArray(exec.env)) {
    for (const e of exec.env as Array<{ name?: unknown; value?: unknown }>) if (typeof e?.name === 'string') env[e.name] = String(e.value ?? '');
  }
  const apiVersion = typeof exec.apiVersion === 'string' ? exec.apiVersion : 'client.authentication.k8s.io/v1beta1';
  return { command: exec.command, args, env, apiVersion };
}

export interface RunPluginOptions {
  signal: AbortSignal;
  timeoutMs: number;
  /** Each line the plugin writes on stderr (its prompts, e.g. the device code), as it comes. */
  onPrompt: LineSink;
}

const FIX =
  'sign in again with `az login`, then `kubelogin convert-kubeconfig -l azurecli` (kubelogin then uses your Azure CLI login instead of a device code)';

/**
 * Runs the plugin once and returns the bearer token from its ExecCredential (`status.token`). Throws
 * AbortedError when interrupted and a ToolError naming the plugin (with the fix) when it fails, times
 * out or prints no token. The token is never logged.
 */
export async function runExecPlugin(runner: CommandRunner, plugin: ExecPlugin, options: RunPluginOptions): Promise<string> {
  const name = plugin.command.split('/').pop()!;
  // KUBERNETES_EXEC_INFO tells the plugin it may prompt (stderr is a terminal-bound stream for it).
  const info = { apiVersion: plugin.apiVersion, kind: 'ExecCredential', spec: { interactive: true } };
  let stdout: string;
  try {
    ({ stdout } = await runner.run(plugin.command, plugin.args, {
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      env: { ...plugin.env, KUBERNETES_EXEC_INFO: JSON.stringify(info) },
      onStderr: options.onPrompt,
    }));
  } catch (err) {
    if (err instanceof AbortedError || options.signal.aborted) throw err instanceof AbortedError ? err : new AbortedError();
    const tool = err instanceof ToolError ? err : undefined;
    throw new ToolError(
      `the kubeconfig's credential plugin ${name} failed: ${tool?.message ?? String(err)}`,
      tool?.hint && /not found|install/i.test(tool.message) ? `${tool.hint}; or ${FIX}` : FIX,
      { cause: err, ...(tool?.details ? { details: tool.details } : {}) },
    );
  }
  const token = tokenOf(stdout);
  if (!token) throw new ToolError(`the kubeconfig's credential plugin ${name} printed no token (expected an ExecCredential with status.token)`, FIX);
  return token;
}

function tokenOf(stdout: string): string | undefined {
  try {
    const cred = JSON.parse(stdout) as { status?: { token?: unknown } };
    return typeof cred.status?.token === 'string' && cred.status.token !== '' ? cred.status.token : undefined;
  } catch {
    return undefined;
  }
}
