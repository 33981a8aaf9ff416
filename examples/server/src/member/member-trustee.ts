/**
 * @module
 * A member's side of a secret election, as a member's client runs it, with @imago/helios-c's
 * library: the trustee (generates its key pair or threshold certificate, publishes the public
 * half, answers the key-establishment requests, and on request posts its shuffle and partial
 * decryption as `org.imago.helios.step` events computed from the room's history) and the voter
 * (receives its credential privately, encrypts its ballot, casts it with the binding's
 * `castBallot`). The private key and credential never leave the member's machine. The member's
 * client follows each decisions room it takes part in with the binding's `followRoom` and answers
 * what comes after it started.
 */
import {
  type AnyGroup,
  generateCertificate,
  generatePolynomial,
  generateTrusteeKey,
  groupByName,
  makeVerificationOutput,
  parseCertificate,
  parseVerificationInput,
  recoverDecryptionKey,
  serializePolynomial,
  serializeSignedMessage,
  serializeVerificationOutput,
} from '@imago/helios-c';
import {
  ballotFor,
  castBallot,
  followRoom,
  partialDecryptionStep,
  postStep,
  type RawMatrixEvent,
  type RoomFollower,
  SECRET_BALLOT_STEP_TYPE,
  type SecretBallotReplay,
  sendEvent,
  shuffleStep,
} from '@imago/matrix-binding';
import { ClientEvent, type MatrixClient, type MatrixEvent } from 'matrix-js-sdk';
import {
  HeliosEventTypes,
  readCredential,
  readStepRequest,
  type StepRequest,
} from '../helios/election-events';
import { downloadBytes, uploadBytes } from '../helios/media';
import { electionOfDecision, roomElections } from '../helios/room-election';

/** A member acting as trustee and voter in secret elections. */
export interface ElectionMember {
  /**
   * Generates a trustee key for a decision and publishes its public half in the room: a key pair
   * (plain trustee) or a certificate (threshold trustee, step 1), in the given Helios-C group.
   */
  offerTrusteeKey(
    roomId: string,
    decision: string,
    options?: { threshold?: boolean; group?: string },
  ): Promise<void>;
  /** Casts a ballot (Belenios plaintext, e.g. `[[1,3,2]]`) once the credential and election arrived. */
  castBallot(roomId: string, decision: string, plaintext: readonly (readonly number[])[]): Promise<void>;
  /** Steps answered as trustee, for reports. */
  readonly answered: string[];
  stop(): void;
}

interface Waiter<T> {
  value?: T;
  resolve?: (value: T) => void;
}

function waiter<T>(map: Map<string, Waiter<T>>, key: string): Promise<T> {
  const entry = map.get(key) ?? {};
  map.set(key, entry);
  if (entry.value !== undefined) return Promise.resolve(entry.value);
  return new Promise((resolve) => {
    entry.resolve = resolve;
  });
}

function deliver<T>(map: Map<string, Waiter<T>>, key: string, value: T): void {
  const entry = map.get(key) ?? {};
  entry.value = value;
  map.set(key, entry);
  entry.resolve?.(value);
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!result.ok) throw result.error;
  return result.value;
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');

/** A member trustee's secret for one decision. */
type TrusteeSecret =
  | { readonly kind: 'plain'; readonly group: AnyGroup; readonly secretKey: bigint }
  | { readonly kind: 'threshold'; readonly group: AnyGroup; readonly seed: string };

/**
 * Starts listening for election messages on a member's (syncing) client.
 *
 * @param client - the member's client.
 * @returns the member's election actions.
 */
