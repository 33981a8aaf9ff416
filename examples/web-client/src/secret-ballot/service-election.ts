/**
 * @module
 * Secret elections run by the group's service (`examples/server`), which acts as credential
 * authority, bulletin board and one of the trustees:
 *
 * - `org.imago.helios.election` `{ decision, uuid, archive, trustees }` in the decisions room: the
 *   election's `.bel` archive (setup) in the media repository;
 * - the to-device message `org.imago.helios.credential` `{ decision, uuid, credential }`: the
 *   voter's private credential, kept in this browser;
 * - the voter's ballot, encrypted and signed here, goes back as `org.imago.helios.ballot`;
 * - the result, `org.imago.governance.secret.result` `{ decision, result, evidence }`, names the
 *   final archive, which this browser downloads and verifies completely before the decision
 *   engine accepts the result.
 */
import type { RawMatrixEvent } from '@imago/matrix-binding';
import type { MatrixClient } from 'matrix-js-sdk';
import { type Election, verifyArchive } from './helios';

/** Event types of the service's election exchange. */
export const ServiceElectionEventTypes = {
  election: 'org.imago.helios.election',
  credential: 'org.imago.helios.credential',
} as const;

/** A service-run election as announced in the room. */
export interface ServiceElection {
  uuid: string;
  archive: string;
  trustees: string[];
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The service's election of a decision, if announced (the first announcement counts). */
export function readServiceElection(
  events: readonly RawMatrixEvent[],
  decision: string,
): ServiceElection | undefined {
  for (const event of events) {
    if (event.type !== ServiceElectionEventTypes.election) continue;
    const content = event.content as Record<string, unknown> | undefined;
    if (!content || content.decision !== decision || !isString(content.uuid) || !isString(content.archive))
      continue;
    const trustees = Array.isArray(content.trustees) ? content.trustees.filter(isString) : [];
    return { uuid: content.uuid, archive: content.archive, trustees };
  }
  return undefined;
}

/**
 * Downloads an `mxc://` URI with the client's access token (authenticated media).
 *
 * @throws Error when it is not an mxc URI or the homeserver refuses.
 */
export async function downloadMedia(client: MatrixClient, mxc: string): Promise<Uint8Array> {
  const match = /^mxc:\/\/([^/]+)\/([A-Za-z0-9_-]+)$/.exec(mxc);
  if (!match) throw new Error('not an mxc URI');
  const response = await fetch(`${client.baseUrl}/_matrix/client/v1/media/download/${match[1]}/${match[2]}`, {
    headers: { authorization: `Bearer ${client.getAccessToken() ?? ''}` },
  });
  if (!response.ok) throw new Error(`download failed (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** What verifying an archive in this browser gave. */
export interface ArchiveCheck {
  ok: boolean;
  election?: Election;
  /** The first question's result, numbers as in `result.json`. */
  result?: unknown;
}

const checks = new Map<string, Promise<ArchiveCheck>>();

/**
 * Downloads and verifies an archive completely (setup, ballots, shuffles, decryptions, result),
 * once per URI.
 */
export function checkArchive(client: MatrixClient, mxc: string): Promise<ArchiveCheck> {
  let check = checks.get(mxc);
  if (!check) {
    check = downloadMedia(client, mxc)
      .then((bytes) => verifyArchive(bytes))
      .then((report) => ({
        ok: report.ok,
        ...(report.election ? { election: report.election } : {}),
        ...(report.result
          ? {
              result: JSON.parse(
                JSON.stringify(report.result[0], (_k, v) => (typeof v === 'bigint' ? Number(v) : v)),
              ) as unknown,
            }
          : {}),
      }))
      .catch(() => ({ ok: false }));
    checks.set(mxc, check);
  }
  return check;
}

/** The result of an archive already verified, synchronously (`undefined` while unknown). */
export const verifiedArchives = new Map<string, ArchiveCheck>();

/** A voter's credential for a service-run election. */
export interface VoterCredential {
  uuid: string;
  credential: string;
}

const credentialKey = (decision: string) => `imago.credential.${decision}`;

/**
 * Keeps a credential received by to-device message (`org.imago.helios.credential`).
 *
 * @param content - untrusted to-device content.
 */
export function keepCredential(content: unknown): void {
  const c = content as Record<string, unknown> | undefined;
  if (!c || !isString(c.decision) || !isString(c.uuid) || !isString(c.credential)) return;
  localStorage.setItem(credentialKey(c.decision), JSON.stringify({ uuid: c.uuid, credential: c.credential }));
}

/** The credential this browser received for a decision's election. */
export function credentialFor(decision: string): VoterCredential | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(credentialKey(decision)) ?? 'null') as Record<
      string,
      unknown
    > | null;
    if (value && isString(value.uuid) && isString(value.credential))
      return { uuid: value.uuid, credential: value.credential };
  } catch {
    // A corrupt entry is no credential.
  }
  return undefined;
}
