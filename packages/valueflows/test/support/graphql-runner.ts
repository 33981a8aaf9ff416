/**
 * Test support for the GraphQL suites: running an operation that must succeed, reading the
 * typed error of one that must be refused, and comparing a store before and after.
 *
 * @module
 */
import { type GraphQLSchema, graphql } from 'graphql';
import { expect } from 'vitest';
import type { VfStore } from '../../src/graphql/vf-store';

/**
 * @param schema - the executable schema.
 * @returns a function running an operation, failing the test on any error, giving its data.
 */
export function runner(schema: GraphQLSchema) {
  return async (source: string, variableValues?: Record<string, unknown>) => {
    const result = await graphql({ schema, source, variableValues });
    expect(result.errors, source).toBeUndefined();
    return result.data as Record<string, Record<string, unknown>>;
  };
}

/** What a refused mutation reports: the extensions of its first error (its data is null). */
export async function refusal(schema: GraphQLSchema, source: string) {
  const result = await graphql({ schema, source });
  expect(result.data?.[Object.keys(result.data ?? {})[0] ?? ''] ?? null).toBeNull();
  return result.errors?.[0]?.extensions as Record<string, unknown>;
}

/** The records of a store, as comparable values. */
export function snapshot(store: VfStore) {
  const { nextId: _, ...maps } = store;
  return structuredClone(maps);
}
