import { expect } from 'vitest';
import { UserError } from '../../../src/core/errors.js';

/** Runs `fn`, which must throw a UserError, and returns it. */
export function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return err as UserError;
  }
  throw new Error('expected a UserError');
}
