/** Turns a command handler that returns an exit code into a commander action. */
export type Wrap = <A extends unknown[]>(fn: (...args: A) => Promise<number>) => (...args: A) => Promise<void>;
