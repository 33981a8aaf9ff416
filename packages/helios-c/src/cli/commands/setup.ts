/**
 * `helios-c setup …`: tokens, credentials, trustee keys, trustees, election.
 *
 * @module
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCredentials, numberedVoters, parseVoters } from '../../credentials/credential-authority';
import { base58Alphabet, derivePublicCredential } from '../../credentials/secret-credential';
import { isValidUuid, parseElection } from '../../election/election';
import { parseElectionTemplate, serializeElection } from '../../election/make-election';
import { UsageError } from '../../errors/usage-error';
import type { AnyGroup } from '../../groups/group';
import { allGroups, groupByName } from '../../groups/group-by-name';
import { randomBelow } from '../../groups/random-scalar';
import { parseJsonText, runDecoder } from '../../json/decoder';
import { generateTrusteeKey } from '../../trustees/trustee-key';
import { decodeTrusteePublicKey } from '../../trustees/trustee-public-key';
import {
  decodeTrustees,
  electionPublicKey,
  serializeTrustees,
  type TrusteeKind,
} from '../../trustees/trustees';
import { Options } from '../arguments';
import { parseFile, readText } from '../election-directory';
import { info } from '../io';
import { thresholdStep } from './threshold';

/**
 * The group named by `--group`.
 * @param options - parsed options
 * @returns the group
 */
export function groupOption(options: Options): AnyGroup {
  const name = options.require('group');
  const group = groupByName(name);
  if (!group) throw new UsageError(`unknown group ${name}`);
  return group;
}

/** `--uuid`, which must be Base58 of at least 14 characters (as belenios-tool: a bad command line). */
function uuidOption(o: Options): string {
  const uuid = o.require('uuid');
  if (!isValidUuid(uuid))
    throw new UsageError(`--uuid: ${JSON.stringify(uuid)} is not a Base58 uuid of at least 14 characters`);
  return uuid;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/**
 * Runs a `setup` sub-command.
 * @param command - the sub-command name
 * @param argv - its arguments
 */
export function runSetup(command: string, argv: readonly string[]): void {
  switch (command) {
    case 'generate-token': {
      const o = new Options(argv, ['length']);
      const length = Number(o.get('length') ?? '14');
      let token = '';
      for (let i = 0; i < length; i++) token += base58Alphabet[Number(randomBelow(58n))];
      process.stdout.write(`${token}\n`);
      return;
    }
    case 'generate-credentials': {
      const o = new Options(argv, ['count', 'derive', 'dir', 'file', 'group', 'protocol-version', 'uuid']);
      const group = groupOption(o);
      const uuid = uuidOption(o);
      const derive = o.get('derive');
      if (derive !== undefined) {
        process.stdout.write(`${group.toString(derivePublicCredential(group, uuid, derive))}\n`);
        return;
      }
      const count = o.get('count');
      const file = o.get('file');
      const voters =
        file !== undefined
          ? parseFile(file, (text) => ({ ok: true, value: parseVoters(text) }))
          : count !== undefined
            ? numberedVoters(Number(count))
            : undefined;
      if (!voters) throw new UsageError('one of --count, --file or --derive is required');
      const dir = o.get('dir') ?? '.';
      const generated = generateCredentials(group, uuid, voters);
      const timestamp = Math.floor(Date.now() / 1000);
      const privPath = `${dir}/${timestamp}.privcreds`;
      const pubPath = `${dir}/${timestamp}.pubcreds`;
      if (existsSync(privPath)) throw new UsageError(`${privPath}: File exists`);
      writeFileSync(privPath, generated.privateLines.map((l) => `${l}\n`).join(''), { mode: 0o600 });
      writeFileSync(pubPath, JSON.stringify(generated.publicEntries));
      process.stdout.write(`${voters.length} private credentials with ids saved to ${privPath}\n`);
      process.stdout.write(`${voters.length} public credentials saved to ${pubPath}\n`);
      process.stdout.write(`The fingerprint of public credentials is ${generated.fingerprint}\n`);
      return;
    }
    case 'generate-trustee-key': {
      const o = new Options(argv, ['group', 'protocol-version']);
      const key = generateTrusteeKey(groupOption(o));
      writeFileSync(`${key.id}.privkey`, `${key.privateText}\n`, { mode: 0o600 });
      writeFileSync(`${key.id}.pubkey`, `${key.publicText}\n`);
      info(`keypair ${key.id} has been generated`);
      info(`public key saved to ${key.id}.pubkey`);
      info(`private key saved to ${key.id}.privkey`);
      return;
    }
    case 'generate-trustee-key-threshold': {
      const o = new Options(argv, [
        'certs',
        'group',
        'key',
        'polynomials',
        'protocol-version',
        'step',
        'threshold',
      ]);
      thresholdStep(o, groupOption(o));
      return;
    }
    case 'make-trustees': {
      const o = new Options(argv, ['dir']);
      const dir = o.get('dir') ?? '.';
      const keysPath = join(dir, 'public_keys.jsons');
      const thresholdPath = join(dir, 'threshold.json');
      const keyLines = existsSync(keysPath)
        ? readText(keysPath)
            .split('\n')
            .filter((l) => l.trim() !== '')
        : [];
      const group = detectGroup(keyLines, existsSync(thresholdPath) ? readText(thresholdPath) : undefined);
      const items: TrusteeKind<unknown>[] = keyLines.map((line, i) => ({
        kind: 'Single',
        key: must(
          runDecoder(() => decodeTrusteePublicKey(parseJsonText(line), `public_keys.jsons[${i}]`, group)),
        ),
      }));
      if (existsSync(thresholdPath)) {
        const pedersen = must(
          runDecoder(() => decodeTrustees(group, parseJsonText(`[["Pedersen",${readText(thresholdPath)}]]`))),
        );
        items.push(...pedersen);
      }
      writeFileSync(join(dir, 'trustees.json'), `${serializeTrustees(group, items)}\n`);
      return;
    }
    case 'make-election': {
      const o = new Options(argv, ['dir', 'group', 'protocol-version', 'template', 'uuid']);
      const dir = o.get('dir') ?? '.';
      const group = groupOption(o);
      const uuid = uuidOption(o);
      const template = parseFile(o.require('template'), parseElectionTemplate);
      const trustees = parseFile(join(dir, 'trustees.json'), (text) =>
        runDecoder(() => decodeTrustees(group, parseJsonText(text))),
      );
      const y = electionPublicKey(group, trustees);
      if (y === undefined) throw new UsageError('cannot compute the election key from trustees.json');
      const text = serializeElection(group, template, uuid, y);
      must(parseElection(text, allGroups));
      writeFileSync(join(dir, 'election.json'), `${text}\n`);
      return;
    }
    default:
      throw new UsageError(`unknown command setup ${command}`);
  }
}

function detectGroup(keyLines: readonly string[], threshold: string | undefined): AnyGroup {
  // Trustee files do not name their group: pick the one in which the keys are members.
  const sample = keyLines[0] ?? threshold ?? '';
  const match =
    /"public_key":"([0-9a-f]+)"/.exec(sample) ??
    /"verification_keys":\[\{"pok":\{[^}]*\},"public_key":"([0-9a-f]+)"/.exec(sample);
  const text = match?.[1];
  for (const name of ['BELENIOS-2048', 'RFC-3526-2048', 'Ed25519']) {
    const group = groupByName(name) as AnyGroup;
    const element = text === undefined ? undefined : group.parse(text);
    if (element !== undefined && group.isMember(element)) return group;
  }
  throw new UsageError('cannot tell the group of the trustee keys');
}
