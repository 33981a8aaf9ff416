/**
 * What a Node process acting on Matrix needs besides the package's core: a crypto store that
 * survives restarts, and an election store in a folder.
 *
 * @module @imago/matrix-binding/node
 */

export { fileElectionStore } from './file-election-store';
export { openPersistentCryptoStore, type PersistentCryptoStore } from './persistent-crypto-store';
