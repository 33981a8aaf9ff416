import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GovernanceEventTypes } from '@imago/governance';
import { archiveSteps } from '@imago/helios-c';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beleniosVector } from '../../../../test-support/belenios-vectors';
import {
  appendToRoomLog,
  type CreatedGroup,
  castBallot,
  closeDecision,
  createGroup,
  DecisionsFold,
  type DecisionsFoldSnapshot,
  emptyRoomLog,
  encodeFoldSnapshot,
  exportBelArchive,
  fetchRoomHistory,
  followRoom,
  ImagoEventTypes,
  initControlTable,
  joinGroup,
  postStep,
  propose,
  type RawMatrixEvent,
  recordEconomicEvent,
  replayDecisions,
  replayResources,
  replaySecretBallots,
  type SecretBallotReplay,
  setDelegations,
  vote,
} from '../../src/index';
import type { TestHomeserver } from '../../src/testing/index';
import { beleniosTool } from '../support/belenios-tool';
import { DedicatedSynapse } from '../support/dedicated-synapse';
import { type LiveUser, liveUser, nextEvent, run, stopAll } from '../support/live-users';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

// Long enough for a vote after the restart to fall inside the period on a busy machine.
const PERIOD = 30_000;

/** A promise's outcome, without throwing. */
type Settled<T> = { ok: true; value: T } | { ok: false; reason: unknown };
const settle = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true, value }),
    (reason: unknown) => ({ ok: false, reason }),
  );

