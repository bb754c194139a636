// Flags shared by the commands, declared once. Values are validated together by resolveSettings, so
// a user with three mistakes hears about all three in one go.
import { Command, Option } from 'commander';

export interface CommonFlags {
  id?: string;
  workspace?: string;
  kubeconfig?: string;
  context?: string;
  config?: string;
  yes?: boolean;
  output?: string;
  timeout?: string;
  verbose?: boolean;
  sandbox?: boolean;
  profile?: string;
}

export function addIdOption(cmd: Command): Command {
  return cmd.option('--id <id>', 'your lab ID: namespace <id>-lifesub-ns, registry <id>cr (e.g. alice, dg0200)');
}

export function addClusterOptions(cmd: Command): Command {
  return cmd
    .option('--kubeconfig <path>', 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context to use (default: the current context)');
}

export function addCommonOptions(cmd: Command): Command {
  addIdOption(cmd);
  addClusterOptions(cmd);
  return cmd
    .option('--workspace <dir>', 'where the lifesub and lifesub-web repositories live (default ~/workspace; with --sandbox, $LIFESUB_HOME/sandbox/workspace)')
    .option('--config <file>', 'YAML file overriding config/default.yaml (any subset of it)')
    .option('-y, --yes', 'do not ask for confirmation')
    .addOption(new Option('-o, --output <format>', 'text for people, json for NDJSON events on stdout').choices(['text', 'json']).default('text'))
    .option('--timeout <duration>', 'overall time limit, e.g. 30m (per-step limits are in the config)')
    .option('-v, --verbose', 'show every line of tool output')
    .option('--sandbox', 'run against the simulated cluster, registry and toolchain under $LIFESUB_HOME')
    .option('--profile <name>', 'sandbox latency profile: fast or realistic (default: the running sandbox’s, else fast)');
}
