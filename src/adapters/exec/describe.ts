// Human-facing names for a command and install hints for missing tools. Messages are built from the
// tool name and its sub-command words only: argv may hold paths, URLs or values we do not want echoed.
import { basename } from 'node:path';

/** Sub-command words kept at most: enough for `gradlew :member:build :mysub-infra:build :recommend:build`. */
const MAX_WORDS = 5;

/** Leading (global) flags known to take a value, which must never be mistaken for a sub-command. */
const VALUE_FLAGS = new Set(['-C', '-c', '-e', '-H', '-n', '--namespace', '--kubeconfig', '--kube-context', '--context', '--config', '--host', '--log-level']);

/**
 * "helm upgrade", "git rev-parse", "docker build", "gradlew :member:build :recommend:build".
 * Keeps the leading plain words (up to MAX_WORDS); the first flag, or a word that is not plain (a path,
 * a URL, anything with `=`), ends it, so flag values never appear. Leading global flags are skipped.
 */
export function describeCommand(tool: string, args: readonly string[]): string {
  const words: string[] = [];
  for (let i = 0; i < args.length && words.length < MAX_WORDS; i++) {
    const arg = args[i]!;
    const plain = /^[\w:][\w:.@-]*$/.test(arg);
    if (words.length > 0) {
      if (!plain) break; // a flag, a path or a URL after the sub-command ends it
      words.push(arg);
      continue;
    }
    if (arg.startsWith('-')) {
      if (VALUE_FLAGS.has(arg)) i++; // git -C DIR, node -e CODE: skip the value too
      continue;
    }
    if (plain) words.push(arg);
  }
  return [toolName(tool), ...words].join(' ');
}

/** The logical name of a tool: "helm" for "/opt/bin/helm", "gradlew" for "/repo/gradlew". */
export function toolName(file: string): string {
  return basename(file);
}

const INSTALL_HINTS: Record<string, string> = {
  helm: 'install Helm 3 (https://helm.sh/docs/intro/install/) and make sure `helm` is on PATH',
  docker: 'install Docker (https://docs.docker.com/engine/install/) and make sure the daemon is running',
  git: 'install git (e.g. `sudo apt-get install git`)',
  kubectl: 'install kubectl (`az aks install-cli`)',
  az: 'install the Azure CLI (https://learn.microsoft.com/cli/azure/install-azure-cli) and run `az login`',
  gradlew: 'the repository has no Gradle wrapper: check that the clone is complete (`git status`)',
  java: 'install a JDK 21 (e.g. `sudo apt-get install openjdk-21-jdk`) and set JAVA_HOME',
};

export function installHint(tool: string): string {
  return INSTALL_HINTS[toolName(tool)] ?? `install ${toolName(tool)} and make sure it is on PATH`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s}s` : `${Math.round(s / 60)}m`;
}
