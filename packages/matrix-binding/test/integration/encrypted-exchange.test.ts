import { GovernanceEventTypes } from '@imago/governance';
import type { MatrixClient } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendToRoomLog,
  type CreatedGroup,
  createGroup,
  emptyRoomLog,
  fetchRoomHistory,
  initControlTable,
  joinGroup,
  logEvents,
  logWarnings,
  propose,
  replayDecisions,
} from '../../src/index';
import { type LiveUser, liveUser, nextEvent, stopAll } from '../support/live-users';

async function untilMembers(client: MatrixClient, roomId: string, count: number): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((client.getRoom(roomId)?.getJoinedMemberCount() ?? 0) >= count) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${roomId} never had ${count} members`);
}

describe('end-to-end encrypted group rooms (Rust crypto in Node, live Synapse)', () => {
  let alice: LiveUser;
  let bob: LiveUser;
  let outsider: LiveUser;
  let group: CreatedGroup;

  beforeAll(async () => {
    [alice, bob, outsider] = await Promise.all([
      liveUser('alice', { encryption: true }),
      liveUser('bob', { encryption: true }),
      liveUser('nocrypto'),
    ]);
    group = await createGroup(alice.client, {
      profile: { name: 'Cercle' },
      encrypted: true,
      invite: [bob.userId, outsider.userId],
    });
    await joinGroup(bob.client, group);
    await joinGroup(outsider.client, group, ['decisions']);
    for (const roomId of Object.values(group.rooms)) await untilMembers(alice.client, roomId as string, 2);
  });
  afterAll(stopAll);

  it('delivers an encrypted chat message that only the members’ devices read', async () => {
    const chat = group.rooms.chat as string;
    expect(await alice.client.getCrypto()?.isEncryptionEnabledInRoom(chat)).toBe(true);
    const received = nextEvent(bob.client, chat, (e) => e.getWireType() === 'm.room.encrypted');
    await alice.client.sendTextMessage(chat, 'rendez-vous jeudi au jardin');
    const event = await received;
    await bob.client.decryptEventIfNeeded(event);
    expect(event.isEncrypted()).toBe(true);
    expect(event.getType()).toBe('m.room.message');
    expect(event.getContent().body).toBe('rendez-vous jeudi au jardin');
  });

  it('replays an encrypted decisions room after decryption; a client without keys gets typed warnings', async () => {
    const decisions = group.rooms.decisions as string;
    await initControlTable(alice.client, decisions, {
      rules: { 'change-control-table': { protocol: 'consensus', duration: 3_600_000 } },
      fallback: { protocol: 'consent', duration: 3_600_000 },
    });
    const decision = await propose(alice.client, decisions, {
      kind: 'publish-text',
      action: { text: 'Bienvenue' },
    });
    await nextEvent(bob.client, decisions, (e) => e.getId() === decision).catch(() => undefined);

    const bobLog = appendToRoomLog(emptyRoomLog(decisions), await fetchRoomHistory(bob.client, decisions));
    const replayed = replayDecisions(bobLog);
    expect(replayed.state.decisions.get(decision)?.kind).toBe('publish-text');
    expect(logEvents(bobLog).some((e) => e.type === GovernanceEventTypes.propose)).toBe(true);

    const outsiderLog = appendToRoomLog(
      emptyRoomLog(decisions),
      await fetchRoomHistory(outsider.client, decisions),
    );
    expect(
      logWarnings(outsiderLog)
        .filter((w) => w.code === 'undecryptable')
        .map((w) => w.eventId),
    ).toContain(decision);
    expect(replayDecisions(outsiderLog).state.decisions.get(decision)).toBeUndefined();
  });
});