/** Waits until `condition` holds, or fails after `timeoutMs`. */
async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  for (const start = Date.now(); !(await condition()); ) {
    if (Date.now() - start > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Synapse killed and restarted in the middle of an open decision', () => {
  const synapse = new DedicatedSynapse(`restart-${run}`);
  let homeserver: TestHomeserver;
  let users: LiveUser[];
  let group: CreatedGroup;

  beforeAll(async () => {
    homeserver = await synapse.start();
  });
  afterAll(async () => {
    stopAll();
    await synapse.reset();
  });

  // Writes in flight at the kill: the homeserver is frozen (SIGSTOP) before they are sent, so each
  // request sits unread in its sockets when it is killed (SIGKILL). The client sees every one of
  // them fail, and none may be in the room after the restart. (A request Synapse had read and
  // persisted when killed, but not yet answered, would be present although the client saw an
  // error; freezing first is what makes "refused" mean "absent", and the test deterministic.)
  it('loses no acknowledged vote, delegation, ballot or ledger event, keeps none of the writes in flight at the kill, and the outcome is the same', async () => {
    users = await Promise.all(['ana', 'bo', 'cy', 'di'].map((name) => liveUser(name, { homeserver })));
    const [ana, bo, cy, di] = users as [LiveUser, LiveUser, LiveUser, LiveUser];
    group = await createGroup(ana.client, {
      profile: { name: 'Résilience' },
      rooms: ['decisions'],
      invite: [bo.userId, cy.userId, di.userId],
    });
    const room = group.rooms.decisions as string;
    for (const user of [bo, cy, di]) await joinGroup(user.client, group);
    await initControlTable(ana.client, room, {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
        'spend-resource': {
          protocol: 'democracy',
          method: 'plurality',
          quorum: 0.5,
          threshold: 0.5,
          duration: PERIOD,
          ballot: 'public',
          delegation: true,
          groupDelegation: 'majority',
        },
      },
    });
    const proposedAt = Date.now();
    const decision = await propose(ana.client, room, { kind: 'spend-resource', action: { amount: 40 } });
    // Di's client follows the room live through the crash.
    const follower = await followRoom(di.client, room, { decisions: true });
    const historyRequests = follower.stats().historyRequests;
    const before: string[] = [
      await vote(ana.client, room, decision, [0, 1]),
      await setDelegations(bo.client, room, [
        { scope: { type: 'decision', decision }, to: { member: cy.userId } },
      ]),
      await vote(cy.client, room, decision, [1, 0]),
      // Di's own seeds: a person speaks for herself in the group's ledger.
      await recordEconomicEvent(di.client, room, {
        action: 'raise',
        provider: di.userId,
        receiver: di.userId,
        resourceQuantity: { hasNumericalValue: 2.5, hasUnit: 'kilogram' },
        newInventoriedResource: { id: 'seeds' },
      } as never),
    ];

    // A secret ballot too: the Setup of a reference Belenios election, and Cy's ballot.
    const fixture = beleniosVector('h-2048');
    let anaBallot = '';
    const uuid = (JSON.parse(await readFile(join(fixture, 'meta.json'), 'utf8')) as { uuid: string }).uuid;
    const reference = archiveSteps(new Uint8Array(await readFile(join(fixture, `${uuid}.bel`))));
    await postStep(ana.client, room, uuid, reference.steps[0] as never, { timestamp: reference.timestamp });
    const work = await mkdtemp(join(tmpdir(), 'imago-restart-'));
    try {
      const setup = replaySecretBallots(
        appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(cy.client, room)),
      );
      await writeFile(
        join(work, `${uuid}.bel`),
        exportBelArchive(setup.elections.get(uuid) as SecretBallotReplay),
      );
      const credentials = (await readFile(join(fixture, 'private_creds.txt'), 'utf8')).split('\n');
      const generateBallot = async (credential: number, choices: string) => {
        await writeFile(join(work, 'cred'), credentials[credential]?.split(' ')[1] as string);
        await writeFile(join(work, 'vote'), choices);
        return beleniosTool([
          'election',
          'generate-ballot',
          '--dir',
          work,
          '--privcred',
          join(work, 'cred'),
          '--ballot',
          join(work, 'vote'),
        ]);
      };
      before.push(await castBallot(cy.client, room, uuid, await generateBallot(0, '[[1,0],[1,0,0,1]]')));
      anaBallot = await generateBallot(1, '[[0,1],[0,1,1,0]]');
    } finally {
      await rm(work, { recursive: true, force: true });
    }

    // Everything of ours in the room so far was acknowledged.
    const imagoEvents = (events: RawMatrixEvent[]) =>
      events.filter((e) => String(e.type).startsWith('org.imago.')).map((e) => String(e.event_id));
    const acknowledged = imagoEvents(await fetchRoomHistory(ana.client, room));
    for (const id of before) expect(acknowledged).toContain(id);

    // Writes in flight at the kill: each would change what the room decides or holds.
    await synapse.freeze();
    // A sync answered just before the freeze may come back with its next request: let it land first.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const unread = await synapse.bufferedRequests();
    const inFlight = [
      // Cy, who carries Bo's delegation, switches to "no": counted, it would reject the proposal.
      settle(vote(cy.client, room, decision, [0, 1])),
      // Bo takes his delegation back.
      settle(setDelegations(bo.client, room, [])),
      // Di records consuming a kilogram of the seeds.
      settle(
        recordEconomicEvent(di.client, room, {
          action: 'consume',
          provider: group.spaceId,
          receiver: group.spaceId,
          resourceInventoriedAs: 'seeds',
          resourceQuantity: { hasNumericalValue: 1, hasUnit: 'kilogram' },
        } as never),
      ),
      // Ana casts a secret ballot.
      settle(castBallot(ana.client, room, uuid, anaBallot)),
    ];
    // Every request has reached the frozen homeserver, unread, before it dies (matrix-js-sdk keeps
    // no cause in its ConnectionError, so the sockets are where to see that they were sent).
    await until(
      async () => (await synapse.bufferedRequests()) >= unread + inFlight.length,
      20_000,
      'the writes in flight reach the frozen homeserver',
    );
    await synapse.kill();
    // The client sees each of them fail, with the typed error.
    for (const outcome of await Promise.all(inFlight)) {
      expect(outcome).toMatchObject({ ok: false, reason: { code: 'homeserver-error' } });
    }

    // While the homeserver is down, sending fails with a typed error; nothing is half-applied.
    await expect(vote(di.client, room, decision, [0, 1])).rejects.toMatchObject({ code: 'homeserver-error' });
    await synapse.start();

    // The syncing client reconnects by itself and sees new events.
    const seen = nextEvent(ana.client, room, (e) => e.getType() === GovernanceEventTypes.vote, 60_000);
    const after = await vote(di.client, room, decision, [1, 0]);
    expect((await seen).getId()).toBe(after);

    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, proposedAt + PERIOD + 1_000 - Date.now())),
    );
    const close = await closeDecision(ana.client, room, decision); // Ana created the group: its authority

    const history = await fetchRoomHistory(ana.client, room, { pageSize: 5 });
    for (let i = 0; i < 100 && !follower.log().seen.has(history.at(-1)?.event_id as string); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    follower.stop();
    const live = replayDecisions(follower.log()).state.decisions.get(decision)?.outcome;
    const ids = new Set(history.map((e) => e.event_id));
    // Every acknowledged write is there, and nothing else of ours: none of the writes in flight at
    // the kill was kept.
    acknowledged.push(after, close);
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    expect(imagoEvents(history).filter((id) => !acknowledged.includes(id))).toEqual([]);
    expect(history.filter((e) => e.type === ImagoEventTypes.delegations).map((e) => e.content)).toEqual([
      { delegations: [{ scope: { type: 'decision', decision }, to: { member: cy.userId } }] },
    ]);
    const replayed = replayDecisions(appendToRoomLog(emptyRoomLog(room), history));
    const outcome = replayed.state.decisions.get(decision)?.outcome;
    // Di's vote after the restart counted (inside the period): nothing was refused.
    expect(replayed.warnings).toEqual([]);
    // Ana no; Bo → Cy yes; Cy yes; Di yes: adopted with option 0, weight 4 counted.
    expect(outcome?.status).toBe('adopted');
    expect(outcome?.winners).toEqual([0]);
    // Replaying again, or from another member's history, gives the same outcome (idempotent).
    const again = replayDecisions(
      appendToRoomLog(appendToRoomLog(emptyRoomLog(room), history), await fetchRoomHistory(di.client, room)),
    );
    expect(again.state.decisions.get(decision)?.outcome).toEqual(outcome);
    // The live follower, which lived through the crash, reached the same outcome, in the same state
    // as a fresh replay, reading forward from where it was: the history was not read again.
    expect(live).toEqual(outcome);
    const fresh = new DecisionsFold().add(appendToRoomLog(emptyRoomLog(room), history).entries);
    expect(text(encodeFoldSnapshot(follower.snapshot()?.fold as DecisionsFoldSnapshot))).toBe(
      text(encodeFoldSnapshot(fresh.snapshot())),
    );
    expect(follower.stats().historyRequests).toBe(historyRequests);
    // The ballot cast before the crash is still in the election, and the one in flight is not.
    const election = replaySecretBallots(appendToRoomLog(emptyRoomLog(room), history)).elections.get(uuid);
    expect(election?.steps.filter((step) => step.type === 'Ballot').map((step) => step.eventId)).toEqual([
      before.at(-1),
    ]);
    // The ledger event recorded before the crash is still applied, the one in flight is not.
    const { ledger } = replayResources(appendToRoomLog(emptyRoomLog(room), history));
    expect(ledger.resources.get('seeds')?.onhandQuantity).toEqual({
      hasNumericalValue: 2.5,
      hasUnit: 'kilogram',
    });
    // Di's client sent the ledger write that failed; what it follows live holds none of it either.
    expect(replayResources(follower.log()).ledger.resources.get('seeds')?.onhandQuantity).toEqual({
      hasNumericalValue: 2.5,
      hasUnit: 'kilogram',
    });
  });
});
