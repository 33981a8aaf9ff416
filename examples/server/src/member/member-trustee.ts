/**
 * @module
 * A member's side of a secret election, as a member's client runs it: the trustee (generates
 * its key pair, publishes the public key, answers the service's shuffle and decryption requests)
 * and the voter (receives its credential privately, encrypts its ballot with Helios-C, sends it
 * as a room event). The private key and credential never leave the member's machine.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendEvent } from '@imago/matrix-binding';
import { ClientEvent, type MatrixClient, type MatrixEvent, RoomEvent } from 'matrix-js-sdk';
import { HeliosEventTypes, readCredential, readElection, readStepMessage } from '../helios/election-events';
import { heliosC } from '../helios/helios-cli';
import { downloadBytes, uploadBytes } from '../helios/media';

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

/**
 * Starts listening for election messages on a member's (syncing) client.
 *
 * @param client - the member's client.
 * @returns the member's election actions.
 */
export function electionMember(client: MatrixClient): ElectionMember {
  const credentials = new Map<string, Waiter<string>>();
  const elections = new Map<string, Waiter<{ uuid: string; archive: string; trustees: string[] }>>();
  const keyDirs = new Map<string, string>();
  const groups = new Map<string, string>();
  const answered: string[] = [];
  const me = client.getSafeUserId();

  const onToDevice = (event: MatrixEvent) => {
    if (event.getType() !== HeliosEventTypes.credential) return;
    const message = readCredential(event.getContent());
    if (message) deliver(credentials, message.decision, message.credential);
  };
  const onTimeline = (event: MatrixEvent, _room: unknown, toStart?: boolean) => {
    if (toStart) return;
    if (event.getType() === HeliosEventTypes.election) {
      const election = readElection(event.getContent());
      if (election) deliver(elections, election.decision, election);
    } else if (event.getType() === HeliosEventTypes.request) {
      const request = readStepMessage(event.getContent(), 'archive');
      const dir = request && keyDirs.get(request.decision);
      if (!request || !dir) return;
      answer(event.getRoomId() as string, request, dir).catch((error: Error) =>
        process.stderr.write(`trustee ${me}: ${request.step} failed: ${error.message}\n`),
      );
    }
  };

  const keyFile = async (dir: string, suffix: string) =>
    join(dir, (await readdir(dir)).find((f) => f.endsWith(suffix)) as string);

  const answer = async (
    roomId: string,
    request: NonNullable<ReturnType<typeof readStepMessage>>,
    dir: string,
  ) => {
    if (request.trustee !== me) return;
    const group = groups.get(request.decision) ?? 'RFC-3526-2048';
    const work = await mkdtemp(join(tmpdir(), 'imago-trustee-'));
    const input = await downloadBytes(client, request.uri);
    const threshold = ['setup', 'generate-trustee-key-threshold', `--group=${group}`, '--certs=certs.jsons'];
    let output: string;
    if (request.step === 'polynomial') {
      await writeFile(join(work, 'certs.jsons'), input);
      output = await heliosC(
        [
          ...threshold,
          `--key=${await keyFile(dir, '.key')}`,
          '--step=3',
          `--threshold=${request.threshold ?? 1}`,
        ],
        work,
      );
    } else if (request.step === 'voutput') {
      const bundle = JSON.parse(new TextDecoder().decode(input)) as { certs: string; vinput: string };
      await writeFile(join(work, 'certs.jsons'), bundle.certs);
      output = await heliosC(
        [...threshold, `--key=${await keyFile(dir, '.key')}`, '--step=5'],
        work,
        bundle.vinput,
      );
    } else {
      const election = await waiter(elections, request.decision);
      await writeFile(join(work, `${election.uuid}.bel`), input);
      if (request.step === 'shuffle') {
        output = await heliosC(['election', 'shuffle', `--trustee-id=${request.trusteeId}`], work);
      } else if (request.decryptionKey !== undefined) {
        await writeFile(join(work, 'decryption.dkey'), request.decryptionKey);
        output = await heliosC(
          [
            'election',
            'decrypt-threshold',
            `--key=${await keyFile(dir, '.key')}`,
            '--decryption-key=decryption.dkey',
            `--trustee-id=${request.trusteeId}`,
          ],
          work,
        );
      } else {
        output = await heliosC(
          [
            'election',
            'decrypt',
            `--privkey=${await keyFile(dir, '.privkey')}`,
            `--trustee-id=${request.trusteeId}`,
          ],
          work,
        );
      }
    }
    const payload = await uploadBytes(client, new TextEncoder().encode(output), `${request.step}.json`);
    await sendEvent(client, roomId, HeliosEventTypes.contribution, {
      decision: request.decision,
      step: request.step,
      trustee_id: request.trusteeId,
      payload,
    });
    answered.push(request.step);
  };

  client.on(ClientEvent.ToDeviceEvent, onToDevice);
  client.on(RoomEvent.Timeline, onTimeline);

  return {
    answered,
    async offerTrusteeKey(roomId, decision, options = {}) {
      const group = options.group ?? 'RFC-3526-2048';
      const dir = await mkdtemp(join(tmpdir(), 'imago-trustee-key-'));
      keyDirs.set(decision, dir);
      groups.set(decision, group);
      if (options.threshold) {
        await heliosC(['setup', 'generate-trustee-key-threshold', `--group=${group}`, '--step=1'], dir);
        const cert = (await readdir(dir)).find((f) => f.endsWith('.cert')) as string;
        await sendEvent(client, roomId, HeliosEventTypes.trusteeKey, {
          decision,
          certificate: (await readFile(join(dir, cert), 'utf8')).trim(),
          cert_id: cert.slice(0, -'.cert'.length),
        });
        return;
      }
      await heliosC(['setup', 'generate-trustee-key', `--group=${group}`], dir);
      await sendEvent(client, roomId, HeliosEventTypes.trusteeKey, {
        decision,
        public_key: (await readFile(await keyFile(dir, '.pubkey'), 'utf8')).trim(),
      });
    },
    async castBallot(roomId, decision, plaintext) {
      const [credential, election] = await Promise.all([
        waiter(credentials, decision),
        waiter(elections, decision),
      ]);
      const work = await mkdtemp(join(tmpdir(), 'imago-voter-'));
      await writeFile(join(work, `${election.uuid}.bel`), await downloadBytes(client, election.archive));
      await writeFile(join(work, 'credential'), `${credential}\n`);
      await writeFile(join(work, 'ballot.json'), JSON.stringify(plaintext));
      const ballot = await heliosC(
        ['election', 'generate-ballot', '--privcred=credential', '--ballot=ballot.json'],
        work,
      );
      await sendEvent(client, roomId, HeliosEventTypes.ballot, { decision, ballot: ballot.trim() });
    },
    stop() {
      client.off(ClientEvent.ToDeviceEvent, onToDevice);
      client.off(RoomEvent.Timeline, onTimeline);
    },
  };
}
