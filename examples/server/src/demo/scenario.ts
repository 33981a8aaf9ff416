/**
 * @module
 * The demo scenario, played by real Matrix users on two federating homeservers while a service
 * runs on each: the groups of Lyon and its region on one server, the groups of Paris on the other;
 * associations in real places (Wikidata items), a sub-group, consented relations (one across the
 * servers, reached from the relation alone), a control table and its amendment, a secret
 * majority-judgment vote run with Helios-C (a trustee on each server), a public vote with a
 * delegation to the sub-group and a voter on the Paris server, an offer propagated to the nearest
 * groups (one on the Paris server), a ledger of equipment, and a debate's speaking queue. The
 * outcomes that cross servers are read back from each server's copy of the rooms.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerUser, type TestHomeserver } from '@imago/matrix-binding/testing';
import { loadConfig } from '../service/config';
import type { ServiceLog } from '../service/log';
import { type ImagoService, startService } from '../service/service';
import { type City, type DemoHomeservers, registerCast, serverOf } from './cast';
import { playControlTable, type ScenarioTimings } from './control-table-scene';
import { seenFrom } from './cross-server';
import { playDebate } from './debate-scene';
import { gatherReport } from './gather-report';
import { assertDemoRelations, createDemoGroups } from './groups';
import { playOfferVote, recordLedger } from './offer-scene';
import { label } from './places';
import type { DemoReport } from './report-data';
import { proposeSecretVote, startElectionMembers } from './secret-vote';
import { waitForLog } from './wait';

export { SECRET_VOTES } from './secret-vote';
export type { DemoHomeservers, ScenarioTimings };

const SECOND = 1000;

const DEFAULT_TIMINGS: ScenarioTimings = {
  tableChange: 6 * SECOND,
  publicVote: 10 * SECOND,
  // The trustees' key establishment must end, and the service set the election up, before the
  // voters get their credentials: on a loaded 2-core machine (three trustees' clients in one
  // process) it took nearly all of a 45 s vote, which closed before its Setup.
  secretVote: 120 * SECOND,
};

/** Starts the service of one homeserver in this process, on a bot account of its own. */
async function startCityService(
  homeserver: TestHomeserver,
  city: City,
  run: string,
  log: ServiceLog,
  workDir: string,
): Promise<ImagoService> {
  const account = await registerUser(homeserver, `imago-service-${city}-${run}`, {
    displayName: `Imago service (${city === 'lyon' ? 'Lyon' : 'Paris'})`,
  });
  return startService(
    loadConfig({
      env: {},
      overrides: {
        homeserverUrl: homeserver.baseUrl,
        user: account.userId,
        password: account.password,
        workDir: join(workDir, city),
        closeMarginMs: 200,
        // The three nearest groups that accept offers: two around Lyon, one in Paris.
        propagation: { by: 'geo', k: 3 },
      },
    }),
    { log },
  );
}

/**
 * Plays the scenario and gathers what the report shows.
 *
 * @param homeservers - the two live, federating homeservers (URL and registration secret each).
 * @param options - the services' logs (the Lyon one is shown), progress lines, timings, where
 *   the services write their files.
 * @returns the report data.
 */
