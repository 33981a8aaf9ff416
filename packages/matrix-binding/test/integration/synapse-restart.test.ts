import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GovernanceEventTypes } from '@imago/governance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beleniosVector } from '../../../../test-support/belenios-vectors';
import {
  appendToRoomLog,
  belStepsFromArchive,
  type CreatedGroup,
  castBallot,
  closeDecision,
  createGroup,
  emptyRoomLog,
  exportBelArchive,
  fetchRoomHistory,
  followRoom,
  initControlTable,
  joinGroup,
  postStep,
  propose,
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

// Long enough for a vote after the restart to fall inside the period on a busy machine.
const PERIOD = 30_000;

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

  it('loses no vote, delegation, ballot or ledger event, and the outcome is the same', async () => {
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
    const follower = await followRoom(di.client, room);
    const before: string[] = [
      await vote(ana.client, room, decision, [0, 1]),
      await setDelegations(bo.client, room, [
        { scope: { type: 'decision', decision }, to: { member: cy.userId } },
      ]),
      await vote(cy.client, room, decision, [1, 0]),
      await recordEconomicEvent(di.client, room, {
        action: 'raise',
        provider: group.spaceId,
        receiver: group.spaceId,
        resourceQuantity: { hasNumericalValue: 2.5, hasUnit: 'kilogram' },
        newInventoriedResource: { id: 'seeds' },
      } as never),
    ];

    // A secret ballot too: the Setup of a reference Belenios election, and Cy's ballot.
    const fixture = beleniosVector('h-2048');
    const uuid = (JSON.parse(await readFile(join(fixture, 'meta.json'), 'utf8')) as { uuid: string }).uuid;
    const reference = belStepsFromArchive(new Uint8Array(await readFile(join(fixture, `${uuid}.bel`))));
    await postStep(ana.client, room, uuid, reference.steps[0] as never, reference.timestamp);
    const work = await mkdtemp(join(tmpdir(), 'imago-restart-'));
    try {
      const setup = replaySecretBallots(
        appendToRoomLog(emptyRoomLog(room), await fetchRoomHistory(cy.client, room)),
      );
      await writeFile(
        join(work, `${uuid}.bel`),
        exportBelArchive(setup.elections.get(uuid) as SecretBallotReplay),
      );
      const cred = (await readFile(join(fixture, 'private_creds.txt'), 'utf8'))
        .split('\n')[0]
        ?.split(' ')[1] as string;
      await writeFile(join(work, 'cred'), cred);
      await writeFile(join(work, 'vote'), '[[1,0],[1,0,0,1]]');
      const ballot = await beleniosTool([
        'election',
        'generate-ballot',
        '--dir',
        work,
        '--privcred',
        join(work, 'cred'),
        '--ballot',
        join(work, 'vote'),
      ]);
      before.push(await castBallot(cy.client, room, uuid, ballot));
    } finally {
      await rm(work, { recursive: true, force: true });
    }

    await synapse.kill();
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
    await closeDecision(ana.client, room, decision); // Ana created the group: its authority

    const history = await fetchRoomHistory(ana.client, room, { pageSize: 5 });
    for (let i = 0; i < 100 && !follower.log().seen.has(history.at(-1)?.event_id as string); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    follower.stop();
    const live = replayDecisions(follower.log()).state.decisions.get(decision)?.outcome;
    const ids = new Set(history.map((e) => e.event_id));
    for (const id of [...before, after]) expect(ids.has(id)).toBe(true);
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
    // The live follower, which lived through the crash, reached the same outcome.
    expect(live).toEqual(outcome);
    // The ballot cast before the crash is still in the election.
    const election = replaySecretBallots(appendToRoomLog(emptyRoomLog(room), history)).elections.get(uuid);
    expect(election?.steps.filter((step) => step.type === 'Ballot').map((step) => step.eventId)).toEqual([
      before.at(-1),
    ]);
    // The ledger event recorded before the crash is still applied.
    const { ledger } = replayResources(appendToRoomLog(emptyRoomLog(room), history));
    expect(ledger.resources.get('seeds')?.onhandQuantity).toEqual({
      hasNumericalValue: 2.5,
      hasUnit: 'kilogram',
    });
  });
});
