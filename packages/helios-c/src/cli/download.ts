/**
 * `--url`: election files fetched from a Belenios-style web server, as belenios-tool 2.0 does it.
 *
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeliosCError } from '../errors/helios-c-error';
import { UsageError } from '../errors/usage-error';
import { info } from './io';

/**
 * Where the archive of an election URL is, read as belenios-tool 2.0 reads it: `…/UUID/` and
 * `…/UUID` name the election folder, whose archive is `UUID.bel`; `…/UUID.bel` names the archive.
 * @param url - the `--url` value
 * @returns the folder URL (ending in `/`) and the archive's file name
 */
export function archiveLocation(url: string): { readonly base: string; readonly file: string } {
  const parts = url.split('/');
  const last = parts.at(-1) ?? '';
  if (last === '' && parts.length >= 2 && (parts.at(-2) ?? '') !== '') {
    return { base: url, file: `${parts.at(-2)}.bel` };
  }
  if (last === '') throw new UsageError(`bad url ${url}`);
  if (last.endsWith('.bel')) return { base: `${parts.slice(0, -1).join('/')}/`, file: last };
  return { base: `${url}/`, file: `${last}.bel` };
}

/**
 * Downloads an election's archive into a folder.
 * @param url - the `--url` value
 * @param dir - the folder
 * @throws HeliosCError `DOWNLOAD_FAILED` when the server does not answer with the file
 */
export async function downloadArchive(url: string, dir: string): Promise<void> {
  const { base, file } = archiveLocation(url);
  const source = `${base}${file}`;
  info(`downloading ${source}...`);
  let bytes: Uint8Array;
  try {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HeliosCError('DOWNLOAD_FAILED', `could not download ${source}: ${reason}`);
  }
  writeFileSync(join(dir, file), bytes);
}

/**
 * Runs a command on the election named by `--url`, if given: the archive is downloaded into
 * `--dir` (or a temporary folder, removed afterwards) and the command runs on that folder.
 * @param argv - the sub-command's arguments
 * @param run - the command, given the arguments to use (without `--url`)
 */
export async function withDownloadedElection(
  argv: readonly string[],
  run: (argv: readonly string[]) => Promise<void>,
): Promise<void> {
  const rest: string[] = [];
  let url: string | undefined;
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0] : undefined;
    if (name !== 'url' && name !== 'dir') {
      rest.push(arg);
      continue;
    }
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    if (name === 'url') url = value;
    else dir = value;
  }
  if (url === undefined) return run(argv);
  const temporary = dir === undefined ? mkdtempSync(join(tmpdir(), 'helios-c-')) : undefined;
  const target = dir ?? (temporary as string);
  try {
    await downloadArchive(url, target);
    await run([...rest, `--dir=${target}`]);
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}
