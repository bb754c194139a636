// The commented lifesub.config.yaml that `lifesub init` writes: every run setting, off unless given,
// and how to override any key of config/default.yaml. Read back by readConfig like any --config file.
import { CONFIG_FILE_NAME, ENV_VARS } from './sources.js';

/** The file's text; `id` (already validated) is written active, everything else as a comment. */
export function initFileText(id?: string): string {
  return `# lifesub configuration (${CONFIG_FILE_NAME}), written by \`lifesub init\`.
# lifesub reads it from the current directory, or from --config FILE / $${ENV_VARS.config}.
# Precedence: command-line flags > environment (${Object.values(ENV_VARS).join(', ')}) > this file > built-in defaults.
# \`lifesub config\` prints the effective values and where each came from.

# Your lab ID: namespace <id>-lifesub-ns, registry <id>cr (lowercase letters and digits, e.g. alice, dg0200).
${id ? `id: ${id}` : '# id: alice'}

# kubeconfig context to use (default: the kubeconfig's current context).
# context: aks-lab

# kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).
# kubeconfig: ~/.kube/config

# Overall time limit of \`up\`/\`down\` (per-step limits are under timeouts:).
# timeout: 30m

# Where the lifesub and lifesub-web repositories are cloned (default ~/workspace).
# workspace: ~/workspace

# Any key of config/default.yaml (in the lifesub package) can be overridden here; mappings merge,
# lists replace. For example, routes by path instead of a nip.io host name:
# routing:
#   mode: path
#   domain: nip.io
`;
}
