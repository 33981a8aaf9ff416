/**
 * @module
 * The demo scenario, played by real Matrix users on a live homeserver while the service runs:
 * five associations in real places (Wikidata items), a sub-group, consented relations, a control
 * table and its amendment, a secret majority-judgment vote run with Helios-C, a public vote with
 * a delegation to the sub-group, an offer of equipment propagated to the nearest groups, a
 * ledger of equipment, and a debate's speaking queue.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseControlTable } from '@imago/governance';
import { majorityJudgment } from '@imago/governance/methods';
import {
  appendToRoomLog,
  assertRelation,
  type CreatedGroup,
  configureDebate,
  consentedRelations,
  createGroup,
  createImagoClient,
  electionDuties,
  electionOfDecision,
  emptyRoomLog,
  exportBelArchive,
  type FollowedElections,
  fetchRoomHistory,
  followElections,
  type GroupProfileInput,
  type GroupRoomRole,
  giveFloor,
  initControlTable,
  joinGroup,
  logEvents,
  type MatrixClient,
  memoryElectionStore,
  propose,
  publishProposal,
  raiseHand,
  recordEconomicEvent,
  sendState,
  setDelegations,
  speakingQueue,
  vote,
} from '@imago/matrix-binding';
import { registerUser, startSynced, type TestHomeserver, waitUntil } from '@imago/matrix-binding/testing';
import { describeOutcome } from '../duties/outcome-text';
import { loadConfig } from '../service/config';
import type { ServiceLog } from '../service/log';
import { quietLogger } from '../service/quiet-logger';
import { type ImagoService, startService } from '../service/service';
import { label } from './places';
import type { DemoReport } from './report-data';
import { waitForLog } from './wait';

const SECOND = 1000;

interface Person {
  readonly key: string;
  readonly name: string;
  client: MatrixClient;
  readonly password: string;
}

const PEOPLE = [
  ['amelie', 'Amélie'],
  ['bruno', 'Bruno'],
  ['chloe', 'Chloé'],
  ['david', 'David'],
  ['emma', 'Emma'],
  ['farid', 'Farid'],
  ['gaelle', 'Gaëlle'],
  ['hugo', 'Hugo'],
  ['ines', 'Inès'],
] as const;

/**
 * The secret ballots of the scenario: grades 1 Excellent, 2 Good, 3 Fair, 4 Poor, one per option
 * (soldering stations, cargo-bike trailer, sewing machines), by voter.
 */
export const SECRET_VOTES: Readonly<Record<string, readonly number[]>> = {
  amelie: [1, 2, 3],
  bruno: [2, 1, 3],
  chloe: [3, 1, 2],
  david: [2, 1, 4],
  emma: [1, 3, 2],
  farid: [2, 2, 1],
};

/** The member trustees of the secret vote (threshold 2 of 3, plus the service's server key). */
const TRUSTEES = ['amelie', 'bruno', 'david'] as const;

/** Durations of the scenario's decisions (ms), shortened for a demo. */
export interface ScenarioTimings {
  readonly tableChange: number;
  readonly publicVote: number;
  readonly secretVote: number;
}

const DEFAULT_TIMINGS: ScenarioTimings = {
  tableChange: 6 * SECOND,
  publicVote: 10 * SECOND,
  secretVote: 45 * SECOND,
};

/**
 * Plays the scenario and gathers what the report shows.
 *
 * @param homeserver - the live homeserver (URL and registration secret).
 * @param options - where the service writes its files, its log, progress lines, timings.
 * @returns the report data.
 */
