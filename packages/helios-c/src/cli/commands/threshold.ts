/**
 * `helios-c setup generate-trustee-key-threshold --step N`: the threshold key establishment.
 *
 * @module
 */
import { UsageError } from '../../errors/usage-error';
import type { AnyGroup } from '../../groups/group';
import type { Options } from '../arguments';

/**
 * Runs one step of the threshold key establishment.
 * @param options - parsed options
 * @param group - the group
 */
export function thresholdStep(options: Options, group: AnyGroup): void {
  void group;
  throw new UsageError(`threshold step ${options.get('step') ?? '0'} is not available`);
}

/**
 * Partial decryption by a threshold trustee.
 * @param loaded - the election
 * @param owner - the trustee number
 * @param key - content of the `.key` file
 * @param decryptionKey - content of the `.dkey` file
 * @returns the partial decryption JSON
 */
export function decryptThreshold(loaded: unknown, owner: number, key: string, decryptionKey: string): string {
  void loaded;
  void key;
  void decryptionKey;
  throw new UsageError(`threshold decryption for trustee ${owner} is not available`);
}
