/**
 * @module
 * The demo report as a self-contained HTML page: the groups drawn from their coordinates
 * (equirectangular projection around their centre, no map tiles, no network), relations,
 * sub-group links and the offer's deliveries, then the report text.
 */
import { label } from './places';
import type { DemoReport } from './report-data';
import { reportText } from './report-text';

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/**
 * Where each located group is drawn: around a centre group (the announcing one), at its true
 * bearing and at a radius growing with the logarithm of its distance, so that groups 3 km and
 * 400 km away are both readable. Equirectangular bearings are exact enough at this scale.
 */
function layout(report: DemoReport, width: number, height: number): Map<string, { x: number; y: number }> {
  const located = report.groups.filter((g) => g.coordinates);
  const centre = located.find((g) => g.spaceId === report.announcements[0]?.fromId) ?? located[0];
  const positions = new Map<string, { x: number; y: number }>();
  if (!centre?.coordinates) return positions;
  const { lat: lat0, lon: lon0 } = centre.coordinates;
  const cx = width / 2;
  const cy = height / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const offsets = located.map((g) => {
    const dx = ((g.coordinates?.lon as number) - lon0) * k * 111.2;
    const dy = ((g.coordinates?.lat as number) - lat0) * 111.2;
    return { g, dx, dy, km: Math.hypot(dx, dy) };
  });
  const maxKm = Math.max(1, ...offsets.map((o) => o.km));
  const [rMin, rMax] = [70, Math.min(width, height) / 2 - 30];
  for (const { g, dx, dy, km } of offsets) {
    if (g.spaceId === centre.spaceId || km === 0) {
      positions.set(g.spaceId, { x: cx, y: cy });
      continue;
    }
    const r = rMin + ((rMax - rMin) * Math.log1p(km / 3)) / Math.log1p(maxKm / 3);
    positions.set(g.spaceId, { x: cx + (r * dx) / km, y: cy - (r * dy) / km });
  }
  return positions;
}

/**
 * Draws the groups and their links as SVG.
 *
 * @param report - the data.
 * @returns the SVG element text.
 */
export function graphSvg(report: DemoReport): string {
  const width = 960;
  const height = 660;
  const pos = layout(report, width, height);
  const parts: string[] = [];
  const at = (key: string) => pos.get(key);
  const line = (a: string, b: string, style: string) => {
    const p = at(a);
    const q = at(b);
    if (p && q)
      parts.push(
        `<line x1="${p.x.toFixed(1)}" y1="${p.y.toFixed(1)}" x2="${q.x.toFixed(1)}" y2="${q.y.toFixed(1)}" ${style}/>`,
      );
  };
  for (const r of report.relations) {
    line(
      r.a,
      r.b,
      r.status === 'accepted'
        ? 'stroke="#2b6cb0" stroke-width="3"'
        : 'stroke="#2b6cb0" stroke-width="2" stroke-dasharray="6 5" opacity="0.7"',
    );
  }
  for (const g of report.groups)
    if (g.parent) line(g.parent, g.spaceId, 'stroke="#718096" stroke-width="2" stroke-dasharray="2 4"');
  for (const a of report.announcements) {
    for (const d of a.deliveries) {
      const p = at(a.fromId);
      const q = at(d.toId);
      if (!p || !q) continue;
      // A curve, so the delivery is not hidden by the relation between the same groups.
      const mx = (p.x + q.x) / 2 - (q.y - p.y) * 0.25;
      const my = (p.y + q.y) / 2 + (q.x - p.x) * 0.25;
      parts.push(
        `<path d="M ${p.x.toFixed(1)} ${p.y.toFixed(1)} Q ${mx.toFixed(1)} ${my.toFixed(1)} ${q.x.toFixed(1)} ${q.y.toFixed(1)}" fill="none" stroke="#dd6b20" stroke-width="2.5" marker-end="url(#arrow)"/>`,
        `<text x="${mx.toFixed(1)}" y="${(my + 14).toFixed(1)}" font-size="11" fill="#c05621" text-anchor="middle">${d.distanceKm === undefined ? '' : `${d.distanceKm.toFixed(1)} km`}</text>`,
      );
    }
  }
  for (const g of report.groups) {
    const p = at(g.spaceId);
    if (!p) continue;
    const centre = Math.abs(p.x - width / 2) < 1 && Math.abs(p.y - height / 2) < 1;
    const anchor = centre ? 'middle' : p.x < width / 2 - 1 ? 'end' : 'start';
    const tx = anchor === 'end' ? p.x - 18 : anchor === 'start' ? p.x + 18 : p.x;
    const ty = centre ? p.y - 38 : p.y;
    parts.push(
      `<g><title>${escapeXml(g.name)} — ${g.members.length} member(s)</title><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${g.parent ? 9 : 13}" fill="${g.parent ? '#a0aec0' : '#38a169'}" stroke="#1a202c"/>` +
        `<text x="${tx.toFixed(1)}" y="${(ty + 4).toFixed(1)}" font-size="13" font-weight="600" text-anchor="${anchor}">${escapeXml(g.name)}</text>` +
        `<text x="${tx.toFixed(1)}" y="${(ty + 19).toFixed(1)}" font-size="11" fill="#4a5568" text-anchor="${anchor}">${escapeXml(
          [...g.places, ...g.themes].map((q) => `${label(q)} ${q}`).join(' · '),
        )}</text></g>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Groups, relations and the offer's propagation">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="20" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#dd6b20"/></marker></defs>
<rect width="100%" height="100%" fill="#f7fafc"/>
${parts.join('\n')}
<g font-size="12" transform="translate(16 ${height - 76})">
<line x1="0" y1="0" x2="30" y2="0" stroke="#2b6cb0" stroke-width="3"/><text x="38" y="4">relation accepted by both groups</text>
<line x1="0" y1="18" x2="30" y2="18" stroke="#2b6cb0" stroke-width="2" stroke-dasharray="6 5"/><text x="38" y="22">relation proposed by one side</text>
<line x1="0" y1="36" x2="30" y2="36" stroke="#718096" stroke-width="2" stroke-dasharray="2 4"/><text x="38" y="40">sub-group</text>
<line x1="0" y1="54" x2="30" y2="54" stroke="#dd6b20" stroke-width="2.5"/><text x="38" y="58">offer delivered (distance)</text>
</g></svg>`;
}

/**
 * Writes the HTML report.
 *
 * @param report - the data.
 * @returns the page.
 */
export function reportHtml(report: DemoReport): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Imago demo report</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#1a202c}pre{white-space:pre-wrap;background:#edf2f7;padding:1em;border-radius:6px;font-size:13px}</style>
</head><body>
<h1>Imago demo</h1>
<p>Homeservers ${report.servers.map((s) => `${escapeXml(s.homeserver)} (${escapeXml(s.city)}, service ${escapeXml(s.service)})`).join(' and ')}, federating; scenario played in ${report.seconds.toFixed(1)} s.
Each group is drawn at its true bearing from the announcing group, at a distance that grows with the logarithm of the real one (3 km and 400 km both stay readable).</p>
${graphSvg(report)}
<pre>${escapeXml(reportText(report).join('\n'))}</pre>
</body></html>
`;
}
