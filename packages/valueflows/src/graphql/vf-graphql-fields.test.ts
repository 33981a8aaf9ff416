/**
 * Every field of the implemented vf-graphql 0.8.5 modules answers with data. The test walks the
 * executable schema: each field of each object type reachable from the roots is queried on the
 * bakery fixture (every list in full), and must have given a value — not null, not an empty
 * list — for at least one record. A field added to the schema without a resolver, or whose
 * resolver returns nothing where the data is, fails here. The mutations run once each, in
 * `vf-graphql-mutations.test.ts`, with the same recorder (`testing/answered-fields.ts`).
 */
import {
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  graphql,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createBakeryStore } from '../../test/bakery/bakery-store';
import { createVfSchema } from './executable-schema';
import { type Answered, reachableObjectTypes, recordAnswers } from './testing/answered-fields';

/** The identifier each root `x(id:)` query is asked for, by the type it returns. */
const FIXTURE_IDS: Record<string, string> = {
  Agent: 'group-bakery',
  Organization: 'group-bakery',
  Person: 'alice',
  AgentRelationship: 'alice-member-of-bakery',
  AgentRelationshipRole: 'role-member',
  Agreement: 'agreement-flour',
  SpatialThing: 'place-market',
  Action: 'produce',
  ResourceSpecification: 'spec-flour',
  ProcessSpecification: 'process-spec-baking',
  Unit: 'kilogram',
  EconomicEvent: 'deliver-flour',
  EconomicResource: 'flour',
  ProductBatch: 'batch-1',
  Process: 'process-bake',
  Commitment: 'commit-flour',
  Intent: 'intent-offer-bread',
  Fulfillment: 'deliver-flour/fulfills/commit-flour',
  Satisfaction: 'commit-bread/satisfies/intent-bread-out',
  Proposal: 'proposal-bread',
};

/** Every field of `type` (by-id fields asked for the fixture's record), object-valued ones answered with `__typename` only. */
function selection(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .map((f: GraphQLField<unknown, unknown>) => {
      const named = getNamedType(f.type);
      const id = f.args.some((a) => a.name === 'id')
        ? `(id: ${JSON.stringify(FIXTURE_IDS[named.name])})`
        : '';
      const object = isObjectType(named) || isUnionType(named) || isInterfaceType(named);
      return object ? `${f.name}${id} { __typename }` : `${f.name}${id}`;
    })
    .join(' ');
}

/** A query reaching `target` from a root field (shortest path), selecting all of its fields. */
function queryReaching(schema: GraphQLSchema, target: GraphQLObjectType, byId = false): string | undefined {
  interface Path {
    type: GraphQLObjectType;
    wrap: (inner: string) => string;
  }
  const query = schema.getQueryType()!;
  const queue: Path[] = [{ type: query, wrap: (inner) => `{ ${inner} }` }];
  const seen = new Set<string>([query.name]);
  while (queue.length > 0) {
    const { type, wrap } = queue.shift()!;
    if (type === target) return wrap(selection(type));
    for (const f of Object.values(type.getFields())) {
      const required = f.args.filter((a) => a.type.toString().endsWith('!'));
      const named = getNamedType(f.type);
      const targets = isObjectType(named)
        ? [named]
        : isUnionType(named) || isInterfaceType(named)
          ? [...schema.getPossibleTypes(named)]
          : [];
      for (const t of targets) {
        if (seen.has(t.name)) continue;
        if (required.some((a) => a.name !== 'id') || (required.length > 0 && !byId)) continue;
        // Lists first (every record is asked): a root field for one record only on the second pass.
        if (type === query && !byId && !isListType(getNullableType(f.type))) continue;
        const args =
          required.length > 0
            ? `(id: ${JSON.stringify(FIXTURE_IDS[t.name] ?? FIXTURE_IDS[named.name])})`
            : '';
        const fragment = t === named ? (s: string) => s : (s: string) => `... on ${t.name} { ${s} }`;
        seen.add(t.name);
        queue.push({ type: t, wrap: (inner) => wrap(`${f.name}${args} { ${fragment(inner)} }`) });
      }
    }
  }
  // Lists first (every record is asked); by identifier only what no list reaches.
  return byId ? undefined : queryReaching(schema, target, true);
}

/** Types no field of the implemented modules returns, so no query can reach them. */
const UNREACHABLE = ['Duration'];

describe('every field of the implemented vf-graphql modules answers with data (bakery fixture)', () => {
  const answered: Answered = new Set();
  const schema = recordAnswers(createVfSchema(createBakeryStore()), answered);
  const types = reachableObjectTypes(schema).filter(
    (t) => t.name !== 'Mutation' && !t.name.endsWith('Response'),
  );

  it.each(types.map((t) => [t.name, t] as const))('%s: all fields queried without error', async (_, type) => {
    const source = queryReaching(schema, type);
    expect(source, `no query reaches ${type.name}`).toBeDefined();
    const result = await graphql({ schema, source: source! });
    expect(result.errors).toBeUndefined();
  });

  it('each field of each type gave a value for some record', () => {
    const missing = types.flatMap((t) =>
      Object.keys(t.getFields())
        .map((f) => `${t.name}.${f}`)
        .filter((key) => !answered.has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('the object types no query reaches are only those no field returns', () => {
    const reachable = new Set(reachableObjectTypes(schema).map((t) => t.name));
    const objectTypes = Object.values(schema.getTypeMap()).filter(
      (t) => isObjectType(t) && !t.name.startsWith('__'),
    );
    expect(objectTypes.filter((t) => !reachable.has(t.name)).map((t) => t.name)).toEqual(UNREACHABLE);
  });

  it('the walk can fail: a field whose resolver answers null is reported', async () => {
    const probe: Answered = new Set();
    const broken = createVfSchema(createBakeryStore());
    (broken.getType('EconomicResource') as GraphQLObjectType).getFields().trace!.resolve = () => null;
    recordAnswers(broken, probe);
    await graphql({
      schema: broken,
      source: queryReaching(broken, broken.getType('EconomicResource') as GraphQLObjectType)!,
    });
    expect(probe.has('EconomicResource.onhandQuantity')).toBe(true);
    expect(probe.has('EconomicResource.trace')).toBe(false);
  });
});
