/**
 * A group's ledger in its decisions room: agents are Matrix identities, and an event applies only
 * when its sender speaks for the side that answers for it — the person themselves, or for the
 * group its authority or the members the control table lets act, as the table stood at the event.
 */
import { describe, expect, it } from 'vitest';
import type { RawMatrixEvent } from '../events/raw-matrix-event';
import { appendToRoomLog, emptyRoomLog } from '../replay/room-log';
import { matrixAgent, speaksFor } from './ledger-sides';
import { replayResources } from './replay-resources';

const space = '!garden:hs';
const room = '!decisions:hs';
const HOUR = 3_600_000;
const [bot, ana, bo, mallory] = ['@bot:hs', '@ana:hs', '@bo:hs', '@mallory:hs'];
const group = { spaceId: space, authority: { decisions: room, authority: [bot], eventId: '$pin' } };

let n = 0;
const ev = (
  sender: string,
  type: string,
  content: unknown,
  extra: object = {},
  ts?: number,
): RawMatrixEvent => ({
  event_id: `$${++n}`,
  room_id: room,
  sender,
  origin_server_ts: ts ?? 1_000 + n,
  type,
  content,
  ...extra,
});
const kg = (value: number) => ({ hasNumericalValue: value, hasUnit: 'kilogram' });
const vf = (sender: string, content: Record<string, unknown>) =>
  ev(sender, 'org.imago.vf.economic_event', content);
const democracy = {
  protocol: 'democracy',
  method: 'plurality',
  quorum: 0,
  threshold: { 'org.imago.decimal': '0.5' },
  duration: HOUR,
  ballot: 'public',
  delegation: false,
  group_delegation: 'majority',
};

/** A decisions room: created by the bot, joined by everyone, its table set by the bot. */
function opening(spend: unknown): RawMatrixEvent[] {
  n = 0;
  return [
    ev(bot, 'm.room.create', { room_version: '12' }, { state_key: '' }),
    ...[bot, ana, bo, mallory].map((user) =>
      ev(user, 'm.room.member', { membership: 'join' }, { state_key: user }),
    ),
    ev(bot, 'org.imago.governance.init', {
      table: {
        rules: { 'change-control-table': { protocol: 'consensus', duration: HOUR }, 'spend-resource': spend },
      },
      authority: [bot],
    }),
  ];
}

const raiseFlour = (sender: string) =>
  vf(sender, {
    action: 'raise',
    provider: space,
    receiver: space,
    resourceQuantity: kg(20),
    newInventoriedResource: { id: 'flour' },
  });

function replay(events: RawMatrixEvent[], options: Parameters<typeof replayResources>[1] = { group }) {
  return replayResources(appendToRoomLog(emptyRoomLog(room), events), options);
}

const codes = (warnings: readonly { code: string; reason?: string; path?: string }[]) =>
  warnings.map((w) => [w.code, w.reason, w.path]);

describe('ValueFlows agents on Matrix', () => {
  it('maps user ids to persons, space ids to groups, and nothing else', () => {
    expect(matrixAgent('@ana:hs')).toEqual({ kind: 'person', userId: '@ana:hs' });
    expect(matrixAgent('!garden:hs')).toEqual({ kind: 'group', spaceId: '!garden:hs' });
    expect(matrixAgent('group:garden')).toBeUndefined();
  });

  it('a person speaks only for themselves; a group nowhere but in its own ledger', () => {
    expect(speaksFor(undefined, ana, ana, '$e', 'spend-resource')).toBe(true);
    expect(speaksFor(undefined, ana, bo, '$e', 'spend-resource')).toBe(false);
    expect(speaksFor(undefined, space, bot, '$e', 'spend-resource')).toBe(false);
    const ledger = { group: '!other:hs', authorityAt: () => [bot], tableAt: () => undefined };
    expect(speaksFor(ledger, space, bot, '$e', 'spend-resource')).toBe(false);
  });
});

