/**
 * @module
 * The assembly the live election suites vote in: eight members on a live Synapse (the service
 * account `svc` is the group's authority), a group with a chat (encrypted) and a decisions room,
 * a sub-group of two (Eve and Fay), delegations (Cy to Bo, Gus to the sub-group), a control table
 * of three secret rules (plurality, Schulze, majority judgment) with three threshold trustees of
 * whom any two decrypt, and every member's election duties running. Also the election an attacker
 * makes up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ControlTable, CountingMethodName, DemocracyRule } from '@imago/governance';
import { generateCredentials, groupByName, setupStep } from '@imago/helios-c';
import { afterAll, beforeAll } from 'vitest';
import {
  type CreatedGroup,
  createGroup,
  initControlTable,
  joinGroup,
  readGroup,
  sendState,
  setDelegations,
} from '../../src/index';
import { type ElectionMember, electionMember } from './election-members';
import { type LiveUser, liveUser, stopAll, type WireToDevice } from './live-users';
import { RawMatrix } from './raw-matrix';

export const NAMES = ['svc', 'ana', 'bo', 'cy', 'dee', 'eve', 'fay', 'gus'] as const;
export type Name = (typeof NAMES)[number];
// Long enough for every voter to cast on a loaded 2-core machine before the authority closes the vote.
export const VOTE = 90_000;

/** The assembly's members, rooms and work folder. */
export interface ElectionAssembly {
  readonly users: Record<Name, LiveUser>;
  /** The to-device events each member received, as they came over the wire. */
  readonly wire: Record<Name, WireToDevice[]>;
  readonly members: Record<Name, ElectionMember>;
  readonly group: CreatedGroup;
  readonly tech: CreatedGroup;
  /** The group's decisions room. */
  readonly room: string;
  /** A temporary folder for the archives belenios-tool verifies. */
  readonly work: string;
  id(n: Name): string;
  /** A member speaking raw client-server HTTP. */
  raw(n: Name): RawMatrix;
}

/** Brings the assembly together (users, groups, rules, delegations, election duties). */
async function assembleElections(): Promise<ElectionAssembly> {
  const users = {} as Record<Name, LiveUser>;
  const wire = Object.fromEntries(NAMES.map((n) => [n, [] as WireToDevice[]])) as Record<
    Name,
    WireToDevice[]
  >;
  const members = {} as Record<Name, ElectionMember>;
  const id = (n: Name) => users[n].userId;
  const list = await Promise.all(NAMES.map((n) => liveUser(n, { encryption: true, toDevice: wire[n] })));
  NAMES.forEach((n, i) => {
    users[n] = list[i] as LiveUser;
  });
  const group = await createGroup(users.ana.client, {
    profile: { name: 'Assemblée' },
    rooms: ['chat', 'decisions'],
    authority: [id('svc')],
    // The group takes requests (knock): its founders are invited, and count as members because
    // they are in the room when the control table is set.
    invite: NAMES.filter((n) => n !== 'ana').map(id),
  });
  const room = group.rooms.decisions as string;
  // The chat is encrypted: sharing it is how the authority's crypto knows the voters' devices.
  await sendState(users.ana.client, group.rooms.chat as string, 'm.room.encryption', '', {
    algorithm: 'm.megolm.v1.aes-sha2',
  });
  const tech = await createGroup(users.ana.client, {
    profile: { name: 'Tech' },
    parent: group.spaceId,
    rooms: [],
  });
  for (const n of NAMES.filter((n) => n !== 'ana')) await joinGroup(users[n].client, group);
  for (const n of ['eve', 'fay'] as const)
    await users[n].client.joinRoom(tech.spaceId, { viaServers: [...tech.via] });
  // The sub-group is Eve and Fay: its founder leaves it.
  await users.ana.client.leave(tech.spaceId);
  const techMembers: ReadonlySet<string> = new Set(
    (await readGroup(users.ana.client, tech.spaceId)).members.map((m) => m.userId),
  );
  // Three secret rules, the same but for the counting method; three threshold trustees, any two decrypt.
  const secret = (method: CountingMethodName, more: Partial<DemocracyRule> = {}): DemocracyRule => ({
    protocol: 'democracy',
    method,
    quorum: 0,
    threshold: 0.5,
    duration: VOTE,
    ballot: 'secret',
    delegation: true,
    groupDelegation: 'fractional',
    trustees: { members: [id('bo'), id('dee'), id('fay')], threshold: 2 },
    ...more,
  });
  const table: ControlTable = {
    rules: {
      'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
      spend: secret('plurality'),
      rank: secret('schulze'),
      grade: secret('majority-judgment', { grades: 4 }),
    },
  };
  await initControlTable(users.ana.client, room, table, [id('svc')]);
  await setDelegations(users.cy.client, room, [{ scope: { type: 'group' }, to: { member: id('bo') } }]);
  await setDelegations(users.gus.client, room, [{ scope: { type: 'group' }, to: { group: tech.spaceId } }]);
  const work = await mkdtemp(join(tmpdir(), 'imago-elections-'));
  const groups = () => new Map([[tech.spaceId, techMembers]]);
  for (const n of NAMES) {
    members[n] = await electionMember(users[n], room, {
      groups,
      ...(n === 'svc' ? { authority: true } : {}),
      relayTimeoutMs: 10_000,
    });
  }
  const raw = (n: Name) => new RawMatrix(users[n].session.baseUrl, users[n].session.accessToken);
  return { users, wire, members, group, tech, room, work, id, raw };
}

/**
 * Brings the assembly together before the suite's tests and dismisses it after them.
 *
 * @returns the assembly, once the suite has started.
 */
export function electionAssemblyOfSuite(): () => ElectionAssembly {
  let assembly: ElectionAssembly | undefined;
  beforeAll(async () => {
    assembly = await assembleElections();
  }, 180_000);
  afterAll(() => dismissElections(assembly));
  return () => assembly as ElectionAssembly;
}

/** Stops every member's duties and client, and removes the work folder. */
async function dismissElections(assembly: ElectionAssembly | undefined): Promise<void> {
  for (const m of Object.values(assembly?.members ?? {})) m.stop();
  stopAll();
  if (assembly?.work) await rm(assembly.work, { recursive: true, force: true });
}

/** An election an attacker makes up for the decision, with a credential of its own. */
export function roguedElection(decision: string) {
  const group = groupByName('BELENIOS-2048')!;
  const uuid = 'RoguE1ection1x';
  const credentials = generateCredentials(group, uuid, [{ id: '1', login: '1' }]);
  const election = `{"version":1,"description":"x","name":"x","group":"BELENIOS-2048","public_key":"2","questions":[],"uuid":"${uuid}"}`;
  const step = setupStep({ election, trustees: '[]', credentials: credentials.publicCredentials });
  return {
    uuid,
    credential: credentials.privateLines[0]!.split(' ')[1]!,
    content: {
      election: uuid,
      type: 'Setup',
      payload: step.payload,
      data: step.data,
      timestamp: 1,
      decision,
    },
  };
}
