/**
 * Waits for every one of `calls`, then throws the first failure (in the order given). File-system calls
 * that do not depend on each other run together this way, each await being a round trip to libuv's
 * thread pool, while nothing that cleans up or rolls back starts before the last of them has landed.
 */
export async function settleAll<T>(calls: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(calls);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}
