/**
 * @module
 * The real places and themes of the demo: Wikidata items (QIDs) with their English labels and
 * the coordinates the groups publish. Labels are given here so that nothing is fetched.
 */

/** Wikidata items used by the demo, with labels. */
export const WIKIDATA = {
  Q456: 'Lyon',
  Q582: 'Villeurbanne',
  Q1289: 'Grenoble',
  Q42716: 'Saint-Étienne',
  Q90: 'Paris',
  Q11442: 'bicycle',
  Q132580: 'recycling',
  Q48803: 'horticulture',
} as const;

/** A QID of {@link WIKIDATA}. */
export type DemoQid = keyof typeof WIKIDATA;

/** Label of a QID (the QID itself if unknown). */
export const label = (qid: string): string => (WIKIDATA as Record<string, string>)[qid] ?? qid;
