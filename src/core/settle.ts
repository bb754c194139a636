// Parallel work that starts child processes must not end before all of it has: with Promise.all, the
// first rejection (an interrupt) ends the step while a sibling tool is still cleaning up, the CLI exits,
// and its exit hook SIGKILLs that tool half-way (a `git clone` then leaves a directory that is not a
// repository, and the next `up` stops on it — measured by `npm run chaos`).

/**
 * Like Promise.all, but settles only when every promise has settled; then resolves with all values in
 * order, or rejects with the first rejection (in argument order).
 */
export async function allSettledOrThrow<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}
