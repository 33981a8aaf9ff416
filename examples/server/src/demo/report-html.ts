/**
 * @module
 * The demo report as a self-contained HTML page: the groups drawn from their coordinates
 * (equirectangular projection around their centre, no map tiles, no network), relations,
 * sub-group links and the offer's deliveries, then the report text.
 */
import { label } from './places';
import type { DemoReport } from './report-data';
import { reportText } from './report-text';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/**
 * Draws the groups and their links as SVG.
 *
 * @param report - the data.
 * @returns the SVG element text.
 */
export function graphSvg(report: DemoReport): string {
  const width = 900;
  const height = 620;
  const margin = 90;
  const located = report.groups.filter((g) => g.coordinates);
  const lats = located.map((g) => g.coordinates?.lat as number);
  const lons = located.map((g) => g.coordinates?.lon as number);
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  const xs = lons.map((lon) => lon * k);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...lats), Math.max(...lats)];
  const scale = Math.min((width - 2 * margin) / (maxX - minX || 1), (height - 2 * margin) / (maxY - minY || 1));
  const base = new Map(
    located.map((g) => [
      g.spaceId,
      {
        x: margin + ((g.coordinates?.lon as number) * k - minX) * scale,
        y: height - margin - ((g.coordinates?.lat as number) - minY) * scale,
      },
    ]),
  );
  // Groups a few km apart overlap at this scale: spread them on a small circle around their centre.
  const pos = new Map(base);
  const placed = [...base.entries()];
  placed.forEach(([key, p], i) => {
    const close = placed.filter(([, q]) => Math.hypot(p.x - q.x, p.y - q.y) < 40);
    if (close.length > 1) {
      const j = close.findIndex(([other]) => other === key);
      const angle = (2 * Math.PI * j) / close.length + i * 0;
      pos.set(key, { x: p.x + 55 * Math.cos(angle), y: p.y + 55 * Math.sin(angle) });
    }
  });
  const parts: string[] = [];
  const line = (a: string, b: string, style: string) => {
    const p = pos.get(a);
    const q = pos.get(b);
    if (p && q) parts.push(`<line x1="${p.x.toFixed(1)}" y1="${p.y.toFixed(1)}" x2="${q.x.toFixed(1)}" y2="${q.y.toFixed(1)}" ${style}/>`);
  };
  for (const r of report.relations) {
    line(r.a, r.b, r.status === 'accepted' ? 'stroke="#2b6cb0" stroke-width="3"' : 'stroke="#2b6cb0" stroke-width="2" stroke-dasharray="6 5" opacity="0.6"');
  }
  for (const g of report.groups) if (g.parent) line(g.parent, g.spaceId, 'stroke="#718096" stroke-width="2" stroke-dasharray="2 4"');
  for (const a of report.announcements) {
    for (const d of a.deliveries) line(a.fromId, d.toId, 'stroke="#dd6b20" stroke-width="2.5" marker-end="url(#arrow)"');
  }
  for (const g of located) {
    const p = pos.get(g.spaceId);
    if (!p) continue;
    parts.push(
      `<g><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${g.parent ? 9 : 13}" fill="${g.parent ? '#a0aec0' : '#38a169'}" stroke="#1a202c"/>` +
        `<text x="${(p.x + 16).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-size="13">${escape(g.name)}</text>` +
        `<text x="${(p.x + 16).toFixed(1)}" y="${(p.y + 19).toFixed(1)}" font-size="11" fill="#4a5568">${escape(g.places.map((q) => `${label(q)} (${q})`).join(', '))}</text></g>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Groups, relations and the offer's propagation">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="22" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#dd6b20"/></marker></defs>
<rect width="100%" height="100%" fill="#f7fafc"/>
${parts.join('\n')}
<g font-size="12" transform="translate(16 ${height - 70})">
<line x1="0" y1="0" x2="30" y2="0" stroke="#2b6cb0" stroke-width="3"/><text x="38" y="4">relation accepted by both groups</text>
<line x1="0" y1="18" x2="30" y2="18" stroke="#2b6cb0" stroke-width="2" stroke-dasharray="6 5"/><text x="38" y="22">relation proposed by one side</text>
<line x1="0" y1="36" x2="30" y2="36" stroke="#718096" stroke-width="2" stroke-dasharray="2 4"/><text x="38" y="40">sub-group</text>
<line x1="0" y1="54" x2="30" y2="54" stroke="#dd6b20" stroke-width="2.5"/><text x="38" y="58">offer delivered</text>
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
<p>Homeserver ${escape(report.homeserver)}, service account ${escape(report.service)}; scenario played in ${report.seconds.toFixed(1)} s.
Positions are the groups' published coordinates; groups a few kilometres apart are spread around their place to stay readable.</p>
${graphSvg(report)}
<pre>${escape(reportText(report).join('\n'))}</pre>
</body></html>
`;
}
