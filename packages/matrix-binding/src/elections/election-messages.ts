/**
 * @module
 * The private messages of an election, sent Olm-encrypted to devices (never in a room): the
 * authority delivers each voter's credentials (`org.imago.helios.credential`), and a voter may hand
 * its encrypted ballot to the authority to post (`org.imago.helios.ballot`), so that the room does
 * not show who voted. Readers of untrusted content.
 */
import { type JsonObject, readArray, readObject, readString } from '../events/content-reader';

/** A voter's credentials, from the authority. */
export const CREDENTIAL_MESSAGE_TYPE = 'org.imago.helios.credential';

/** A ballot handed to the authority to post. */
export const RELAYED_BALLOT_TYPE = 'org.imago.helios.ballot';

/** Content of `org.imago.helios.credential`. */
export interface CredentialMessage {
  /** The decisions room. */
  readonly room: string;
  readonly decision: string;
  /** The election's uuid. */
  readonly election: string;
  /** The voter's private credentials (one per unit of weight on a non-homomorphic question). */
  readonly credentials: readonly string[];
}

/** Content of `org.imago.helios.ballot`. */
export interface RelayedBallot {
  readonly room: string;
  readonly decision: string;
  readonly election: string;
  /** The ballot's exact JSON text. */
  readonly ballot: string;
}

/** The room, decision and election a message is about. */
function readElectionReference(object: JsonObject): { room: string; decision: string; election: string } {
  return {
    room: readString(object.room, 'content.room', 255),
    decision: readString(object.decision, 'content.decision', 255),
    election: readString(object.election, 'content.election', 64),
  };
}

/**
 * Reads a credential message.
 *
 * @param content - untrusted content.
 * @returns the message.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readCredentialMessage(content: unknown): CredentialMessage {
  const object = readObject(content, 'content');
  return {
    ...readElectionReference(object),
    credentials: readArray(object.credentials, 'content.credentials', 10_000).map((c, i) =>
      readString(c, `content.credentials[${i}]`, 64),
    ),
  };
}

/**
 * Reads a relayed ballot.
 *
 * @param content - untrusted content.
 * @returns the relayed ballot.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readRelayedBallot(content: unknown): RelayedBallot {
  const object = readObject(content, 'content');
  return {
    ...readElectionReference(object),
    ballot: readString(object.ballot, 'content.ballot', 60_000),
  };
}