export async function runScenario(
  homeservers: DemoHomeservers,
  options: {
    log: ServiceLog;
    parisLog: ServiceLog;
    say: (line: string) => void;
    timings?: ScenarioTimings;
    workDir?: string;
  },
): Promise<DemoReport> {
  const started = Date.now();
  const { say, log } = options;
  const timings = options.timings ?? DEFAULT_TIMINGS;
  const run = Date.now().toString(36);
  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), 'imago-demo-')));
  const services = {
    lyon: await startCityService(homeservers.lyon, 'lyon', run, log, workDir),
    paris: await startCityService(homeservers.paris, 'paris', run, options.parisLog, workDir),
  };
  say(`services running as ${services.lyon.userId} and ${services.paris.userId} (work directory ${workDir})`);

  const cast = await registerCast(homeservers, run);
  for (const city of ['lyon', 'paris'] as const) {
    const here = [...cast.people.values()].filter((p) => p.city === city).map((p) => p.name);
    say(`registered on ${serverOf(services[city].userId)} (${city}): ${here.join(', ')}`);
  }
  const groups = await createDemoGroups(cast, { lyon: services.lyon.userId, paris: services.paris.userId });
  for (const g of groups.all.values()) {
    say(
      `group "${g.name}" on the ${g.city} server, in ${g.profile.places?.map(label).join(', ')} (${g.profile.places?.join(', ')}), themes ${g.profile.themes
        ?.map((q) => `${label(q)} ${q}`)
        .join(', ')}`,
    );
  }
  say(await assertDemoRelations(cast, groups));

  const change = await playControlTable(cast, groups, services.lyon, timings);
  say(
    `control table set and published by the service; proposed a change (consent, ${timings.tableChange / SECOND} s)`,
  );

  const decisions = groups.repair.rooms.decisions as string;
  const members = await startElectionMembers(cast, groups.repair.rooms.chat as string, decisions);
  try {
    const secret = await proposeSecretVote(cast, members, decisions);
    say(
      `proposed a secret majority-judgment vote (${timings.secretVote / SECOND} s); trustees Amélie and Bruno (Lyon) and David (Paris) establish a threshold key (any 2 of 3, with the service's key)`,
    );
    const offer = await playOfferVote(cast, groups);
    say(
      'Farid and Emma delegated their vote on offers to the Atelier vélo; Amélie, Bruno, Chloé (Lyon) and David (Paris) voted on the offer',
    );
    await recordLedger(services.lyon.client, groups);
    say(
      'ledger: cargo bike raised, three soldering stations raised, one lowered; the offer published as a ValueFlows proposal',
    );
    const queue = await playDebate(cast, groups.repair.rooms.debate as string);
    say(
      `debate: ${queue.floor ? 'Bruno has the floor' : 'nobody speaks'}, ${queue.queue.length} hand(s) waiting`,
    );

    // Wait for the service: the table change, the offer and its propagation, the secret vote.
    await secret.ballotsCast;
    say(
      "six secret ballots encrypted with Helios-C in the voters' clients (one on the Paris server), handed to the service Olm-encrypted",
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
    say(
      'the service closed the public vote and propagated the offer, across servers to the Recyclerie Paris 11e',
    );
    await waitForLog(
      log,
      (e) => e.duty === 'decisions' && e.decision === secret.decision && e.message.startsWith('published'),
      'the secret vote outcome',
      240_000,
    );
    say(
      'the service ran the tally with the trustees, verified the archive exported from the room and published the result',
    );
    // The readers below (Amélie, David) verify the election from their own clients; the other
    // members have nothing left to do, and stop checking it too (one process plays everyone here).
    members.stop(['bruno', 'chloe', 'emma', 'farid']);
    const ledgerSeen = await waitForLog(
      log,
      (e) => e.duty === 'ledger' && e.message.includes('Soldering station: 2'),
      'the ledger view',
    );
    const ids = { offer, secret: secret.decision };
    const seen = await Promise.all(
      ['amelie', 'david'].map((key) => seenFrom(cast, key, groups, members, ids)),
    );
    for (const view of seen)
      say(
        `seen from ${view.server} by ${view.reader}: partnership ${view.relation}, offer ${view.offer?.status}, secret vote ${view.secret?.status}, offer received in Paris: ${view.announcement ? 'yes' : 'no'}`,
      );
    return await gatherReport({
      homeservers,
      services,
      cast,
      groups,
      members,
      decisions: ids,
      queue,
      ledgerLine: ledgerSeen.message,
      seen,
      started,
    });
  } finally {
    for (const person of cast.people.values()) person.client.stopClient();
    members.stop();
    await Promise.all([services.lyon.stop(), services.paris.stop()]);
  }
}
