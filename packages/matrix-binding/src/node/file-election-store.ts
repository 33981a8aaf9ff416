/**
 * @module
 * An election store in a folder: one file per key (its name the key, percent-encoded), written to a
 * temporary file and renamed, readable by the process's user only (mode 0600), since it holds a
 * trustee's key, private credentials or a voter's credentials. Writes of one key are made one after
 * the other, in the order they were asked: two at once would share the temporary file, and the
 * second rename would find it gone.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElectionStore } from '../elections/election-store';

/**
 * A store kept in `dir` (created if needed).
 *
 * @param dir - the folder.
 * @returns the store.
 * @example
 * ```ts
 * const store = await fileElectionStore('/var/lib/imago/elections');
 * ```
 */
export async function fileElectionStore(dir: string): Promise<ElectionStore> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = (key: string) => join(dir, encodeURIComponent(key));
  const writes = new Map<string, Promise<void>>();
  return {
    async get(key) {
      try {
        return await readFile(path(key), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async set(key, value) {
      const write = (writes.get(key) ?? Promise.resolve())
        .catch(() => undefined) // an earlier write's failure is its caller's
        .then(async () => {
          await writeFile(`${path(key)}.tmp`, value, { mode: 0o600 });
          await rename(`${path(key)}.tmp`, path(key));
        });
      writes.set(key, write);
      try {
        await write;
      } finally {
        if (writes.get(key) === write) writes.delete(key);
      }
    },
    async delete(key) {
      await rm(path(key), { force: true });
    },
    async list(prefix) {
      return (await readdir(dir))
        .filter((name) => !name.endsWith('.tmp'))
        .map((name) => decodeURIComponent(name))
        .filter((key) => key.startsWith(prefix))
        .sort();
    },
  };
}