export async function runScenario(
  homeserver: TestHomeserver,
  options: { log: ServiceLog; say: (line: string) => void; timings?: ScenarioTimings; workDir?: string },
): Promise<DemoReport> {
  const started = Date.now();
  const say = options.say;
  const timings = options.timings ?? DEFAULT_TIMINGS;
  const run = Date.now().toString(36);
  const log = options.log;

  // The service's bot account, then the service itself (in this process).
  const serviceAccount = await registerUser(homeserver, `imago-service-${run}`, {
    displayName: 'Imago service',
  });
  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), 'imago-demo-')));
  const service: ImagoService = await startService(
    loadConfig({
      env: {},
      overrides: {
        homeserverUrl: homeserver.baseUrl,
        user: serviceAccount.userId,
        password: serviceAccount.password,
        workDir,
        closeMarginMs: 200,
      },
    }),
    { log },
  );
  const bot = service.userId;
  say(`service running as ${bot} (work directory ${workDir})`);

  const people = new Map<string, Person>();
  await Promise.all(
    PEOPLE.map(async ([key, name]) => {
      const session = await registerUser(homeserver, `${key}-${run}`, { displayName: name });
      // With end-to-end encryption: credentials come Olm-encrypted, ballots go to the service so.
      const client = await createImagoClient({
        ...session,
        encryption: true,
        logger: quietLogger() as never,
      });
      await startSynced(client);
      people.set(key, { key, name, client, password: session.password });
    }),
  );
  const p = (key: string) => people.get(key) as Person;
  const id = (key: string) => p(key).client.getSafeUserId();
  const nameOf = (userOrGroup: string): string => {
    for (const person of people.values()) if (person.client.getUserId() === userOrGroup) return person.name;
    for (const [spaceId, g] of groups) if (spaceId === userOrGroup) return g.name;
    if (userOrGroup === bot) return 'the service';
    return userOrGroup;
  };
  say(`registered ${people.size} people: ${[...people.values()].map((x) => x.name).join(', ')}`);

  // Groups.
  const groups = new Map<string, { name: string; created: CreatedGroup; profile: GroupProfileInput }>();
  const makeGroup = async (
    admin: string,
    members: readonly string[],
    profile: GroupProfileInput,
    rooms: readonly GroupRoomRole[],
    parent?: CreatedGroup,
  ): Promise<CreatedGroup> => {
    const created = await createGroup(p(admin).client, {
      profile,
      rooms,
      invite: [bot, ...members.map(id)],
      // The service is each group's authority: it runs elections, closes decisions, speaks for it.
      authority: [bot],
      ...(parent ? { parent: parent.spaceId } : {}),
    });
    groups.set(created.spaceId, { name: profile.name, created, profile });
    await Promise.all(members.map((m) => joinGroup(p(m).client, created)));
    return created;
  };
  const lyonMembers = ['bruno', 'chloe', 'david', 'emma', 'farid'];
  const repair = await makeGroup(
    'amelie',
    lyonMembers,
    {
      name: 'Repair Café Lyon',
      description: 'Monthly repair sessions at the Croix-Rousse, and a tool library.',
      places: ['Q456'],
      themes: ['Q132580', 'Q11442'],
      coordinates: { lat: 45.7745, lon: 4.8289 },
    },
    ['chat', 'decisions', 'announcements', 'debate'],
  );
  const [velo, garden, grenoble, stEtienne, paris] = await Promise.all([
    makeGroup(
      'amelie',
      ['chloe', 'david'],
      {
        name: 'Atelier vélo',
        description: 'The bicycle workshop of the Repair Café.',
        places: ['Q456'],
        themes: ['Q11442'],
        coordinates: { lat: 45.7485, lon: 4.8467 },
      },
      ['chat'],
      repair,
    ),
    makeGroup(
      'gaelle',
      [],
      {
        name: 'Jardin partagé de Villeurbanne',
        places: ['Q582'],
        themes: ['Q48803', 'Q132580'],
        coordinates: { lat: 45.7719, lon: 4.8902 },
      },
      ['chat', 'announcements'],
    ),
    makeGroup(
      'hugo',
      [],
      {
        name: 'Ressourcerie de Grenoble',
        places: ['Q1289'],
        themes: ['Q132580'],
        coordinates: { lat: 45.1885, lon: 5.7245 },
        accepts: ['need'],
      },
      ['chat'],
    ),
    makeGroup(
      'ines',
      [],
      {
        name: 'Vélo Solidaire Saint-Étienne',
        places: ['Q42716'],
        themes: ['Q11442'],
        coordinates: { lat: 45.4397, lon: 4.3872 },
      },
      ['chat', 'announcements'],
    ),
    makeGroup(
      'ines',
      [],
      {
        name: 'Recyclerie Paris 11e',
        places: ['Q90'],
        themes: ['Q132580'],
        coordinates: { lat: 48.8589, lon: 2.3801 },
      },
      ['chat'],
    ),
  ]);
  for (const g of groups.values()) {
    say(
      `group "${g.name}" in ${g.profile.places?.map(label).join(', ')} (${g.profile.places?.join(', ')}), themes ${g.profile.themes
        ?.map((q) => `${label(q)} ${q}`)
        .join(', ')}`,
    );
  }

  // Relations: each side asserts; only what both sides assert is accepted.
  await Promise.all([
    assertRelation(p('amelie').client, repair.spaceId, garden.spaceId, 'partner', 'Shared compost and tools'),
    assertRelation(p('gaelle').client, garden.spaceId, repair.spaceId, 'partner'),
    assertRelation(p('amelie').client, repair.spaceId, stEtienne.spaceId, 'partner'),
    assertRelation(p('ines').client, stEtienne.spaceId, repair.spaceId, 'partner'),
    assertRelation(p('amelie').client, repair.spaceId, grenoble.spaceId, 'partner'),
    assertRelation(p('ines').client, paris.spaceId, stEtienne.spaceId, 'follows'),
  ]);
  say(
    'relations asserted: Repair Café ⇄ Jardin (partner), Repair Café ⇄ Vélo Solidaire (partner), Repair Café → Ressourcerie (proposed), Recyclerie → Vélo Solidaire (proposed)',
  );

  // The control table (initial), then the service applies it.
  const decisions = repair.rooms.decisions as string;
  await sendState(p('amelie').client, repair.rooms.chat as string, 'm.room.encryption', '', {
    algorithm: 'm.megolm.v1.aes-sha2',
  });
  const table = (rules: Record<string, unknown>) => {
    const parsed = parseControlTable({ rules, fallback: { protocol: 'consensus', duration: 86_400_000 } });
    if (!parsed.ok) throw new Error('invalid demo control table');
    return parsed.value;
  };
  const baseRules = {
    'change-control-table': { protocol: 'consent', duration: timings.tableChange },
    'publish-offer': {
      protocol: 'democracy',
      method: 'plurality',
      duration: timings.publicVote,
      delegation: true,
      group_delegation: 'fractional',
    },
    'spend-resource': {
      protocol: 'democracy',
      method: 'majority-judgment',
      grades: 4,
      ballot: 'secret',
      duration: timings.secretVote,
    },
  };
  await initControlTable(p('amelie').client, decisions, table(baseRules), [bot]);
  await waitForLog(
    log,
    (e) => e.duty === 'control-table' && e.message.includes('(initial)'),
    'the initial control table',
  );
  say('control table set; the service published it in the space');

  // Amendment: add a rule for needs (consent; nobody objects).
  const change = await propose(p('amelie').client, decisions, {
    kind: 'change-control-table',
    title: 'Let the Atelier vélo publish needs on its own',
    action: {
      table: table({
        ...baseRules,
        'publish-need': {
          protocol: 'oligarchy',
          deciders: { group: velo.spaceId },
          required: 1,
          duration: 86_400_000,
        },
      }),
    },
  });
  say(`proposed a control-table change (consent, ${timings.tableChange / SECOND} s)`);

  // Secret majority judgment on spending the grant. Each member's client takes part in the
  // election with the binding's election duties: Amélie, Bruno and David establish a threshold key
  // (any two of them decrypt, with the service), every voter gets its credential Olm-encrypted
  // (the group's chat is encrypted: the service's crypto knows the members' devices through it) and
  // hands its encrypted ballot to the service, which posts it.
  const lyon = ['amelie', ...lyonMembers];
  const members = new Map(
    lyon.map((key) => [
      key,
      {
        duties: electionDuties({
          client: p(key).client,
          store: memoryElectionStore(),
          onActivity: (a) => steps.get(key)?.push(a.step),
        }),
        followed: undefined as FollowedElections | undefined,
      },
    ]),
  );
  const steps = new Map(lyon.map((key) => [key, [] as string[]]));
  for (const [key, member] of members)
    member.followed = await followElections(p(key).client, decisions, member.duties);
  const secretOptions = ['Soldering stations', 'Cargo-bike trailer', 'Sewing machines'];
  const secret = await propose(p('amelie').client, decisions, {
    kind: 'spend-resource',
    title: 'How should we spend the €600 grant?',
    options: secretOptions,
    action: { amount: '600 EUR' },
    trustees: { members: TRUSTEES.map(id), threshold: 2 },
  });
  say(
    `proposed a secret majority-judgment vote (${timings.secretVote / SECOND} s); trustees Amélie, Bruno and David establish a threshold key (any 2 of 3, with the service's key)`,
  );
  const ballotsCast = Promise.all(
    Object.entries(SECRET_VOTES).map(async ([key, grades]) => {
      const voter = members.get(key)?.duties.participant;
      if (!voter) throw new Error(`${key} takes no part in the election`);
      await waitUntil(
        `${key}'s credential`,
        async () => (await voter.status(decisions, secret)).credentials > 0,
      );
      await voter.cast(decisions, secret, [[...grades]]);
    }),
  );

  // Public vote on offering the spare cargo bike, with a delegation to the Atelier vélo.
  await Promise.all(
    ['farid', 'emma'].map((key) =>
      setDelegations(p(key).client, decisions, [
        { scope: { type: 'kind', kind: 'publish-offer' }, to: { group: velo.spaceId } },
      ]),
    ),
  );
  const offer = await propose(p('amelie').client, decisions, {
    kind: 'publish-offer',
    title: 'Lend our spare cargo bike to nearby groups?',
    action: {
      announcement: {
        kind: 'offer',
        title: 'Cargo bike to lend',
        body: 'A Bullitt cargo bike, free to borrow for a month; pick-up at the Croix-Rousse.',
      },
    },
  });
  await Promise.all([
    vote(p('amelie').client, decisions, offer, [1, 0]),
    vote(p('bruno').client, decisions, offer, [0, 1]),
    vote(p('chloe').client, decisions, offer, [1, 0]),
    vote(p('david').client, decisions, offer, [1, 0]),
  ]);
  say(
    'Farid and Emma delegated their vote on offers to the Atelier vélo; Amélie, Bruno, Chloé and David voted on the offer',
  );

  // Ledger: the Repair Café's equipment, in its decisions room, recorded by the service that acts
  // for the group (its authority: the control table lets no member spend or record for it alone),
  // and the offer as a ValueFlows proposal. The group is the ValueFlows agent: its space id.
  const group = repair.spaceId;
  await recordEconomicEvent(service.client, decisions, {
    action: 'raise',
    provider: group,
    receiver: group,
    resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
    newInventoriedResource: { id: 'cargo-bike', name: 'Cargo bike' },
  });
  await recordEconomicEvent(service.client, decisions, {
    action: 'raise',
    provider: group,
    receiver: group,
    resourceQuantity: { hasNumericalValue: 3, hasUnit: 'one' },
    newInventoriedResource: { id: 'soldering-station', name: 'Soldering station' },
  });
  await recordEconomicEvent(service.client, decisions, {
    action: 'lower',
    provider: group,
    receiver: group,
    resourceInventoriedAs: 'soldering-station',
    resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
    note: 'One station broke down.',
  });
  await publishProposal(service.client, decisions, {
    purpose: 'offer',
    name: 'Cargo bike to lend',
    proposer: group,
    unitBased: false,
    publishes: [
      {
        id: 'lend-cargo-bike',
        action: 'transferCustody',
        provider: group,
        resourceInventoriedAs: 'cargo-bike',
        resourceQuantity: { hasNumericalValue: 1, hasUnit: 'one' },
      },
    ],
    reciprocal: [],
  });
  say(
    'ledger: cargo bike raised, three soldering stations raised, one lowered; the offer published as a ValueFlows proposal',
  );

  // Debate: Amélie chairs; hands go up; she gives the floor.
  const debate = repair.rooms.debate as string;
  await configureDebate(p('amelie').client, debate, { chairs: [id('amelie')], speakingTime: 120_000 });
  for (const key of ['bruno', 'emma', 'chloe', 'farid']) await raiseHand(p(key).client, debate);
  await giveFloor(p('amelie').client, debate, id('bruno'), 120_000);
  const debateLog = appendToRoomLog(emptyRoomLog(debate), await fetchRoomHistory(p('amelie').client, debate));
  const queue = speakingQueue(logEvents(debateLog), {});
  say(
    `debate: ${queue.floor ? `${nameOf(queue.floor.speaker)} has the floor` : 'nobody speaks'}, ${queue.queue.length} hand(s) waiting`,
  );

  // Wait for the service: the table change, the offer and its propagation, the secret vote.
  await ballotsCast;
  say(
    "six secret ballots encrypted with Helios-C in the voters' clients, handed to the service Olm-encrypted and posted as org.imago.helios.step events",
  );
  await waitForLog(
    log,
    (e) => e.duty === 'control-table' && e.decision === change,
    'the adopted control table',
    120_000,
  );
  say('the service closed the control-table change and applied the adopted table');
  await waitForLog(
    log,
    (e) => e.duty === 'announcements' && e.decision === offer,
    'the offer propagation',
    120_000,
  );
  say('the service closed the public vote and propagated the offer');
  await waitForLog(
    log,
    (e) => e.duty === 'decisions' && e.decision === secret && e.message.startsWith('published'),
    'the secret vote outcome',
    180_000,
  );
  say(
    'the service ran the tally with the trustees, verified the archive exported from the room and published the result',
  );
  const ledgerSeen = await waitForLog(
    log,
    (e) => e.duty === 'ledger' && e.message.includes('Soldering station: 2'),
    'the ledger view',
  );

  // Gather the report.
  const replay = service.decisions.replays.get(decisions);
  const decisionList = replay
    ? replay.state.decisions
        .keys()
        .map((key) => replay.state.decisions.get(key))
        .filter((d) => d !== undefined)
    : [];
  const election = service.elections.summary(decisions, secret);
  const decrypted = Array.isArray(election?.result) ? (election.result as number[][]) : undefined;
  const replayed = electionOfDecision(
    service.elections.duties.last(decisions)?.ballots.elections ?? new Map(),
    secret,
  );
  const mj = decrypted
    ? majorityJudgment(
        decrypted.map((b) => [...b]),
        { ngrades: 4, blankAllowed: false },
      )
    : undefined;
  const tool = '/usr/bin/belenios-tool';
  const beleniosMj =
    decrypted && existsSync(tool)
      ? await new Promise<string>((resolve, reject) => {
          const child = execFile(
            tool,
            ['method', 'majority-judgment', '--ngrades', '4', '--blank-allowed', 'false'],
            (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
          );
          child.stdin?.end(JSON.stringify(decrypted));
        })
      : undefined;
  const views = [...service.context.groups.values()].filter((g) => g.profile);
  const relations = consentedRelations(new Map(views.map((g) => [g.spaceId, g.relations])));
  const secretDecision = replay?.state.decisions.get(secret);
  const offerDecision = replay?.state.decisions.get(offer);
  const ledger = service.ledgers.get(decisions);

  const report: DemoReport = {
    homeserver: homeserver.baseUrl,
    service: bot,
    seconds: (Date.now() - started) / SECOND,
    groups: views
      .sort(
        (x, y) =>
          Number(x.parents.length > 0) - Number(y.parents.length > 0) ||
          (x.profile?.name ?? '').localeCompare(y.profile?.name ?? ''),
      )
      .map((g) => ({
        spaceId: g.spaceId,
        name: g.profile?.name ?? g.spaceId,
        places: [...(g.profile?.places ?? [])],
        themes: [...(g.profile?.themes ?? [])],
        ...(g.profile?.coordinates ? { coordinates: g.profile.coordinates } : {}),
        members: g.members.filter((m) => m.userId !== bot).map((m) => nameOf(m.userId)),
        parent: g.parents[0],
        accepts: g.profile?.accepts ? [...g.profile.accepts] : undefined,
      })),
    relations: relations.map((r) => ({ a: r.a, b: r.b, type: r.type, status: r.status })),
    decisions: decisionList.map((d) => ({
      id: d.id,
      title: d.title ?? d.kind,
      lines: describeOutcome(d, nameOf),
    })),
    tableVersion: replay?.state.tableVersion ?? 0,
    tableKinds: Object.keys((replay?.state.table?.rules as object | undefined) ?? {}),
    secret: {
      uuid: election?.uuid ?? '?',
      options: secretOptions,
      voters: secretDecision?.secret?.voters.length ?? 0,
      ballotsAccepted: election?.ballots ?? 0,
      trustees: ['the service (its own key)', 'Amélie, Bruno and David (threshold: any 2 of 3)'],
      memberSteps: TRUSTEES.map((key) => `${p(key).name}: ${[...new Set(steps.get(key) ?? [])].join(', ')}`),
      shuffledBy: (election?.shuffledBy ?? []).map(nameOf),
      decryptedBy: (election?.decryptedBy ?? []).map(nameOf),
      verifiedBy: election?.verifiedBy ?? [],
      archiveBytes: replayed ? exportBelArchive(replayed).length : 0,
      decrypted: decrypted ? decrypted.map((b) => [...b]) : [],
      mj: mj ? { raw: mj.raw.map((r) => [...r]), winners: mj.winners.map((w) => [...w]) } : undefined,
      beleniosMj,
      outcomeWinners: secretDecision?.outcome?.winners ? [...secretDecision.outcome.winners] : [],
      outcome: secretDecision ? describeOutcome(secretDecision, nameOf) : [],
    },
    delegation: {
      offer: offerDecision ? describeOutcome(offerDecision, nameOf) : [],
      groups:
        offerDecision?.outcome?.tally?.delegation?.groups.map((g) => ({
          group: nameOf(g.group),
          weight: g.weight,
          voters: g.voters,
          casts: g.casts.map((c) => ({ position: c.position, weight: c.weight })),
        })) ?? [],
      direct: offerDecision?.outcome?.tally?.delegation?.direct ?? 0,
      count: offerDecision?.outcome?.tally?.count as unknown,
    },
    announcements: [...service.announcements.values()].map((a) => ({
      title: a.title,
      from: nameOf(a.from),
      fromId: a.from,
      deliveries: a.deliveries.map((d) => ({
        to: nameOf(d.target.key),
        toId: d.target.key,
        ...(d.target.distanceKm !== undefined ? { distanceKm: d.target.distanceKm } : {}),
        delivered: d.eventId !== undefined,
      })),
    })),
    ledger: {
      summary: ledger?.summary ?? [],
      proposals: ledger?.replay.proposals.length ?? 0,
      line: ledgerSeen.message,
    },
    debate: {
      floor: queue.floor ? nameOf(queue.floor.speaker) : undefined,
      queue: queue.queue.map((h) => nameOf(h.userId)),
    },
    logLines: log.entries.length,
    duties: log.entries.reduce<Record<string, number>>((acc, e) => {
      acc[e.duty] = (acc[e.duty] ?? 0) + 1;
      return acc;
    }, {}),
    webClient: { user: id('amelie'), password: p('amelie').password },
  };
  for (const person of people.values()) person.client.stopClient();
  for (const member of members.values()) {
    member.followed?.stop();
    member.duties.stop();
  }
  await service.stop();
  return report;
}
