/**
 * @module
 * The election store of this browser (`ElectionStore` of @imago/matrix-binding) in `localStorage`,
 * one prefix per account: what a member trustee keeps (its key or seed, until the election is over)
 * and what a voter keeps (its credentials, its ballot receipts). Never sent anywhere.
 */
import type { ElectionStore } from '@imago/matrix-binding';

/**
 * @param userId - the account whose store this is.
 * @returns the store.
 */
export function localElectionStore(userId: string): ElectionStore {
  const prefix = `imago.elections.${userId}.`;
  return {
    get: async (key) => localStorage.getItem(prefix + key) ?? undefined,
    set: async (key, value) => localStorage.setItem(prefix + key, value),
    delete: async (key) => localStorage.removeItem(prefix + key),
    list: async (start) => {
      const keys: string[] = [];
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (key?.startsWith(prefix + start)) keys.push(key.slice(prefix.length));
      }
      return keys.sort();
    },
  };
}
