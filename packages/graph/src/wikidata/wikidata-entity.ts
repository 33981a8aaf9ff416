/**
 * @module
 * What the group graph takes from a Wikidata item.
 */
import type { Coordinates } from '../model/read-attributes';

/** The parts of a Wikidata item the group graph uses (best-ranked statements only). */
export interface WikidataEntity {
  /** The item's QID, e.g. `Q90`. */
  id: string;
  /** Labels by language code. */
  labels: Record<string, string>;
  /** Coordinate location (P625) on Earth, if any. */
  coordinates?: Coordinates;
  /** Located in the administrative territorial entity (P131). */
  locatedIn: string[];
  /** Instance of (P31). */
  instanceOf: string[];
  /** Subclass of (P279). */
  subclassOf: string[];
}

/**
 * The label in the first of `languages` that has one, else any label, else the QID.
 *
 * @example
 * entityLabel(paris, ['fr', 'en']); // 'Paris'
 */
export function entityLabel(entity: WikidataEntity, languages: readonly string[] = ['en']): string {
  for (const language of languages) {
    const label = entity.labels[language];
    if (label !== undefined) return label;
  }
  return Object.values(entity.labels)[0] ?? entity.id;
}
