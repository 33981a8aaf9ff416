/**
 * The package's typed errors as GraphQL errors: every resolver runs inside {@link typed}, so the
 * client gets the error's `code` (and where it has them, the input path, the rule, the record).
 *
 * @module
 */
import { GraphQLError } from 'graphql';
import { ValueflowsError } from '../errors/valueflows-error';

/**
 * Runs a store operation, turning the package's typed errors into GraphQL errors whose
 * `extensions` carry the `code` and, where the error has them, the `inputPath` of the bad input,
 * the `rule` broken and the missing record's `recordType` and `id`.
 */
export function typed<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (!ValueflowsError.isInstance(error)) throw error;
    const details = error as ValueflowsError & Record<string, unknown>;
    const extensions: Record<string, unknown> = { code: error.code };
    // `path` is GraphQL's own word for the response field, so the input's is `inputPath`.
    if (typeof details.path === 'string') extensions.inputPath = details.path;
    for (const key of ['rule', 'recordType', 'id'] as const) {
      if (typeof details[key] === 'string') extensions[key] = details[key];
    }
    throw new GraphQLError(error.message, { extensions });
  }
}

/** Every field resolver runs inside {@link typed}, so a typed error of a field reaches the client with its code. */
export function withTypedErrors<R extends Record<string, Record<string, unknown>>>(resolvers: R): R {
  for (const fields of Object.values(resolvers)) {
    for (const [name, resolve] of Object.entries(fields)) {
      if (typeof resolve !== 'function' || name.startsWith('__')) continue;
      fields[name] = (...args: unknown[]) => typed(() => (resolve as (...a: unknown[]) => unknown)(...args));
    }
  }
  return resolvers;
}
