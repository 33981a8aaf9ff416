/**
 * What every mutation does with its input: GraphQL `null` means "not given" on create and
 * "remove" on update (the boundary parsers see neither), references to records the store
 * owns must name one, and a record others refer to is not deleted.
 *
 * @module
 */
import { RecordConflictError } from '../errors/record-conflict-error';
import { UnknownRecordError } from '../errors/unknown-record-error';

/** Mutation input as graphql-js hands it over. */
export type Input = Record<string, unknown>;

/** The input without its `null` fields (on create, `null` means not given). */
export function withoutNulls(o: Input): Input {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
}

/** Merges update params into a record: given fields replace, null fields are removed. */
export function merge(record: object, update: Input): Input {
  const merged: Input = { ...record };
  for (const [k, v] of Object.entries(update)) {
    if (v === null) delete merged[k];
    else if (v !== undefined) merged[k] = v;
  }
  return merged;
}

/**
 * The record `id` of `map`, or an {@link UnknownRecordError} naming `type` and the input `path`.
 *
 * @throws {@link UnknownRecordError}
 */
export function requireRecord<T>(map: ReadonlyMap<string, T>, type: string, id: string, path: string): T {
  const record = map.get(id);
  if (record === undefined) throw new UnknownRecordError(type, id, path);
  return record;
}

/**
 * Refuses to delete a record something still refers to.
 *
 * @param user - what refers to it (e.g. `economic event e3`), or undefined when nothing does
 * @param what - the record, e.g. `process p1`
 * @throws {@link RecordConflictError} rule `in-use`, path `id`
 */
export function refuseIfUsed(user: string | undefined, what: string): void {
  if (user !== undefined) throw new RecordConflictError('in-use', 'id', `${user} refers to ${what}`);
}

/** The first of `items` that `test` accepts, described by `describe`. */
export function firstUse<T>(
  items: Iterable<T>,
  test: (item: T) => boolean,
  describe: (item: T) => string,
): string | undefined {
  for (const item of items) if (test(item)) return describe(item);
  return undefined;
}
