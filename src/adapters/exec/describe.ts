// Human-facing names for a command and install hints for missing tools. Messages are built from the
// tool name and its sub-command words only: argv may hold paths, URLs or values we do not want echoed.
import { basename } from 'node:path';

/** "helm upgrade", "git rev-parse", "docker build", "gradlew :member:build". */
export function describeCommand(tool: string, args: readonly string[]): string {
  const words: string[] = [];
  for (const arg of args) {
    if (arg.startsWith('-')) {
      if (words.length > 0) break; // flags after the sub-command end it
      continue; // leading global flags (git -C DIR): skip
    }
    if (/^[\w:][\w:.@-]*$/.test(arg) && !arg.includes('=')) words.push(arg);
    if (words.length === 2) break;
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
