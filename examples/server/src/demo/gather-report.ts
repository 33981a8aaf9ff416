/**
 * @module
 * The report's data, gathered from the two services (their replays, elections, ledgers and
 * deliveries) and from what each server's copy of the rooms says.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { majorityJudgment } from '@imago/governance/methods';
import {
  consentedRelations,
  electionOfDecision,
  exportBelArchive,
  type GroupView,
  type speakingQueue,
} from '@imago/matrix-binding';
import { describeOutcome } from '../duties/outcome-text';
import type { ImagoService } from '../service/service';
import type { Cast, City, DemoHomeservers } from './cast';
import type { ServerView } from './cross-server';
import type { DemoGroups } from './groups';
import type { DemoReport } from './report-data';
import { type ElectionMembers, SECRET_OPTIONS, TRUSTEES } from './secret-vote';

/** What the scenario hands the report. */
export interface ScenarioResults {
  readonly homeservers: DemoHomeservers;
  readonly services: Readonly<Record<City, ImagoService>>;
  readonly cast: Cast;
  readonly groups: DemoGroups;
  readonly members: ElectionMembers;
  readonly decisions: { readonly offer: string; readonly secret: string };
  readonly queue: ReturnType<typeof speakingQueue>;
  readonly ledgerLine: string;
  readonly seen: readonly ServerView[];
  readonly started: number;
}

function beleniosMajorityJudgment(ballots: readonly (readonly number[])[]): Promise<string | undefined> {
  const tool = '/usr/bin/belenios-tool';
  if (!existsSync(tool)) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const child = execFile(
      tool,
      ['method', 'majority-judgment', '--ngrades', '4', '--blank-allowed', 'false'],
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
    );
    child.stdin?.end(JSON.stringify(ballots));
  });
}

/**
 * Builds the report.
 *
 * @param results - what the scenario played and read.
 * @returns the report data.
 */
export async function gatherReport(results: ScenarioResults): Promise<DemoReport> {
  const { services, cast, groups, members, decisions, queue } = results;
  const lyon = services.lyon;
  const room = groups.repair.rooms.decisions as string;
  const bots = new Map([
    [services.lyon.userId, 'the Lyon service'],
    [services.paris.userId, 'the Paris service'],
  ]);
  const nameOf = (userOrGroup: string): string => {
    for (const person of cast.people.values())
      if (person.client.getUserId() === userOrGroup) return person.name;
    return groups.all.get(userOrGroup)?.name ?? bots.get(userOrGroup) ?? userOrGroup;
  };
  const replay = lyon.decisions.replays.get(room);
  const decisionList = replay
    ? [...replay.state.decisions.keys()]
        .map((key) => replay.state.decisions.get(key))
        .filter((d) => d !== undefined)
    : [];
  const election = lyon.elections.summary(room, decisions.secret);
  const decrypted = Array.isArray(election?.result) ? (election.result as number[][]) : undefined;
  const replayed = electionOfDecision(
    lyon.elections.duties.last(room)?.ballots.elections ?? new Map(),
    decisions.secret,
  );
  const mj = decrypted
    ? majorityJudgment(
        decrypted.map((b) => [...b]),
        { ngrades: 4, blankAllowed: false },
      )
    : undefined;
  // Each service knows the groups it is in; together they know every group.
  const views = new Map<string, GroupView>();
  for (const service of [services.lyon, services.paris])
    for (const g of service.context.groups.values())
      if (g.profile && !views.has(g.spaceId)) views.set(g.spaceId, g);
  const relations = consentedRelations(new Map([...views.values()].map((g) => [g.spaceId, g.relations])));
  const secretDecision = replay?.state.decisions.get(decisions.secret);
  const offerDecision = replay?.state.decisions.get(decisions.offer);
  const ledger = lyon.ledgers.get(room);
  const cityOf = (spaceId: string) => groups.all.get(spaceId)?.city;
  return {
    homeserver: results.homeservers.lyon.baseUrl,
    service: lyon.userId,
    servers: (['lyon', 'paris'] as const).map((city) => ({
      city,
      homeserver: results.homeservers[city].baseUrl,
      service: services[city].userId,
      groups: [...groups.all.values()].filter((g) => g.city === city).map((g) => g.name),
    })),
    seconds: (Date.now() - results.started) / 1000,
    groups: [...views.values()]
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
        members: g.members.filter((m) => !bots.has(m.userId)).map((m) => nameOf(m.userId)),
        parent: g.parents[0],
        accepts: g.profile?.accepts ? [...g.profile.accepts] : undefined,
        ...(cityOf(g.spaceId) ? { city: cityOf(g.spaceId) } : {}),
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
      options: [...SECRET_OPTIONS],
      voters: secretDecision?.secret?.voters.length ?? 0,
      ballotsAccepted: election?.ballots ?? 0,
      trustees: [
        'the Lyon service (its own key)',
        'Amélie, Bruno (Lyon) and David (Paris) (threshold: any 2 of 3)',
      ],
      memberSteps: TRUSTEES.map(
        (key) => `${cast.person(key).name}: ${[...new Set(members.steps.get(key) ?? [])].join(', ')}`,
      ),
      shuffledBy: (election?.shuffledBy ?? []).map(nameOf),
      decryptedBy: (election?.decryptedBy ?? []).map(nameOf),
      verifiedBy: election?.verifiedBy ?? [],
      archiveBytes: replayed ? exportBelArchive(replayed).length : 0,
      decrypted: decrypted ? decrypted.map((b) => [...b]) : [],
      mj: mj ? { raw: mj.raw.map((r) => [...r]), winners: mj.winners.map((w) => [...w]) } : undefined,
      beleniosMj: decrypted ? await beleniosMajorityJudgment(decrypted) : undefined,
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
    announcements: [...lyon.announcements.values()].map((a) => ({
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
      line: results.ledgerLine,
    },
    debate: {
      floor: queue.floor ? nameOf(queue.floor.speaker) : undefined,
      queue: queue.queue.map((h) => nameOf(h.userId)),
    },
    seenFrom: results.seen.map((view) => ({
      ...view,
      ...(view.announcement
        ? { announcement: { ...view.announcement, fromGroup: nameOf(view.announcement.fromGroup) } }
        : {}),
    })),
    logLines: lyon.log.entries.length + services.paris.log.entries.length,
    duties: [...lyon.log.entries, ...services.paris.log.entries].reduce<Record<string, number>>((acc, e) => {
      acc[e.duty] = (acc[e.duty] ?? 0) + 1;
      return acc;
    }, {}),
    webClient: { user: cast.id('amelie'), password: cast.person('amelie').password },
  };
}
