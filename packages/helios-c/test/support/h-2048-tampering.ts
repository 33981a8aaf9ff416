/**
 * Surgery on the reference archive `h-2048` for the tampered-archive tests: its election, its
 * voters' secret credentials, and edits that leave exactly one defect (a ballot edited and
 * re-signed by its voter, a public credential outside the group, events re-chained).
 */
import { readFileSync } from 'node:fs';
import { type Ballot, parseBallot, serializeBallot, serializeUnsignedBallot } from '../../src/ballot/ballot';
import { deriveCredentialSecret } from '../../src/credentials/secret-credential';
import { type Election, parseElection } from '../../src/election/election';
import { sha256Base64, sha256Hex } from '../../src/encoding/sha256';
import { proveDiscreteLog, signatureChallenge } from '../../src/proofs/discrete-log-proof';
import { type Entry, entriesOf, fixtureArchive, layOut, payloadIndex } from './archive-surgery';

export const original = fixtureArchive('h-2048');
export const uuid = 'bj5fpu5xwBZxHd';
export const credentials = readFileSync(
  new URL('../vectors/belenios/h-2048/private_creds.txt', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .map((l) => l.split(' ').at(-1) as string);

export function electionOf(entries: readonly Entry[]): Election<bigint> {
  const parsed = parseElection(entries[1]?.text as string);
  if (!parsed.ok) throw parsed.error;
  return parsed.value as Election<bigint>;
}

/** Re-signs a ballot with a secret credential (so that only the intended defect remains). */
export function resign(
  election: Election<bigint>,
  ballot: Omit<Ballot<bigint>, 'signature'>,
  credential: string,
): string {
  const group = election.group;
  const secret = deriveCredentialSecret(group as never, uuid, credential);
  const unsigned = { ...ballot, credential: group.powG(secret) };
  const hash = sha256Base64(serializeUnsignedBallot(group, unsigned));
  return serializeBallot(group, {
    ...unsigned,
    signature: { hash, proof: proveDiscreteLog(group, secret, signatureChallenge(group, hash)) },
  });
}

// biome-ignore lint/suspicious/noExplicitAny: the tests edit raw ballot JSON freely
export type RawJson = Record<string, any>;

/** Replaces the first ballot by an edited copy, re-signed by its voter. */
export function editFirstBallot(entries: Entry[], edit: (json: RawJson) => void): Uint8Array {
  const election = electionOf(entries);
  const credential = credentialOfFirstBallot(entries);
  const { index, json } = firstBallot(entries);
  edit(json);
  const parsed = parseBallot(election, JSON.stringify(json));
  if (!parsed.ok) throw parsed.error;
  (entries[index] as Entry).text = resign(election, parsed.value, credential);
  return layOut(entries);
}

export function firstBallot(entries: Entry[]): { index: number; json: RawJson } {
  const index = payloadIndex(entries, 'Ballot', 0);
  return { index, json: JSON.parse((entries[index] as Entry).text) };
}

export function credentialOfFirstBallot(entries: Entry[]): string {
  const election = electionOf(entries);
  const ballot = parseBallot(election, (entries[payloadIndex(entries, 'Ballot', 0)] as Entry).text);
  if (!ballot.ok) throw ballot.error;
  const target = ballot.value.credential;
  const found = credentials.find(
    (c) => election.group.powG(deriveCredentialSecret(election.group as never, uuid, c)) === target,
  );
  if (!found) throw new Error('no private credential for the first ballot');
  return found;
}

export const bump = (n: string) => (BigInt(n) + 1n).toString();

/**
 * Replaces one public credential `c` of the setup by `p − c`, outside the order-q subgroup (−1 has
 * order 2), choosing a credential that some ballot uses (that ballot is made to refer to `p − c`
 * as well), or adds such a credential that no ballot uses.
 */
export function credentialOutsideTheGroup(used: boolean): Uint8Array {
  const entries = entriesOf(original);
  const p = (electionOf(entries).group as unknown as { p: bigint }).p;
  const mentions = new Map<string, number>();
  for (const [i, e] of entries.entries()) {
    const m = e.kind === 'data' ? /"credential":"([0-9]+)"/.exec(e.text) : null;
    if (m) mentions.set(m[1] as string, i);
  }
  const list = entries.find((e) => e.kind === 'data' && e.text.startsWith('["')) as Entry;
  const creds = JSON.parse(list.text) as string[];
  if (!used) creds.push(electionOf(entries).group.powG(123456789n).toString());
  const k = used ? creds.findIndex((c) => mentions.has(c.split(',')[0] as string)) : creds.length - 1;
  const [c, weight] = (creds[k] as string).split(',');
  const outside = (p - BigInt(c as string)).toString();
  creds[k] = weight === undefined ? outside : `${outside},${weight}`;
  list.text = JSON.stringify(creds);
  const ballot = mentions.get(c as string);
  if (used && ballot !== undefined) {
    const e = entries[ballot] as Entry;
    e.text = e.text.replace(`"credential":"${c}"`, `"credential":"${outside}"`);
  }
  return layOut(entries);
}

/** Renumbers heights and re-chains parents after inserting events. */
export function relink(entries: Entry[]): Uint8Array {
  let parent: string | undefined;
  let height = 0;
  const out: Entry[] = [];
  const renamed = new Map<string, string>();
  for (const e of entries) {
    let text = e.text;
    for (const [from, to] of renamed) text = text.replaceAll(from, to);
    if (e.kind === 'event') {
      const json = JSON.parse(text);
      const next = {
        ...(parent ? { parent } : {}),
        height,
        type: json.type,
        ...(json.payload ? { payload: json.payload } : {}),
      };
      const before = e.originalHash ?? sha256Hex(e.text);
      text = JSON.stringify(next);
      renamed.set(before, sha256Hex(text));
      parent = sha256Hex(text);
      height++;
    }
    out.push({ kind: e.kind, text });
  }
  return layOut(out, { fixReferences: false });
}
