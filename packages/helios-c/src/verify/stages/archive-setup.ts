/**
 * The setup of an archive (Belenios 2.0 specification §4.20 `Setup`): the election, the trustees
 * and the public credentials its first event names, parsed (credential membership is left to the
 * ballot stage).
 *
 * @module
 */
import { type Archive, type ArchiveEvent, dataText } from '../../archive/archive';
import { decodePublicCredential, type PublicCredential } from '../../credentials/public-credentials';
import { type Election, parseElection } from '../../election/election';
import type { GroupRegistry } from '../../groups/group-registry';
import { arrayOf, field, hashAt, objectAt, parseJsonText, runDecoder } from '../../json/decoder';
import { decodeTrustees, type Trustees } from '../../trustees/trustees';
import type { CheckName, VerificationIssue } from '../verification-issue';
import { eventLocation } from './event-location';

/** What the `Setup` event holds. */
export interface Setup<E> {
  readonly election: Election<E>;
  readonly trustees: Trustees<E>;
  readonly credentials: Map<string, PublicCredential<E>>;
}

/**
 * Reads the `Setup` event.
 * @param archive - the archive
 * @param event - its first event
 * @param groups - the groups the election may name
 * @returns the setup, or the issue that stops verification
 */
export function readSetup(
  archive: Archive,
  event: ArchiveEvent,
  groups: GroupRegistry,
): { ok: true; setup: Setup<unknown> } | { ok: false; issue: VerificationIssue } {
  const at = eventLocation(event, 0);
  const fail = (check: CheckName, message: string) => ({
    ok: false as const,
    issue: { check, where: at, message },
  });
  const setupText = event.payload === undefined ? undefined : dataText(archive, event.payload);
  if (setupText === undefined) return fail('setup.malformed', 'setup data missing');
  const setup = runDecoder(() => {
    const o = objectAt(parseJsonText(setupText), 'setup');
    return {
      election: hashAt(field(o, 'election', 'setup'), 'setup.election'),
      trustees: hashAt(field(o, 'trustees', 'setup'), 'setup.trustees'),
      credentials: hashAt(field(o, 'credentials', 'setup'), 'setup.credentials'),
    };
  });
  if (!setup.ok) return fail('setup.malformed', setup.error.message);
  const electionText = dataText(archive, setup.value.election);
  if (electionText === undefined) return fail('setup.malformed', 'election data missing');
  const election = parseElection(electionText, groups);
  if (!election.ok) return fail('setup.malformed', `election ${election.error.message}`);
  const group = election.value.group;
  const trusteesText = dataText(archive, setup.value.trustees);
  if (trusteesText === undefined) return fail('setup.malformed', 'trustees data missing');
  const trustees = runDecoder(() => decodeTrustees(group, parseJsonText(trusteesText), 'trustees'));
  if (!trustees.ok) return fail('setup.malformed', trustees.error.message);
  const credentialsText = dataText(archive, setup.value.credentials);
  if (credentialsText === undefined) return fail('setup.malformed', 'credentials data missing');
  const credentials = runDecoder(() =>
    arrayOf(parseJsonText(credentialsText), 'credentials', (v, p) =>
      decodePublicCredential(group, v, p, { membership: false }),
    ),
  );
  if (!credentials.ok) return fail('setup.credentials', credentials.error.message);
  const map = new Map<string, PublicCredential<unknown>>();
  for (const c of credentials.value) {
    if (map.has(c.text)) return fail('setup.credentials', `duplicate public credential ${c.text}`);
    map.set(c.text, c);
  }
  return { ok: true, setup: { election: election.value, trustees: trustees.value, credentials: map } };
}
