/**
 * Test support for the GraphQL field walk: a recorder of the fields that answered with a value,
 * and the object types a query or mutation can reach.
 *
 * @module
 */
import {
  defaultFieldResolver,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from 'graphql';

/** `Type.field` of every field that gave a value at least once. */
export type Answered = Set<string>;

const hasValue = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

/**
 * Wraps every field resolver of `schema` so that each field giving a value is noted in `answered`.
 *
 * @param schema - an executable schema (changed in place)
 * @param answered - where to note the fields
 * @returns the schema
 */
export function recordAnswers(schema: GraphQLSchema, answered: Answered): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const key = `${type.name}.${field.name}`;
      field.resolve = (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        const note = (v: unknown) => {
          if (hasValue(v)) answered.add(key);
          return v;
        };
        return value instanceof Promise ? value.then(note) : note(value);
      };
    }
  }
  return schema;
}

/** The object types reachable from Query and Mutation, through fields, interfaces and unions. */
export function reachableObjectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  const seen = new Map<string, GraphQLObjectType>();
  const queue: GraphQLNamedType[] = [schema.getQueryType()!, schema.getMutationType()!];
  while (queue.length > 0) {
    const type = queue.shift()!;
    const next: GraphQLNamedType[] = [];
    if (isObjectType(type)) {
      if (seen.has(type.name)) continue;
      seen.set(type.name, type);
      for (const f of Object.values(type.getFields())) next.push(getNamedType(f.type));
    } else if (isUnionType(type)) next.push(...type.getTypes());
    else if (isInterfaceType(type)) next.push(...schema.getPossibleTypes(type));
    queue.push(...next);
  }
  return [...seen.values()];
}
