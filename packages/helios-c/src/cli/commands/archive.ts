/**
 * `helios-c archive …`: create an archive and append events, byte-compatible with belenios-tool.
 *
 * @module
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type EventType,
  encodeArchiveHeader,
  encodeDataEntry,
  encodeEventEntry,
  eventTypes,
  readArchive,
} from '../../archive/archive';
import { serializeSetupPayload } from '../../archive/archive-steps';
import { findLayoutDeviation } from '../../archive/canonical-layout';
import { publicCredentialsFromEntries } from '../../credentials/credential-authority';
import { parseElection } from '../../election/election';
import { UsageError } from '../../errors/usage-error';
import { allGroups } from '../../groups/group-by-name';
import { arrayOf, parseJsonText, runDecoder, stringAt } from '../../json/decoder';
import { Options } from '../arguments';
import { archivePath, readText } from '../election-directory';
import { readStdin } from '../io';

function chomp(text: string): string {
  return text.replace(/\n$/, '');
}

/**
 * Refuses an addition that would make the archive differ from what belenios-tool regenerates from
 * its event chain (a missing or extra payload line, an owned payload that does not follow its inner
 * data…): belenios-tool would then reject the whole archive. An archive that already deviates
 * before the addition is left to `election verify` to report.
 */
function refuseNonCanonical(before: Uint8Array, addition: Uint8Array, type: string): void {
  const after = new Uint8Array(before.length + addition.length);
  after.set(before);
  after.set(addition, before.length);
  const read = readArchive(after);
  if (!read.ok) throw read.error;
  const deviation = findLayoutDeviation(after, read.value);
  if (deviation && deviation.offset >= before.length) {
    throw new UsageError(
      `refusing to add a ${type} event whose standard input does not give its canonical records (${lineShapes[type as EventType]}): ${deviation.reason}`,
    );
  }
}

const lineShapes: Record<EventType, string> = {
  Setup: 'use archive init',
  Ballot: 'one line, the ballot',
  EndBallots: 'no input',
  EncryptedTally: 'two lines, the encrypted tally then its sized wrapper',
  Shuffle: 'two lines, the shuffle then its owned wrapper',
  EndShuffles: 'no input',
  PartialDecryption: 'two lines, the partial decryption then its owned wrapper',
  Result: 'one line, the result',
};

/**
 * Runs an `archive` sub-command.
 * @param command - the sub-command name
 * @param argv - its arguments
 */
export function runArchive(command: string, argv: readonly string[]): void {
  switch (command) {
    case 'init': {
      const o = new Options(argv, ['dir', 'election', 'public-creds', 'trustees']);
      const dir = o.get('dir') ?? '.';
      const electionText = chomp(readText(join(dir, o.get('election') ?? 'election.json')));
      const parsed = parseElection(electionText, allGroups);
      if (!parsed.ok) throw parsed.error;
      const trusteesText = chomp(readText(join(dir, o.get('trustees') ?? 'trustees.json')));
      const credsSource = readText(join(dir, o.get('public-creds') ?? 'public_creds.json'));
      const entries = runDecoder(() => arrayOf(parseJsonText(credsSource), 'public_creds', stringAt));
      if (!entries.ok) throw entries.error;
      const credentials = publicCredentialsFromEntries(entries.value);
      const path = join(dir, `${parsed.value.uuid}.bel`);
      if (existsSync(path)) throw new UsageError(`${path} already exists`);
      const timestamp = Math.floor(Date.now() / 1000);
      const election = encodeDataEntry(electionText, timestamp);
      const trustees = encodeDataEntry(trusteesText, timestamp);
      const creds = encodeDataEntry(credentials, timestamp);
      const setup = encodeDataEntry(
        serializeSetupPayload({ election: election.hash, trustees: trustees.hash, credentials: creds.hash }),
        timestamp,
      );
      const event = encodeEventEntry({ height: 0, type: 'Setup', payload: setup.hash }, timestamp);
      const parts = [
        encodeArchiveHeader(timestamp),
        election.bytes,
        trustees.bytes,
        creds.bytes,
        setup.bytes,
        event.bytes,
      ];
      writeFileSync(path, Buffer.concat(parts));
      return;
    }
    case 'add-event': {
      const o = new Options(argv, ['dir', 'type']);
      const type = o.require('type');
      if (!(eventTypes as readonly string[]).includes(type))
        throw new UsageError(`unknown event type ${type}`);
      const path = archivePath(o.get('dir') ?? '.');
      const bytes = new Uint8Array(readFileSync(path));
      const read = readArchive(bytes);
      if (!read.ok) throw read.error;
      const archive = read.value;
      const mtime = Number(archive.header.timestamp);
      const last = archive.events.at(-1);
      const lines = readStdin()
        .toString('utf8')
        .split('\n')
        .filter((l) => l !== '');
      const parts: Uint8Array[] = [];
      let payload: string | undefined;
      for (const line of lines) {
        const entry = encodeDataEntry(line, mtime);
        parts.push(entry.bytes);
        payload = entry.hash;
      }
      const event = encodeEventEntry(
        {
          ...(last ? { parent: last.hash } : {}),
          height: last ? last.height + 1 : 0,
          type: type as (typeof eventTypes)[number],
          ...(payload === undefined ? {} : { payload }),
        },
        mtime,
      );
      parts.push(event.bytes);
      const addition = Buffer.concat(parts);
      refuseNonCanonical(bytes, addition, type);
      appendFileSync(path, addition);
      return;
    }
    default:
      throw new UsageError(`unknown command archive ${command}`);
  }
}
