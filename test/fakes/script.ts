// Scripted fakes: a test says which calls it expects and what each returns; any other call fails
// loudly (it throws, and is remembered so `verify()` fails even when a step swallowed the error).
import { isDeepStrictEqual, inspect } from 'node:util';
import { AbortedError } from '../../src/core/errors.js';

/** Positional arguments to compare (deep equality, or a predicate per position), or one predicate. */
export type ArgsMatcher = readonly unknown[] | ((args: readonly unknown[]) => boolean);

export interface Call {
  method: string;
  /** The call's arguments without its options/signal. */
  args: unknown[];
}

type Respond = (args: unknown[], options: Record<string, unknown>) => unknown;

interface Expectation {
  method: string;
  match?: ArgsMatcher;
  respond: Respond;
  remaining: number;
}

export class UnexpectedCall extends Error {
  override name = 'UnexpectedCall';
}

/** A predicate usable at one position of an ArgsMatcher, e.g. `partial({ release: 'member' })`. */
export function partial(expected: Record<string, unknown>): (actual: unknown) => boolean {
  const fn = (actual: unknown): boolean =>
    typeof actual === 'object' && actual !== null && Object.entries(expected).every(([k, v]) => isDeepStrictEqual((actual as Record<string, unknown>)[k], v));
  return fn;
}

function matches(match: ArgsMatcher | undefined, args: readonly unknown[]): boolean {
  if (match === undefined) return true;
  if (typeof match === 'function') return match(args);
  if (match.length !== args.length) return false;
  return match.every((m, i) => (typeof m === 'function' ? (m as (a: unknown) => boolean)(args[i]) : isDeepStrictEqual(m, args[i])));
}

export class Responder {
  constructor(private readonly e: Expectation) {}
  returns(value: unknown): this {
    this.e.respond = () => value;
    return this;
  }
  throws(error: unknown): this {
    this.e.respond = () => {
      throw error;
    };
    return this;
  }
  /** Computes the result (may be async); gets the arguments and the options (signal, onLine). */
  does(fn: Respond): this {
    this.e.respond = fn;
    return this;
  }
  times(n: number): this {
    this.e.remaining = n;
    return this;
  }
  always(): this {
    this.e.remaining = Number.POSITIVE_INFINITY;
    return this;
  }
}

export class Script {
  readonly calls: Call[] = [];
  readonly unexpected: string[] = [];
  private readonly expectations: Expectation[] = [];

  constructor(private readonly adapter: string) {}

  expect(method: string, match?: ArgsMatcher): Responder {
    const e: Expectation = { method, match, respond: () => undefined, remaining: 1 };
    this.expectations.push(e);
    return new Responder(e);
  }

  async call(method: string, args: unknown[], options: Record<string, unknown>): Promise<unknown> {
    const signal = options.signal;
    if (!(signal instanceof AbortSignal)) {
      return this.fail(`${this.adapter}.${method} was called without an AbortSignal`);
    }
    if (signal.aborted) throw new AbortedError();
    this.calls.push({ method, args });
    const e = this.expectations.find((x) => x.method === method && x.remaining > 0 && matches(x.match, args));
    if (!e) {
      return this.fail(`unexpected call ${this.adapter}.${method}(${args.map((a) => inspect(a, { depth: 3, breakLength: Infinity })).join(', ')})`);
    }
    e.remaining -= 1;
    return e.respond(args, options);
  }

  /** Expectations that were scripted to happen (a fixed number of times) but did not. */
  pending(): string[] {
    return this.expectations
      .filter((e) => e.remaining > 0 && Number.isFinite(e.remaining))
      .map((e) => `${this.adapter}.${e.method}${e.match && typeof e.match !== 'function' ? `(${e.match.map((m) => inspect(m)).join(', ')})` : ''}`);
  }

  /** Calls of one method, arguments only. */
  argsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private fail(message: string): never {
    this.unexpected.push(message);
    throw new UnexpectedCall(message);
  }
}
