/**
 * Derives the OM2 unit table from the ValueFlows curated unit list (`units-en-useful.csv`).
 *
 * A conversion factor is recorded only where OM2 makes it well defined: the unit's definition
 * reads "defined as <number> <unit>" with a unit of the list, or the unit is an OM2
 * `PrefixedUnit` made of an SI prefix and a unit of the list. Temperature units are interval
 * scales with offsets that the list does not give, so they get no factor.
 *
 * @module
 */

/** One unit in `data/om2-units.json`. */
export interface UnitRecord {
  readonly id: string;
  readonly label: string;
  readonly symbol: string;
  readonly dimension: string;
  readonly omClass: string;
  /** The root unit of this unit's conversion chain, if any. */
  readonly root?: string;
  /** How many root units one of this unit is. */
  readonly factor?: number;
}

/** The JSON document written to `data/om2-units.json`. */
export interface UnitsDocument {
  readonly license: string;
  readonly attribution: string;
  readonly source: string;
  readonly units: readonly UnitRecord[];
}

/** RFC 4180 style CSV reader: quoted fields, doubled quotes, commas inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const SI_PREFIXES: Record<string, number> = {
  yocto: 1e-24,
  zepto: 1e-21,
  atto: 1e-18,
  femto: 1e-15,
  pico: 1e-12,
  nano: 1e-9,
  micro: 1e-6,
  milli: 1e-3,
  centi: 1e-2,
  deci: 1e-1,
  deca: 1e1,
  hecto: 1e2,
  kilo: 1e3,
  mega: 1e6,
  giga: 1e9,
  tera: 1e12,
  peta: 1e15,
  exa: 1e18,
  zetta: 1e21,
  yotta: 1e24,
};

const DEFINED_AS =
  /defined as (?:([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?) )?([^.,]+?(?: \([a-z ]+\))?)\.(?:\s|$)/;

/**
 * Builds the unit document from the text of `units-en-useful.csv`.
 *
 * @param csv - the CSV text (no header row)
 * @returns the document, units in file order with duplicates removed
 */
export function buildUnits(csv: string): UnitsDocument {
  const rows = parseCsv(csv).filter((r) => r.length >= 6 && r[1]);
  const seen = new Set<string>();
  const base: {
    id: string;
    label: string;
    symbol: string;
    comment: string;
    dimension: string;
    omClass: string;
  }[] = [];
  for (const r of rows) {
    const id = r[1]!.trim();
    if (seen.has(id)) continue;
    seen.add(id);
    base.push({
      omClass: r[0]!.trim(),
      id,
      label: r[2]!.trim(),
      symbol: r[3]!.trim(),
      comment: r[4]!.trim(),
      dimension: r[5]!.trim(),
    });
  }
  const byLabel = new Map<string, string>();
  for (const u of base) if (!byLabel.has(u.label)) byLabel.set(u.label, u.id);
  // OM2 labels some units by their disambiguated name in definitions, e.g. "second (angle)".
  for (const u of base) {
    const m = /^(.*)-([A-Z][A-Za-z]*)$/.exec(u.id);
    if (m) byLabel.set(`${u.label} (${m[2]!.toLowerCase()})`, u.id);
  }
  const ids = new Set(base.map((u) => u.id));
  const step = new Map<string, { to: string; factor: number }>();
  for (const u of base) {
    if (u.dimension === 'temperature') continue;
    const m = DEFINED_AS.exec(u.comment);
    if (m) {
      const target = byLabel.get(m[2]!.trim());
      if (target && target !== u.id) {
        step.set(u.id, { to: target, factor: m[1] === undefined ? 1 : Number(m[1]) });
        continue;
      }
    }
    if (u.omClass === 'PrefixedUnit') {
      for (const [prefix, factor] of Object.entries(SI_PREFIXES)) {
        if (!u.id.startsWith(prefix)) continue;
        const rest = u.id.slice(prefix.length);
        if (ids.has(rest) && rest !== 'gram') {
          step.set(u.id, { to: rest, factor });
          break;
        }
        if (rest === 'gram') {
          // OM2 roots mass at the kilogram: one prefixed gram is factor × 1e-3 kilogram.
          step.set(u.id, { to: 'kilogram', factor: factor * 1e-3 });
          break;
        }
      }
    }
  }
  const units: UnitRecord[] = base.map((u) => {
    let factor = 1;
    let at = u.id;
    const visited = new Set<string>([at]);
    for (let s = step.get(at); s !== undefined; s = step.get(at)) {
      if (visited.has(s.to)) break;
      visited.add(s.to);
      factor *= s.factor;
      at = s.to;
    }
    const record: UnitRecord = {
      id: u.id,
      label: u.label,
      symbol: u.symbol,
      dimension: u.dimension,
      omClass: u.omClass,
    };
    if (at !== u.id || [...step.values()].some((s) => s.to === u.id)) {
      return { ...record, root: at, factor: Number(factor.toPrecision(15)) };
    }
    return record;
  });
  return {
    license: 'CC-BY-SA-4.0',
    attribution:
      'Derived from the ValueFlows curated OM2 unit list (units-en-useful.csv), © ValueFlows contributors, itself from the Ontology of units of Measure 2.0; licensed CC-BY-SA-4.0 (https://creativecommons.org/licenses/by-sa/4.0/).',
    source: 'http://www.ontology-of-units-of-measure.org/resource/om-2/',
    units,
  };
}