export function electionMember(client: MatrixClient): ElectionMember {
  const credentials = new Map<string, Waiter<string>>();
  const setups = new Map<string, Waiter<true>>();
  const secrets = new Map<string, TrusteeSecret>();
  const answered: string[] = [];
  const me = client.getSafeUserId();

  const followers = new Map<string, Promise<RoomFollower>>();
  let stopped = false;
  /** The room, followed from now on: Setups already in it count, requests to come are answered. */
  const follow = (roomId: string): Promise<RoomFollower> => {
    const known = followers.get(roomId);
    if (known) return known;
    let ready = false;
    const started = followRoom(client, roomId, {
      onChange: (_log, change) => {
        if (ready) for (const event of change.events) onEvent(roomId, event, true);
      },
    }).then((follower) => {
      ready = true;
      for (const event of follower.events()) onEvent(roomId, event, false);
      if (stopped) follower.stop();
      return follower;
    });
    followers.set(roomId, started);
    return started;
  };
  /** The room's history, replayed (every event from the room's creation). */
  const history = async (roomId: string) => (await follow(roomId)).log();

  const onToDevice = (event: MatrixEvent) => {
    if (event.getType() !== HeliosEventTypes.credential) return;
    const message = readCredential(event.getContent());
    if (message) deliver(credentials, message.decision, message.credential);
  };
  const onEvent = (roomId: string, event: RawMatrixEvent, live: boolean) => {
    if (event.type === SECRET_BALLOT_STEP_TYPE) {
      const content = event.content as { type?: unknown; decision?: unknown } | undefined;
      if (content?.type === 'Setup' && typeof content.decision === 'string')
        deliver(setups, content.decision, true);
    } else if (live && event.type === HeliosEventTypes.request) {
      const request = readStepRequest(event.content);
      const secret = request && secrets.get(request.decision);
      if (!request || !secret || request.trustee !== me) return;
      answer(roomId, request, secret).catch((error: Error) =>
        process.stderr.write(`trustee ${me}: ${request.step} failed: ${error.message}\n`),
      );
    }
  };

  /** The election a request names, replayed from the room's history. */
  const electionOf = async (roomId: string, uuid: string): Promise<SecretBallotReplay> => {
    const election = roomElections(await history(roomId)).get(uuid);
    if (!election) throw new Error(`no election ${uuid} in the room`);
    return election;
  };

  const answer = async (roomId: string, request: StepRequest, secret: TrusteeSecret) => {
    const group = secret.group;
    if (request.step === 'polynomial' || request.step === 'voutput') {
      if (secret.kind !== 'threshold' || !request.input) return;
      const input = new TextDecoder().decode(await downloadBytes(client, request.input));
      let output: string;
      if (request.step === 'polynomial') {
        const certs = lines(input).map((l) => must(parseCertificate(group, l)));
        output = serializePolynomial(generatePolynomial(group, certs, secret.seed, request.threshold ?? 1));
      } else {
        const bundle = JSON.parse(input) as { certs: string; vinput: string };
        const certs = lines(bundle.certs).map((l) => must(parseCertificate(group, l)));
        const vinput = must(parseVerificationInput(group, bundle.vinput.trim()));
        output = serializeVerificationOutput(
          group,
          makeVerificationOutput(group, certs, secret.seed, vinput),
        );
      }
      const payload = await uploadBytes(client, new TextEncoder().encode(output), `${request.step}.json`);
      await sendEvent(client, roomId, HeliosEventTypes.contribution, {
        decision: request.decision,
        step: request.step,
        trustee_id: request.trusteeId,
        payload,
      });
    } else {
      const election = await electionOf(roomId, request.election as string);
      if (request.step === 'shuffle') {
        await postStep(client, roomId, election.election, shuffleStep(election, request.trusteeId));
      } else {
        const key =
          secret.kind === 'plain'
            ? secret.secretKey
            : recoverDecryptionKey(group, secret.seed, request.decryptionKey ?? '');
        await postStep(
          client,
          roomId,
          election.election,
          partialDecryptionStep(election, request.trusteeId, key),
        );
      }
    }
    answered.push(request.step);
  };

  client.on(ClientEvent.ToDeviceEvent, onToDevice);

  return {
    answered,
    async offerTrusteeKey(roomId, decision, options = {}) {
      await follow(roomId); // requests for this key come after it
      const group = groupByName(options.group ?? 'RFC-3526-2048') as AnyGroup;
      if (options.threshold) {
        const { seed, cert, id } = generateCertificate(group);
        secrets.set(decision, { kind: 'threshold', group, seed });
        await sendEvent(client, roomId, HeliosEventTypes.trusteeKey, {
          decision,
          certificate: serializeSignedMessage(cert),
          cert_id: id,
        });
        return;
      }
      const key = generateTrusteeKey(group);
      secrets.set(decision, { kind: 'plain', group, secretKey: key.secretKey });
      await sendEvent(client, roomId, HeliosEventTypes.trusteeKey, { decision, public_key: key.publicText });
    },
    async castBallot(roomId, decision, plaintext) {
      await follow(roomId);
      const [credential] = await Promise.all([waiter(credentials, decision), waiter(setups, decision)]);
      const election = electionOfDecision(await history(roomId), decision);
      if (!election) throw new Error(`no election for decision ${decision} in the room`);
      await castBallot(
        client,
        roomId,
        election.election,
        ballotFor(
          election,
          credential,
          plaintext.map((answers) => [...answers]),
        ),
      );
    },
    stop() {
      stopped = true;
      client.off(ClientEvent.ToDeviceEvent, onToDevice);
      for (const follower of followers.values()) void follower.then((f) => f.stop());
    },
  };
}