describe('a group’s ledger in its decisions room', () => {
  it('the authority records for the group; a member the table does not let act cannot take from it', () => {
    const events = [
      ...opening(democracy),
      raiseFlour(bot),
      vf(mallory, {
        action: 'transfer',
        provider: space,
        receiver: mallory,
        resourceInventoriedAs: 'flour',
        resourceQuantity: kg(5),
        newInventoriedResource: { id: 'loot' },
      }),
      vf(mallory, {
        action: 'raise',
        provider: space,
        receiver: space,
        resourceInventoriedAs: 'flour',
        resourceQuantity: kg(100),
      }),
    ];
    const { ledger, warnings } = replay(events);
    expect(ledger.resources.get('flour')?.onhandQuantity).toEqual(kg(20));
    expect(ledger.resources.has('loot')).toBe(false);
    expect(codes(warnings)).toEqual([
      ['unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.provider'],
      ['unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.receiver'],
    ]);
    expect(warnings.map((w) => w.sender)).toEqual([mallory, mallory]);
  });

  it('a member gives what is theirs to the group, into the group’s own resource', () => {
    const { ledger, warnings } = replay([
      ...opening(democracy),
      raiseFlour(bot),
      vf(ana, {
        action: 'raise',
        provider: ana,
        receiver: ana,
        resourceQuantity: kg(3),
        newInventoriedResource: { id: 'ana-flour' },
      }),
      vf(ana, {
        action: 'transfer',
        provider: ana,
        receiver: space,
        resourceInventoriedAs: 'ana-flour',
        toResourceInventoriedAs: 'flour',
        resourceQuantity: kg(3),
      }),
    ]);
    expect(warnings).toEqual([]);
    expect(ledger.resources.get('flour')?.accountingQuantity).toEqual(kg(23));
  });

  it('only the side that recorded an event corrects it: a forged correction changes nothing and spends no correction', () => {
    const events = [...opening(democracy), raiseFlour(bot)];
    const raise = events.at(-1)?.event_id as string;
    const correction = { action: 'raise', provider: space, receiver: space, corrects: raise };
    events.push(vf(mallory, correction), vf(bot, correction));
    const [forged, fix] = events.slice(-2).map((e) => e.event_id);
    const { ledger, warnings } = replay(events);
    expect(codes(warnings)).toEqual([['unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.receiver']]);
    expect(warnings[0]?.eventId).toBe(forged);
    expect(ledger.events.get(raise)?.correctedBy).toBe(fix);
    expect(ledger.resources.get('flour')?.onhandQuantity).toEqual(kg(0));
  });

  it('a do-ocracy row lets every member act for the group; an oligarchy, its deciders', () => {
    const doOcracy = {
      protocol: 'do-ocracy',
      window: HOUR,
      escalation: { protocol: 'consensus', duration: HOUR },
    };
    expect(replay([...opening(doOcracy), raiseFlour(mallory)]).warnings).toEqual([]);
    const oligarchy = { protocol: 'oligarchy', deciders: { members: [ana] }, required: 1, duration: HOUR };
    const { warnings } = replay([...opening(oligarchy), raiseFlour(ana), raiseFlour(bo)]);
    // Bo's raise is refused for his side before the ledger would see a second `flour`.
    expect(codes(warnings)).toEqual([['unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.receiver']]);
    expect(warnings[0]?.sender).toBe(bo);
  });

  it('takes the table as it stood at each entry: a later change does not rewrite earlier ones', () => {
    const doOcracy = {
      protocol: 'do-ocracy',
      window: HOUR,
      escalation: { protocol: 'consensus', duration: HOUR },
    };
    const events = [...opening(doOcracy), raiseFlour(mallory)];
    const change = ev(bot, 'org.imago.governance.propose', {
      kind: 'change-control-table',
      action: {
        table: {
          rules: {
            'change-control-table': { protocol: 'consensus', duration: HOUR },
            'spend-resource': democracy,
          },
        },
      },
    });
    events.push(change, ev(bot, 'org.imago.governance.tick', {}, {}, 10 * HOUR));
    events.push(
      vf(mallory, {
        action: 'consume',
        provider: space,
        receiver: space,
        resourceInventoriedAs: 'flour',
        resourceQuantity: kg(1),
      }),
    );
    const { ledger, warnings } = replay(events);
    expect(ledger.resources.get('flour')?.onhandQuantity).toEqual(kg(20));
    expect(codes(warnings)).toEqual([['unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.provider']]);
  });

  it('nobody speaks for the group outside its pinned decisions room, or without knowing the group', () => {
    const events = [...opening(democracy), raiseFlour(bot)];
    expect(codes(replay(events, {}).warnings)).toEqual([
      ['unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.receiver'],
    ]);
    const elsewhere = { ...group, authority: { ...group.authority, decisions: '!chat:hs' } };
    expect(codes(replay(events, { group: elsewhere }).warnings)).toEqual([
      ['unauthorised', 'VF_UNAUTHORISED_RECORDER', 'content.receiver'],
    ]);
  });

  it('refuses agents that are no Matrix identity', () => {
    const { warnings } = replay([
      ...opening(democracy),
      vf(bot, { action: 'raise', provider: 'group:x', receiver: space, resourceQuantity: kg(1) }),
    ]);
    expect(codes(warnings)).toEqual([['malformed-content', 'unmapped-agent', 'content.provider']]);
  });

  it('reports a redacted ledger entry: its evidence is gone from every replay', () => {
    const events = [...opening(democracy), raiseFlour(bot)];
    const raise = events.at(-1)?.event_id as string;
    events.push(ev(bot, 'm.room.redaction', {}, { redacts: raise }));
    const { ledger, warnings } = replayResources(
      appendToRoomLog(emptyRoomLog(room), events, { mayRedact: (u) => u === bot }),
      {
        group,
      },
    );
    expect(ledger.resources.has('flour')).toBe(false);
    expect(codes(warnings)).toEqual([['settled-evidence-redacted', 'ledger-entry', undefined]]);
    expect(warnings[0]?.eventId).toBe(raise);
  });
});

