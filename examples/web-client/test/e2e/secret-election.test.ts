/**
 * A secret decision of a group whose authority is the example service (a process of its own), on a
 * live Synapse, with one voter in Chromium and the others in Node, each admitted by a decision of the
 * group (an invitation alone does not make a voter) and invited by the service: three member trustees establish
 * a threshold key (any two of them decrypt, with the service); five voters cast — two of them
 * carrying delegated weight, one from a member and one from a sub-group; the Chromium voter's
 * credential arrives as an `m.room.encrypted` to-device event (seen on the wire) and its ballot is
 * encrypted in the page and handed to the service; the exported archive is what belenios-tool
 * verifies; the result settles the decision in the browser and in every Node member's replay; a
 * Setup and a result from a member who is not the authority, sent in raw HTTP, change nothing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type ControlTable, GovernanceEventTypes, secretElectionParameters } from '@imago/governance';
import { setupStep } from '@imago/helios-c';
import {
  createGroup,
  electionDuties,
  electionOfDecision,
  exportBelArchive,
  followElections,
  initControlTable,
  joinGroup,
  memoryElectionStore,
  propose,
  proposeAdmission,
  readGroup,
  sendGovernanceEvent,
  sendState,
  setDelegations,
} from '@imago/matrix-binding';
import { waitUntil as until } from '@imago/matrix-binding/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, screenshot } from '../browser/chromium';
import { type NodeMember, nodeMember, rawSend } from '../browser/node-member';
import { joinThroughInvitation, logIn, newPerson } from '../browser/person';

const run = promisify(execFile);
const VOTE = 50_000;

describe('a secret decision with member trustees, a browser voter and delegated weight', () => {
  let browser: Browser;
  const members: Record<string, NodeMember> = {};
  let work = '';
  beforeAll(async () => {
    browser = await launchChromium();
    work = await mkdtemp(join(tmpdir(), 'imago-web-election-'));
  });
  afterAll(async () => {
    for (const m of Object.values(members)) {
      m.followed?.stop();
      m.duties?.stop();
      m.client.stopClient();
    }
    await browser?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('runs from key establishment to a result verified in the browser, by belenios-tool and in every replay', async () => {
    const service = process.env.IMAGO_SERVICE_USER_ID;
    if (!service)
      throw new Error('IMAGO_SERVICE_USER_ID is not set: the global setup starts the example server');
    // The Chromium voter logs in first: its device exists when the credentials are sent.
    const lou = await newPerson('lou');
    const { page } = await openPage(browser);
    const onWire: { type: string; sender: string }[] = [];
    page.on('response', async (response) => {
      if (!response.url().includes('/_matrix/client/v3/sync') || !response.ok()) return;
      const body = (await response.json().catch(() => ({}))) as {
        to_device?: { events?: { type: string; sender: string }[] };
      };
      onWire.push(...(body.to_device?.events ?? []));
    });
    await logIn(page, lou);

    for (const name of ['ana', 'bo', 'cy', 'dee', 'eve', 'fay', 'gus'])
      members[name] = await nodeMember(name);
    const id = (name: string) => members[name]!.userId;
    const ana = members.ana!.client;
    const group = await createGroup(ana, {
      profile: { name: 'Conseil des habitants' },
      rooms: ['chat', 'decisions'],
      joinRule: 'invite',
      authority: [service],
      invite: [service],
    });
    const room = group.rooms.decisions as string;
    await sendState(ana, group.rooms.chat as string, 'm.room.encryption', '', {
      algorithm: 'm.megolm.v1.aes-sha2',
    });

    const trustees = { members: [id('bo'), id('dee'), id('fay')], threshold: 2 };
    const table: ControlTable = {
      rules: {
        'change-control-table': { protocol: 'consensus', duration: 3_600_000 },
        // Ana, the founder, admits newcomers alone; the service, the authority, then invites them.
        'admit-member': {
          protocol: 'oligarchy',
          deciders: { members: [id('ana')] },
          required: 1,
          duration: 3_600_000,
        },
        'spend-resource': {
          protocol: 'democracy',
          method: 'plurality',
          quorum: 0,
          threshold: 0.5,
          duration: VOTE,
          ballot: 'secret',
          delegation: true,
          groupDelegation: 'fractional',
          trustees,
        },
      },
    };
    await initControlTable(ana, room, table, [service]);
    // Everyone else joins by a decision of the group: an invitation alone would not count them.
    const newcomers = [...['bo', 'cy', 'dee', 'eve', 'fay', 'gus'].map(id), lou.userId];
    for (const user of newcomers) {
      const admission = await proposeAdmission(ana, room, user);
      await sendGovernanceEvent(ana, room, GovernanceEventTypes.approve, { decision: admission });
    }
    await until('the service’s invitations after the adopted admissions', () =>
      newcomers.every((user) =>
        [group.spaceId, room, group.rooms.chat as string].every(
          (roomId) => ana.getRoom(roomId)?.getMember(user)?.membership === 'invite',
        ),
      ),
    );
    // The sub-group: Eve and Lou (its founder leaves it); the service, the groups' authority, is in it too.
    const tech = await createGroup(ana, {
      profile: { name: 'Jardiniers' },
      parent: group.spaceId,
      rooms: [],
      authority: [service],
      invite: [service, id('eve'), lou.userId],
    });
    for (const name of ['bo', 'cy', 'dee', 'eve', 'fay', 'gus'])
      await joinGroup(members[name]!.client, group);
    await members.eve!.client.joinRoom(tech.spaceId, { viaServers: [...tech.via] });
    await ana.leave(tech.spaceId);
    await joinThroughInvitation(page, 'Conseil des habitants');
    await joinThroughInvitation(page, 'Jardiniers');
    await page.getByRole('link', { name: 'Groups', exact: true }).click();
    await page.getByRole('link', { name: 'Conseil des habitants' }).first().click();
    await until(
      'the service and everyone in the decisions room',
      () => (ana.getRoom(room)?.getJoinedMemberCount() ?? 0) >= 9,
    );

    // Everyone who replays must know the sub-group's members alike: wait until the service is in it too.
    const techMembers = await until('the sub-group complete', async () => {
      const joined = new Set(
        (await readGroup(members.eve!.client, tech.spaceId)).members.map((m) => m.userId),
      );
      return [service, id('eve'), lou.userId].every((m) => joined.has(m)) && joined.size === 3
        ? joined
        : undefined;
    });
    await setDelegations(members.cy!.client, room, [{ scope: { type: 'group' }, to: { member: id('bo') } }]);
    await setDelegations(members.gus!.client, room, [
      { scope: { type: 'group' }, to: { group: tech.spaceId } },
    ]);

    for (const member of Object.values(members)) {
      member.duties = electionDuties({
        client: member.client,
        store: memoryElectionStore(),
        groups: () => new Map([[tech.spaceId, techMembers]]),
      });
      member.followed = await followElections(member.client, room, member.duties);
    }

    const title = 'Repaint the community hall?';
    const decision = await propose(ana, room, {
      kind: 'spend-resource',
      title,
      options: ['Yes', 'No'],
      action: {},
    });
    // A member who is not the authority posts a Setup of their own naming the decision (raw HTTP).
    const rogue = setupStep({ election: '{"uuid":"RoguE1ection1x"}', trustees: '[]', credentials: '[]' });
    await rawSend(members.gus!, room, 'org.imago.helios.step', {
      election: 'RoguE1ection1x',
      type: 'Setup',
      payload: rogue.payload,
      data: rogue.data,
      timestamp: 1,
      decision,
    });

    // Weights: Bo carries Cy's vote; Gus's vote goes to the sub-group, shared by its credential
    // holders (Eve, Lou and the service): Eve gets it (remainder ties go to the smaller id).
    const last = (name: string) => members[name]!.duties!.last(room);
    const election = await until('the service’s Setup', () =>
      electionOfDecision(last('ana')?.ballots.elections ?? new Map(), decision),
    );
    expect(election.administrator).toBe(service);
    const parameters = secretElectionParameters(last('ana')!.decisions.state, decision);
    const weight = (userId: string) => parameters.voters.find((v) => v.member === userId)?.weight;
    expect([
      weight(id('bo')),
      weight(id('eve')),
      weight(lou.userId),
      weight(id('cy')),
      weight(id('gus')),
    ]).toEqual([2, 2, 1, undefined, undefined]);

    // Node voters: Ana and Dee say Yes, Bo and Eve say No; Lou votes in the browser.
    const choices: Record<string, number[]> = { ana: [1, 0], dee: [1, 0], bo: [0, 1], eve: [0, 1] };
    for (const [name, choice] of Object.entries(choices)) {
      const participant = members[name]!.duties!.participant!;
      await until(
        `${name}'s credential`,
        async () => (await participant.status(room, decision)).credentials > 0,
      );
      await participant.cast(room, decision, [choice]);
    }
    await page.getByRole('link', { name: 'Decisions' }).click();
    const ballot = page.getByRole('form', { name: `Secret ballot: ${title}` });
    await ballot.waitFor({ timeout: 60_000 });
    await ballot.getByRole('radio', { name: 'Yes' }).check();
    await ballot.getByRole('button', { name: 'Encrypt and cast my ballot' }).click();
    await page.getByText(/found in the ballot box/).waitFor({ timeout: 60_000 });
    await screenshot(page, 'secret-election-cast-desktop');

    // The result: Yes 1 + 1 + 1 (Ana, Dee, Lou) against No 2 + 2 (Bo, Eve): No wins.
    const result = page.getByRole('region', { name: `Result of ${title}` });
    await result.waitFor({ timeout: VOTE + 90_000 });
    expect(await result.textContent()).toMatch(/Winner: No/);
    expect(await result.textContent()).toMatch(/verified the election's evidence/);
    for (const name of Object.keys(members))
      await until(
        `the outcome in ${name}'s replay`,
        () => last(name)?.decisions.state.decisions.get(decision)?.outcome,
      );
    for (const name of Object.keys(members))
      expect(last(name)?.decisions.state.decisions.get(decision)?.outcome).toMatchObject({
        status: 'adopted',
        winners: [1],
      });
    expect(last('ana')?.decisions.state.decisions.get(decision)?.outcome?.tally?.count.totals).toEqual([
      3, 4,
    ]);

    // belenios-tool verifies the archive exported from the room.
    const finished = electionOfDecision(last('gus')!.ballots.elections, decision)!;
    await writeFile(join(work, `${finished.election}.bel`), exportBelArchive(finished));
    await run('/usr/bin/belenios-tool', ['election', 'verify', '--dir', work]);
    expect((JSON.parse(finished.result as string) as { result: unknown[][] }).result[0]?.map(Number)).toEqual(
      [3, 4],
    );
    // Only the service posted ballots: the room does not show who voted.
    expect(new Set(finished.steps.filter((s) => s.type === 'Ballot').map((s) => s.sender))).toEqual(
      new Set([service]),
    );

    // On the browser's wire: what the service sent to Lou's device was m.room.encrypted, never a credential in clear.
    const fromService = onWire.filter((e) => e.sender === service);
    expect(fromService.length).toBeGreaterThan(0);
    expect(new Set(fromService.map((e) => e.type))).toEqual(new Set(['m.room.encrypted']));

    // A result from a member who is not the authority changes nothing.
    const forged = await rawSend(members.gus!, room, GovernanceEventTypes.secretResult, {
      decision,
      result: [9, 0],
    });
    await until('the forged result in Ana’s replay', () =>
      last('ana')?.decisions.warnings.find((w) => w.eventId === forged),
    );
    expect(last('ana')?.decisions.warnings.find((w) => w.eventId === forged)?.reason).toBe('wrong-sender');
    expect(
      last('ana')?.ballots.warnings.some((w) => w.code === 'unauthorised' && w.sender === id('gus')),
    ).toBe(true);
    expect(await result.textContent()).toMatch(/Winner: No/);
  }, 300_000);
});
