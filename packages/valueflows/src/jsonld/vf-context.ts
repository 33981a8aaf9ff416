/**
 * The JSON-LD context of ValueFlows 1.0 (namespace `https://w3id.org/valueflows/ont/vf#`) for
 * the JSON shapes of this package: property names are the ValueFlows ones, so the context
 * mostly says which values are references (`@id`), dates, or vocabulary terms (actions,
 * purposes).
 *
 * @module
 */

/** ValueFlows namespace. */
export const VF_NAMESPACE = 'https://w3id.org/valueflows/ont/vf#';

/** Namespace of the few Imago terms ValueFlows does not have (`custodian`, `proposer`). */
export const IMAGO_NAMESPACE = 'urn:org.imago:vf#';

const ref = { '@type': '@id' } as const;
const refs = { '@type': '@id', '@container': '@set' } as const;
const date = { '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' } as const;
const term = { '@type': '@vocab' } as const;

/** The JSON-LD context object. */
export const VF_CONTEXT = {
  '@version': 1.1,
  '@vocab': VF_NAMESPACE,
  vf: VF_NAMESPACE,
  om2: 'http://www.ontology-of-units-of-measure.org/resource/om-2/',
  imago: IMAGO_NAMESPACE,
  wd: 'http://www.wikidata.org/entity/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  id: '@id',
  type: '@type',
  action: term,
  purpose: term,
  provider: ref,
  receiver: ref,
  resourceInventoriedAs: ref,
  toResourceInventoriedAs: ref,
  resourceConformsTo: ref,
  conformsTo: ref,
  resourceClassifiedAs: refs,
  classifiedAs: refs,
  hasUnit: ref,
  defaultUnitOfResource: ref,
  defaultUnitOfEffort: ref,
  unitOfEffort: ref,
  primaryAccountable: ref,
  containedIn: ref,
  stage: ref,
  basedOn: ref,
  inputOf: ref,
  outputOf: ref,
  corrects: ref,
  triggeredBy: ref,
  realizationOf: ref,
  reciprocalRealizationOf: ref,
  clauseOf: ref,
  reciprocalClauseOf: ref,
  fulfills: refs,
  satisfies: refs,
  settles: refs,
  stipulates: refs,
  stipulatesReciprocal: refs,
  proposedTo: refs,
  inScopeOf: refs,
  publishes: { '@container': '@set' },
  reciprocal: { '@container': '@set' },
  hasPointInTime: date,
  hasBeginning: date,
  hasEnd: date,
  due: date,
  created: date,
  image: ref,
  ofBatchLot: ref,
  agreedIn: { '@id': 'imago:agreedIn', '@type': '@id' },
  custodian: { '@id': 'imago:custodian', '@type': '@id' },
  proposer: { '@id': 'imago:proposer', '@type': '@id' },
  proposal: { '@id': 'imago:proposal', '@type': '@id' },
  Person: 'vf:Person',
  Organization: 'vf:Organization',
  EcologicalAgent: 'vf:EcologicalAgent',
} as const;
