/**
 * @module
 * The demo report as readable text for the terminal.
 */
import { label } from './places';
import type { DemoReport } from './report-data';

const GRADES = ['Excellent', 'Good', 'Fair', 'Poor'];

/**
 * Writes the report.
 *
 * @param report - the data.
 * @returns the lines.
 */
export function reportText(report: DemoReport): string[] {
  const out: string[] = [];
  const h = (title: string) => out.push('', `== ${title} ==`);
  const nameOf = (spaceId: string) => report.groups.find((g) => g.spaceId === spaceId)?.name ?? spaceId;
  h('Homeservers (federating)');
  for (const server of report.servers)
    out.push(
      `- ${server.city}: ${server.homeserver}, service ${server.service}; hosts ${server.groups.join(', ')}`,
    );
  h('Groups');
  for (const g of report.groups) {
    out.push(
      `- ${g.name}${g.city ? ` [${g.city} server]` : ''}${g.parent ? ` (sub-group of ${nameOf(g.parent)})` : ''}: ${g.places.map((q) => `${label(q)} ${q}`).join(', ')}; themes ${g.themes
        .map((q) => `${label(q)} ${q}`)
        .join(
          ', ',
        )}; ${g.members.length} member(s)${g.accepts ? `; accepts only: ${g.accepts.join(', ')}` : ''}`,
    );
  }
  h('Relations (consent of both sides)');
  for (const r of report.relations) out.push(`- ${nameOf(r.a)} — ${nameOf(r.b)}: ${r.type}, ${r.status}`);
  h('Control table');
  out.push(`- version ${report.tableVersion} in force, rules for: ${report.tableKinds.join(', ')}`);
  h('Decisions (closed by the service when due, outcomes published in the room)');
  for (const d of report.decisions) out.push(...d.lines.map((line, i) => `${i === 0 ? '-' : ' '} ${line}`));
  h('Delegation to a sub-group (public vote on the offer)');
  out.push(`- direct votes: ${report.delegation.direct}`);
  for (const g of report.delegation.groups) {
    out.push(
      `- ${g.group} received ${g.weight} delegated vote(s); ${g.voters} of its members voted; cast: ${g.casts
        .map(
          (c) =>
            `${c.weight} × ${c.position === '1,0' ? 'yes' : c.position === '0,1' ? 'no' : `[${c.position}]`}`,
        )
        .join(', ')}`,
    );
  }
  h('Secret majority judgment (Helios-C)');
  const s = report.secret;
  out.push(
    `- election ${s.uuid}: ${s.voters} voters (every member of the room, the service included), ${s.ballotsAccepted} ballots on the board`,
    `- trustees: ${s.trustees.join(' and ')}; steps each member trustee ran on their own machine: ${s.memberSteps.join('; ')}`,
    `- shuffles: ${s.shuffledBy.join(', ')}; partial decryptions: ${s.decryptedBy.join(', ')}`,
    `- archive: ${s.archiveBytes} bytes; verified by ${s.verifiedBy.join(' and ') || 'NOBODY'}`,
    `- decrypted ballots (shuffled, unlinkable to voters): ${JSON.stringify(s.decrypted)}`,
  );
  if (s.mj) {
    s.options.forEach((option, i) => {
      const row = s.mj?.raw[i] ?? [];
      out.push(`  ${option.padEnd(20)} ${row.map((n, g) => `${GRADES[g]} ${n}`).join(', ')}`);
    });
    out.push(
      `- majority judgment (@imago/governance/methods): ${s.mj.winners.map((group) => group.map((i) => s.options[i]).join(' = ')).join(' > ')}`,
    );
  }
  if (s.beleniosMj !== undefined) {
    const same =
      s.mj &&
      JSON.stringify((JSON.parse(s.beleniosMj) as { winners: unknown }).winners) ===
        JSON.stringify(s.mj.winners);
    out.push(
      `- belenios-tool method majority-judgment: ${same ? 'same ranking' : `DIFFERENT: ${s.beleniosMj}`}`,
    );
  }
  out.push(...s.outcome.map((line) => `  ${line}`));
  out.push(
    '- delegations do not apply to this vote: on a non-homomorphic secret question every member votes with weight 1 (Belenios weights only apply to homomorphic tallies), and a group’s position would itself be secret',
  );
  h('Announcements');
  for (const a of report.announcements) {
    out.push(`- "${a.title}" from ${a.from}:`);
    for (const d of a.deliveries) {
      out.push(
        `    → ${d.to}${d.distanceKm !== undefined ? `, ${d.distanceKm.toFixed(1)} km` : ''}${d.delivered ? '' : ' (not delivered)'}`,
      );
    }
  }
  h('Across servers (each server’s copy of the rooms, read by a person on it)');
  for (const v of report.seenFrom) {
    out.push(
      `- ${v.server}, read by ${v.reader}: Repair Café ⇄ Recyclerie Paris 11e ${v.relation ?? 'unknown'} (the Recyclerie read from its ${v.parisSource === 'card' ? 'card in the space hierarchy' : 'space state'}); offer vote ${v.offer?.status ?? 'not seen'}; secret vote ${v.secret?.status ?? 'not seen'} (winners ${JSON.stringify(v.secret?.winners ?? [])}); offer received in the Recyclerie's room: ${v.announcement ? `"${v.announcement.title}" from ${v.announcement.fromGroup}, origin verified` : 'no'}`,
    );
  }
  h('Ledger view (ValueFlows)');
  out.push(`- ${report.ledger.summary.join('; ')}; ${report.ledger.proposals} published offer(s)`);
  h('Debate');
  out.push(
    `- ${report.debate.floor ?? 'nobody'} has the floor; waiting: ${report.debate.queue.join(', ') || 'nobody'}`,
  );
  h('Service');
  out.push(
    `- ${report.logLines} log lines: ${Object.entries(report.duties)
      .map(([duty, n]) => `${duty} ${n}`)
      .join(', ')}`,
    `- scenario played in ${report.seconds.toFixed(1)} s`,
  );
  return out;
}
