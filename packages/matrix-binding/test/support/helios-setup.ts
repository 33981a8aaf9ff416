// Sets an election up with @imago/helios-c alone (what an Imago administrator's application does):
// a fresh uuid, credentials for the voters, one key per trustee, trustees and election texts.
import {
  base58Alphabet,
  electionPublicKey,
  type GeneratedTrusteeKey,
  generateCredentials,
  generateTrusteeKey,
  groupByName,
  isValidUuid,
  parseElectionTemplate,
  randomBelow,
  type SetupTexts,
  serializeElection,
  serializeTrustees,
  type Trustees,
  type Voter,
} from '@imago/helios-c';

export interface HeliosSetup {
  readonly uuid: string;
  readonly texts: SetupTexts;
  /** Private credentials, in voter order. */
  readonly credentials: readonly string[];
  /** Trustee keys, in trustee order (owner i + 1). */
  readonly keys: readonly GeneratedTrusteeKey<unknown>[];
}

export function heliosSetup(voters: readonly Voter[], trusteeCount: number, template: unknown): HeliosSetup {
  const group = groupByName('BELENIOS-2048');
  if (!group) throw new Error('BELENIOS-2048 is missing');
  const uuid = Array.from({ length: 14 }, () => base58Alphabet[Number(randomBelow(58n))]).join('');
  if (!isValidUuid(uuid)) throw new Error(`invalid uuid ${uuid}`);
  const generated = generateCredentials(group, uuid, voters);
  const keys = Array.from({ length: trusteeCount }, () => generateTrusteeKey(group));
  const trustees: Trustees<unknown> = keys.map((k) => ({ kind: 'Single', key: k.publicKey }));
  const publicKey = electionPublicKey(group, trustees);
  if (publicKey === undefined) throw new Error('no election key');
  const parsed = parseElectionTemplate(JSON.stringify(template));
  if (!parsed.ok) throw parsed.error;
  return {
    uuid,
    texts: {
      election: serializeElection(group, parsed.value, uuid, publicKey),
      trustees: serializeTrustees(group, trustees),
      credentials: generated.publicCredentials,
    },
    credentials: generated.privateLines.map((line) => line.slice(line.lastIndexOf(' ') + 1)),
    keys,
  };
}
