import { describe, expect, it } from 'vitest';
import { allSettledOrThrow } from '../../../src/core/settle.js';

describe('allSettledOrThrow', () => {
  it('rejects with the first rejection only after every sibling has settled (a tool still cleaning up is waited for)', async () => {
    let siblingDone = false;
    const sibling = new Promise<number>((resolve) => setTimeout(() => ((siblingDone = true), resolve(2)), 30));
    await expect(allSettledOrThrow([Promise.reject(new Error('interrupted')), sibling])).rejects.toThrow('interrupted');
    expect(siblingDone).toBe(true);
  });

  it('resolves with every value in order', async () => {
    expect(await allSettledOrThrow([Promise.resolve(1), new Promise<number>((r) => setTimeout(() => r(2), 5))])).toEqual([1, 2]);
  });
});
