/**
 * Test support for the suites that read field values: a query on the bakery fixture (read only)
 * that must answer without errors, and the ids of a list.
 *
 * @module
 */
import { graphql } from 'graphql';
import { expect } from 'vitest';
import { createVfSchema } from '../../src/graphql/executable-schema';
import { createBakeryStore } from '../bakery/bakery-store';

export const schema = createVfSchema(createBakeryStore());

export async function query(source: string): Promise<Record<string, unknown>> {
  const result = await graphql({ schema, source });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

export const ids = (list: unknown) => (list as { id: string }[]).map((x) => x.id);
