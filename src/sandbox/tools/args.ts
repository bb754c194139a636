// A small command-line parser shaped like the real tools' (cobra for helm/docker): `--flag value`,
// `--flag=value`, short aliases, repeatable flags, `--` to end flags. Unknown flags are reported
// through the caller so each tool can word the error like the real one.

export interface FlagSpec {
  /** Takes a value (string) or is a switch (boolean). */
  value: boolean;
  short?: string;
  /** More names for the same flag (without dashes). */
  aliases?: string[];
}

export interface ParsedArgs {
  /** Flag name → every value given (switches get "true"). */
  flags: Map<string, string[]>;
  positionals: string[];
}

export class UnknownFlag extends Error {
  constructor(public readonly flag: string) {
    super(`unknown flag: ${flag}`);
  }
}

export class MissingValue extends Error {
  constructor(public readonly flag: string) {
    super(`flag needs an argument: ${flag}`);
  }
}

export function parseArgs(args: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const byName = new Map<string, string>();
  for (const [name, flag] of Object.entries(spec)) {
    byName.set(`--${name}`, name);
    if (flag.short) byName.set(`-${flag.short}`, name);
    for (const alias of flag.aliases ?? []) byName.set(`--${alias}`, name);
  }
  const flags = new Map<string, string[]>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const key = eq > 0 ? arg.slice(0, eq) : arg;
    const name = byName.get(key);
    if (!name) throw new UnknownFlag(key);
    const flag = spec[name] as FlagSpec;
    let value: string;
    if (!flag.value) value = eq > 0 ? arg.slice(eq + 1) : 'true';
    else if (eq > 0) value = arg.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next === undefined) throw new MissingValue(key);
      value = next;
      i++;
    }
    const list = flags.get(name) ?? [];
    list.push(value);
    flags.set(name, list);
  }
  return { flags, positionals };
}

export function last(parsed: ParsedArgs, name: string): string | undefined {
  const values = parsed.flags.get(name);
  return values?.[values.length - 1];
}

export function all(parsed: ParsedArgs, name: string): string[] {
  return parsed.flags.get(name) ?? [];
}

export function has(parsed: ParsedArgs, name: string): boolean {
  const value = last(parsed, name);
  return value !== undefined && value !== 'false';
}