describe('offers and needs in the group’s name', () => {
  const offer = (sender: string, extra: Record<string, unknown> = {}) =>
    ev(sender, 'org.imago.vf.proposal', {
      purpose: 'offer',
      name: 'Flour',
      proposer: space,
      unitBased: false,
      publishes: [{ action: 'transfer', provider: space, resourceQuantity: kg(1) }],
      reciprocal: [],
      ...extra,
    });

  it('are kept from those who speak for the group (publish-offer row) and refused from others', () => {
    const publishing = { protocol: 'oligarchy', deciders: { members: [ana] }, required: 1, duration: HOUR };
    const events = opening(democracy);
    const init = events.at(-1) as { content: { table: { rules: Record<string, unknown> } } };
    init.content.table.rules['publish-offer'] = publishing;
    events.push(offer(bot), offer(ana), offer(mallory));
    const { proposals, warnings } = replay(events);
    expect(proposals.map((p) => p.sender)).toEqual([bot, ana]);
    expect(codes(warnings)).toEqual([['unauthorised', 'not-proposer', 'content.proposer']]);
  });

  it('a person’s own offer is theirs: its intents may not commit someone else', () => {
    const events = [
      ...opening(democracy),
      offer(mallory, { proposer: undefined }),
      offer(mallory, { proposer: mallory }),
    ];
    const { proposals, warnings } = replay(events);
    expect(proposals).toEqual([]);
    expect(codes(warnings)).toEqual([
      ['unauthorised', 'not-proposer', 'content.publishes[0].provider'],
      ['unauthorised', 'not-proposer', 'content.publishes[0].provider'],
    ]);
  });
});
