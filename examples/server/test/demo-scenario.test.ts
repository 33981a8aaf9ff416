/**
 * The demo scenario end to end on two federating Synapses of its own (the groups of Lyon on one,
 * of Paris on the other), with a service for each in this process; the outcomes that cross servers
 * checked as each server's copy of the rooms tells them.
 */
import { majorityJudgment } from '@imago/governance/methods';
import type { TestHomeserver } from '@imago/matrix-binding/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoReport } from '../src/demo/report-data';
import { reportHtml } from '../src/demo/report-html';
import { runScenario, SECRET_VOTES } from '../src/demo/scenario';
import { createLog } from '../src/service/log';
import { releaseSynapse, startFederatingSynapse } from './federated-synapses';

const instances = [`demo-lyon-${process.pid}`, `demo-paris-${process.pid}`] as const;
let lyon: TestHomeserver & { serverName: string };
let paris: TestHomeserver & { serverName: string };
beforeAll(async () => {
  [lyon, paris] = await Promise.all([
    startFederatingSynapse(instances[0]),
    startFederatingSynapse(instances[1]),
  ]);
}, 180_000);
afterAll(async () => {
  await Promise.all(instances.map(releaseSynapse));
});

const sorted = (rows: readonly (readonly number[])[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('the demo scenario', () => {
  it('runs end to end on two servers', { timeout: 600_000 }, async () => {
    const logs = { lyon: createLog({ sink: null }), paris: createLog({ sink: null }) };
    const report: DemoReport = await runScenario(
      { lyon, paris },
      { log: logs.lyon, parisLog: logs.paris, say: () => undefined },
    ).catch((error: unknown) => {
      // What the services said about announcements, and every warning, to see where it stopped.
      for (const [city, log] of Object.entries(logs))
        for (const e of log.entries)
          if (e.level !== 'info' || e.duty === 'announcements' || e.duty === 'card')
            process.stderr.write(`${city} [${e.duty}] ${e.level} ${e.message}\n`);
      throw error;
    });
    expect.soft(report.servers.map((s) => [s.city, s.groups.length])).toEqual([
      ['lyon', 5],
      ['paris', 1],
    ]);
    // Every outcome is checked (soft assertions): a failure names them all.
    // Secret vote: every ballot decrypted, the archive verified by both tools, MJ as expected.
    const s = report.secret;
    expect.soft(s.ballotsAccepted).toBe(6);
    expect.soft(s.verifiedBy).toEqual(['helios-c', 'belenios-tool']);
    // Three threshold trustees each took the key-establishment steps from their own client; the
    // first two shuffled; the service and at least two of them decrypted.
    expect
      .soft(
        s.memberSteps.map((line) =>
          line
            .replace(/^.*?: /, '')
            .split(', ')
            .sort(),
        ),
      )
      .toEqual([0, 1, 2].map(() => expect.arrayContaining(['certificate', 'polynomial', 'verification'])));
    expect.soft(s.shuffledBy).toEqual(['Amélie', 'Bruno']);
    expect.soft(s.decryptedBy).toContain('the Lyon service');
    expect
      .soft(s.decryptedBy.filter((name) => ['Amélie', 'Bruno', 'David'].includes(name)).length)
      .toBeGreaterThanOrEqual(2);
    expect.soft(sorted(s.decrypted)).toEqual(sorted(Object.values(SECRET_VOTES)));
    const expected = majorityJudgment(
      Object.values(SECRET_VOTES).map((v) => [...v]),
      { ngrades: 4, blankAllowed: false },
    );
    expect.soft(s.mj?.winners).toEqual(expected.winners);
    expect.soft(s.outcomeWinners).toEqual([expected.winners[0]?.[0]]);
    expect.soft(JSON.parse(s.beleniosMj ?? '{}').winners).toEqual(expected.winners);
    // Delegation: Farid and Emma's votes went to the Atelier vélo, whose voters all said yes.
    expect
      .soft(report.delegation.groups)
      .toEqual([{ group: 'Atelier vélo', weight: 2, voters: 3, casts: [{ position: '1,0', weight: 2 }] }]);
    // Control table amended; offer delivered to the nearest groups that accept offers.
    expect.soft(report.tableVersion).toBe(1);
    expect.soft(report.tableKinds).toContain('publish-need');
    // The three nearest groups that accept offers: the third is on the Paris server, which the
    // Lyon service reached from the Repair Café's relation alone (it is in none of its rooms).
    expect
      .soft(report.announcements[0]?.deliveries.map((d) => d.to))
      .toEqual(['Jardin partagé de Villeurbanne', 'Vélo Solidaire Saint-Étienne', 'Recyclerie Paris 11e']);
    expect.soft(report.announcements[0]?.deliveries.every((d) => d.delivered)).toBe(true);
    expect.soft(report.ledger.summary).toEqual(['Cargo bike: 1 on hand', 'Soldering station: 2 on hand']);
    expect.soft(report.debate).toEqual({ floor: 'Bruno', queue: ['Emma', 'Chloé', 'Farid'] });
    // Across servers, as each server's copy of the rooms tells it: the Lyon–Paris partnership, the
    // offer voted from both servers, the secret vote with a trustee on each server (its result
    // verified by the reader's own election duties), the offer received in Paris from Lyon.
    expect.soft(report.seenFrom.map((v) => v.server)).toEqual([lyon.serverName, paris.serverName]);
    for (const view of report.seenFrom) {
      expect.soft(view.relation).toBe('accepted');
      expect.soft(view.offer).toEqual({ status: 'adopted', winners: [0] });
      expect.soft(view.secret).toEqual({ status: 'adopted', winners: [expected.winners[0]?.[0]] });
      expect.soft(view.announcement).toEqual({ title: 'Cargo bike to lend', fromGroup: 'Repair Café Lyon' });
    }
    // Amélie's server is in none of the Recyclerie's rooms but its announcements: its card, read.
    expect.soft(report.seenFrom.map((v) => v.parisSource)).toEqual(['card', 'state']);
    const html = reportHtml(report);
    expect.soft(html).toContain('<svg');
    expect.soft(html).not.toMatch(/https?:\/\/(?!www\.w3\.org|127\.0\.0\.1)/);
  });
});
