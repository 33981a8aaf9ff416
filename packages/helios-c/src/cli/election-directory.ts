/**
 * Files of an election directory, as belenios-tool lays them out (`UUID.bel`, `election.json`,
 * `trustees.json`, `public_creds.json`, keys).
 *
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Archive, dataText, readArchive } from '../archive/archive';
import { type Election, parseElection } from '../election/election';
import { HeliosCError } from '../errors/helios-c-error';
import { UsageError } from '../errors/usage-error';
import { allGroups } from '../groups/group-by-name';
import { arrayOf, field, hashAt, objectAt, parseJsonText, runDecoder } from '../json/decoder';
import { decodeTrustees, type Trustees } from '../trustees/trustees';
import { FileInputError } from './file-input-error';

/**
 * The path of the archive in a directory (the one `*.bel` file).
 * @param dir - the directory
 * @returns the archive path
 */
export function archivePath(dir: string): string {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--dir: no directory ${dir}`);
  const names = readdirSync(dir).filter((f) => f.endsWith('.bel'));
  if (names.length === 0) throw new UsageError(`no .bel archive in ${dir}`);
  if (names.length > 1) throw new UsageError(`several .bel archives in ${dir}`);
  return join(dir, names[0] as string);
}

/**
 * Reads a file as text.
 * @param path - the path
 * @returns the content
 */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
}

/**
 * Reads and parses a file named on the command line; a parse error names the file.
 * @param path - the path
 * @param parse - the parser (a result, or a throw of a package error)
 * @returns the parsed value
 */
export function parseFile<T>(
  path: string,
  parse: (text: string) => { ok: true; value: T } | { ok: false; error: HeliosCError },
): T {
  const text = readText(path);
  let result: ReturnType<typeof parse>;
  try {
    result = parse(text);
  } catch (error) {
    if (HeliosCError.isInstance(error)) throw new FileInputError(path, error);
    throw error;
  }
  if (!result.ok) throw new FileInputError(path, result.error);
  return result.value;
}

/** An archive with its setup decoded. */
export interface LoadedElection {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly archive: Archive;
  readonly election: Election<unknown>;
  readonly trustees: Trustees<unknown>;
  readonly credentialsText: string;
}

function orThrow<T>(result: { ok: true; value: T } | { ok: false; error: HeliosCError }): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * Loads the archive of a directory and decodes its setup.
 * @param dir - the directory
 * @returns the election
 */
export function loadElection(dir: string): LoadedElection {
  const path = archivePath(dir);
  const bytes = new Uint8Array(readFileSync(path));
  const archive = orThrow(readArchive(bytes));
  const setupEvent = archive.events[0];
  if (setupEvent?.type !== 'Setup' || !setupEvent.payload) throw new UsageError('archive has no Setup event');
  const setup = orThrow(
    runDecoder(() => {
      const o = objectAt(parseJsonText(dataText(archive, setupEvent.payload as string) ?? ''), 'setup');
      return {
        election: hashAt(field(o, 'election', 'setup'), 'setup.election'),
        trustees: hashAt(field(o, 'trustees', 'setup'), 'setup.trustees'),
        credentials: hashAt(field(o, 'credentials', 'setup'), 'setup.credentials'),
      };
    }),
  );
  const election = orThrow(parseElection(dataText(archive, setup.election) ?? '', allGroups));
  const trustees = orThrow(
    runDecoder(() => decodeTrustees(election.group, parseJsonText(dataText(archive, setup.trustees) ?? ''))),
  );
  const credentialsText = dataText(archive, setup.credentials) ?? '[]';
  orThrow(runDecoder(() => arrayOf(parseJsonText(credentialsText), 'credentials', (v) => v)));
  return { path, bytes, archive, election, trustees, credentialsText };
}
