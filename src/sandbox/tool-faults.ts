// Matching tool fault rules; kept apart from faults.ts so the shims need zod only when a fault file is set.
import type { Faults } from './contract.js';

export type ToolName = NonNullable<Faults['tools']>[number]['tool'];

/** The first tool rule that matches this invocation, if any (`match` is a substring of the joined argv). */
export function toolFault(faults: Faults, tool: ToolName, argv: readonly string[]): { exitCode: number; stderr: string } | undefined {
  const joined = argv.join(' ');
  const rule = faults.tools?.find((r) => r.tool === tool && (r.match === undefined || joined.includes(r.match)));
  return rule && { exitCode: rule.exitCode ?? 1, stderr: rule.stderr };
}
