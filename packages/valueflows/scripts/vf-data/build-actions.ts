/**
 * Derives the ValueFlows 1.0 action table from the ontology (`vf:Action` named individuals and
 * their `vf:inputOutput`, `vf:pairsWith`, `vf:createResource`, `vf:eventQuantity` and
 * `vf:*Effect` properties).
 *
 * @module
 */
import { parseTurtle, type Triple } from './turtle.ts';

export const VF = 'https://w3id.org/valueflows/ont/vf#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const VS_STATUS = 'http://www.w3.org/2003/06/sw-vocab-status/ns#term_status';
const OWL_VERSION = 'http://www.w3.org/2002/07/owl#versionInfo';

/** The properties of an action, in the order they are written to the data file. */
export const ACTION_PROPERTIES = [
  'inputOutput',
  'pairsWith',
  'createResource',
  'eventQuantity',
  'accountingEffect',
  'onhandEffect',
  'locationEffect',
  'containedEffect',
  'accountableEffect',
  'stageEffect',
  'stateEffect',
] as const;

function local(iri: string): string {
  if (!iri.startsWith(VF)) throw new Error(`not a ValueFlows term: ${iri}`);
  return iri.slice(VF.length);
}

function literal(triples: readonly Triple[], subject: string, predicate: string): string | undefined {
  const t = triples.find((x) => x.subject === subject && x.predicate === predicate);
  return t?.object.kind === 'literal' ? t.object.value : undefined;
}

/** The JSON document written to `data/vf-actions.json`. */
export interface ActionsDocument {
  readonly license: string;
  readonly attribution: string;
  readonly source: string;
  readonly vfVersion: string;
  readonly actions: Record<string, Record<string, string>>;
}

/**
 * Builds the action table document from the text of `all_vf.TTL`.
 *
 * @param ttl - the ontology text
 * @returns the document, actions sorted by identifier
 */
export function buildActions(ttl: string): ActionsDocument {
  const triples = parseTurtle(ttl);
  const ontology = triples.find((t) => t.predicate === OWL_VERSION);
  const ids = [
    ...new Set(
      triples
        .filter(
          (t) => t.predicate === RDF_TYPE && t.object.kind === 'iri' && t.object.value === `${VF}Action`,
        )
        .map((t) => t.subject),
    ),
  ].sort((a, b) => (local(a) < local(b) ? -1 : 1));
  const actions: Record<string, Record<string, string>> = {};
  for (const subject of ids) {
    const id = local(subject);
    const entry: Record<string, string> = {
      id,
      label: literal(triples, subject, `${RDFS}label`) ?? id,
      comment: literal(triples, subject, `${RDFS}comment`) ?? '',
      termStatus: literal(triples, subject, VS_STATUS) ?? '',
    };
    for (const property of ACTION_PROPERTIES) {
      const values = triples.filter((t) => t.subject === subject && t.predicate === VF + property);
      if (values.length !== 1 || values[0]!.object.kind !== 'iri') {
        throw new Error(`action ${id}: expected exactly one vf:${property}, found ${values.length}`);
      }
      entry[property] = local(values[0]!.object.value);
    }
    actions[id] = entry;
  }
  return {
    license: 'CC-BY-SA-4.0',
    attribution:
      'Derived from the ValueFlows ontology (all_vf.TTL), © ValueFlows contributors, licensed CC-BY-SA-4.0 (https://creativecommons.org/licenses/by-sa/4.0/).',
    source: 'https://w3id.org/valueflows/ont/vf',
    vfVersion: ontology?.object.kind === 'literal' ? ontology.object.value : 'unknown',
    actions,
  };
}
