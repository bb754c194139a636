// Fault injection: the file named by LIFESUB_SANDBOX_FAULTS (YAML or JSON) says what should go wrong.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import type { Faults } from './contract.js';
import { FAULTS_VAR } from './env.js';
import { DURATION_NAMES } from './profile.js';

const faultsSchema = z
  .object({
    api: z
      .object({
        rate: z.number().min(0).max(1),
        kind: z.enum(['500', '503', '429', 'reset', '403']),
        paths: z.string().optional(),
      })
      .strict()
      .optional(),
    loadBalancerNever: z.array(z.string()).optional(),
    imagePullFailure: z.array(z.string()).optional(),
    imagePullError: z.record(z.string(), z.enum(['unauthorized', 'notFound', 'noSuchHost'])).optional(),
    loadBalancerError: z.record(z.string(), z.string()).optional(),
    admissionDeny: z.array(z.object({ kind: z.string(), webhook: z.string(), message: z.string(), namespace: z.string().optional() }).strict()).optional(),
    crashLoop: z.record(z.string(), z.array(z.string())).optional(),
    tools: z
      .array(
        z
          .object({
            // helm is the real one: make it fail through the cluster or the chart repository instead.
            tool: z.enum(['docker', 'git', 'gradle']),
            match: z.string().optional(),
            exitCode: z.number().int().min(1).max(255).optional(),
            stderr: z.string(),
          })
          .strict(),
      )
      .optional(),
    registryMissing: z.array(z.string()).optional(),
    importRefused: z.array(z.string()).optional(),
    slow: z.partialRecord(z.enum(DURATION_NAMES), z.number().min(0)).optional(),
  })
  .strict();

// Compile-time check that the schema matches the contract's Faults.
const _sameShape: (f: z.infer<typeof faultsSchema>) => Faults = (f) => f;
void _sameShape;

/** Faults from the file named by LIFESUB_SANDBOX_FAULTS; none when the variable is unset. */
export function loadFaults(env: NodeJS.ProcessEnv = process.env): Faults {
  const file = env[FAULTS_VAR];
  if (!file) return {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read the fault file ${file} (${FAULTS_VAR}): ${(err as Error).message}`, `fix or unset ${FAULTS_VAR}`, { cause: err });
  }
  let raw: unknown;
  try {
    raw = parse(text) ?? {};
  } catch (err) {
    throw new UserError(`fault file ${file} is not valid YAML/JSON: ${(err as Error).message}`, 'fix the file (see docs/sandbox.md)', { cause: err });
  }
  const result = faultsSchema.safeParse(raw);
  if (!result.success) {
    throw new UserError(`fault file ${file} is invalid:\n${z.prettifyError(result.error)}`, 'fix the file (see docs/sandbox.md)');
  }
  return result.data as Faults;
}
