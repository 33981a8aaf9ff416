/**
 * Classification identifiers as used by `vf:resourceClassifiedAs`: taxonomy IRIs, Wikidata
 * entities, or free tags.
 *
 * @module
 */

const WIKIDATA = /^(?:wd:|https?:\/\/(?:www\.)?wikidata\.org\/(?:entity|wiki)\/)?(Q[1-9]\d*)$/;

/**
 * Puts a classification in one canonical form so that equal concepts compare equal: every
 * spelling of a Wikidata item (`Q42`, `wd:Q42`, `http://www.wikidata.org/entity/Q42`,
 * `https://www.wikidata.org/wiki/Q42`) becomes `wd:Q42`; other IRIs are kept; tags are
 * trimmed and lower-cased.
 *
 * @param value - a classification
 * @returns its canonical form
 * @example
 * ```ts
 * normalizeClassification('https://www.wikidata.org/wiki/Q10998'); // 'wd:Q10998'
 * ```
 */
export function normalizeClassification(value: string): string {
  const v = value.trim();
  const q = WIKIDATA.exec(v);
  if (q) return `wd:${q[1]}`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return v;
  return v.toLowerCase();
}
