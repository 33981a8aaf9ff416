/**
 * The demo scenario end to end on a live Synapse, with the service in this process.
 */
import { majorityJudgment } from '@imago/governance/methods';
import { testHomeserverFromEnvironment } from '@imago/matrix-binding/testing';
import { describe, expect, it } from 'vitest';
import type { DemoReport } from '../src/demo/report-data';
import { reportHtml } from '../src/demo/report-html';
import { runScenario, SECRET_VOTES } from '../src/demo/scenario';
import { createLog } from '../src/service/log';

const sorted = (rows: readonly (readonly number[])[]) => rows.map((r) => JSON.stringify(r)).sort();

describe('the demo scenario', () => {
  it('runs end to end', { timeout: 240_000 }, async () => {
    const report: DemoReport = await runScenario(testHomeserverFromEnvironment(), {
      log: createLog({ sink: null }),
      say: () => undefined,
    });
    // Secret vote: every ballot decrypted, the archive verified by both tools, MJ as expected.
    const s = report.secret;
    expect(s.ballotsAccepted).toBe(6);
    expect(s.verifiedBy).toEqual(['helios-c', 'belenios-tool']);
    // Three threshold trustees each took the key-establishment steps from their own client; the
    // first two shuffled; the service and at least two of them decrypted.
    expect(
      s.memberSteps.map((line) =>
        line
          .replace(/^.*?: /, '')
          .split(', ')
          .sort(),
      ),
    ).toEqual([0, 1, 2].map(() => expect.arrayContaining(['certificate', 'polynomial', 'verification'])));
    expect(s.shuffledBy).toEqual(['Amélie', 'Bruno']);
    expect(s.decryptedBy).toContain('the service');
    expect(
      s.decryptedBy.filter((name) => ['Amélie', 'Bruno', 'David'].includes(name)).length,
    ).toBeGreaterThanOrEqual(2);
    expect(sorted(s.decrypted)).toEqual(sorted(Object.values(SECRET_VOTES)));
    const expected = majorityJudgment(
      Object.values(SECRET_VOTES).map((v) => [...v]),
      { ngrades: 4, blankAllowed: false },
    );
    expect(s.mj?.winners).toEqual(expected.winners);
    expect(s.outcomeWinners).toEqual([expected.winners[0]?.[0]]);
    expect(JSON.parse(s.beleniosMj ?? '{}').winners).toEqual(expected.winners);
    // Delegation: Farid and Emma's votes went to the Atelier vélo, whose voters all said yes.
    expect(report.delegation.groups).toEqual([
      { group: 'Atelier vélo', weight: 2, voters: 3, casts: [{ position: '1,0', weight: 2 }] },
    ]);
    // Control table amended; offer delivered to the nearest groups that accept offers.
    expect(report.tableVersion).toBe(1);
    expect(report.tableKinds).toContain('publish-need');
    expect(report.announcements[0]?.deliveries.map((d) => d.to)).toEqual([
      'Jardin partagé de Villeurbanne',
      'Vélo Solidaire Saint-Étienne',
    ]);
    expect(report.announcements[0]?.deliveries.every((d) => d.delivered)).toBe(true);
    expect(report.ledger.summary).toEqual(['Cargo bike: 1 on hand', 'Soldering station: 2 on hand']);
    expect(report.debate).toEqual({ floor: 'Bruno', queue: ['Emma', 'Chloé', 'Farid'] });
    const html = reportHtml(report);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org|127\.0\.0\.1)/);
  });
});
