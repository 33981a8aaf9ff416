/**
 * The search parameters of vf-graphql 0.8.5's agent fields (`agentEventSearchParams`,
 * `agentResourceSearchParams`, `agentCommitmentSearchParams`, `agentIntentSearchParams`,
 * `agentProposalSearchParams`) and of `economicEventsFiltered`. `searchString` matches the
 * name, note (and a resource's tracking identifier), case-insensitively; dates bound the flow's
 * time (`hasPointInTime`, else `hasBeginning`, else `hasEnd`; `due` first for plans), both ends
 * included.
 *
 * @module
 */
import { normalizeActionId } from '../actions/action-table';
import { VfParseError } from '../errors/parse-error';
import { ValueflowsError } from '../errors/valueflows-error';

/** The search parameters, as graphql-js hands them over (absent ones null or undefined). */
export interface SearchParams {
  readonly searchString?: string | null;
  readonly action?: string | null;
  readonly startDate?: string | null;
  readonly endDate?: string | null;
  readonly finished?: boolean | null;
  readonly resourceClassification?: string | null;
  readonly page?: number | null;
}

interface Searchable {
  readonly name?: string;
  readonly note?: string;
  readonly trackingIdentifier?: string;
}

interface Timed {
  readonly action?: string;
  readonly due?: string;
  readonly hasPointInTime?: string;
  readonly hasBeginning?: string;
  readonly hasEnd?: string;
}

function date(value: string | null | undefined, path: string): number | undefined {
  if (value == null) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new VfParseError(path, 'expected an ISO 8601 date');
  return t;
}

function action(value: string | null | undefined, path: string): string | undefined {
  if (value == null) return undefined;
  try {
    return normalizeActionId(value);
  } catch (error) {
    if (ValueflowsError.isInstance(error)) throw new VfParseError(path, 'not a ValueFlows action');
    throw error;
  }
}

/**
 * A predicate for the parameters (checked once, before any record is looked at).
 *
 * @param params - the search parameters (or none)
 * @param path - where they are in the query, e.g. `filter`
 * @returns the predicate
 * @throws {@link VfParseError} for a bad date or action, or a `page` (vf-graphql defines no page size)
 */
export function searchFilter(
  params: SearchParams | null | undefined,
  path: string,
): (record: Searchable & Timed & { finished?: boolean; classifiedAs?: readonly string[] }) => boolean {
  if (params == null) return () => true;
  if (params.page != null)
    throw new VfParseError(`${path}.page`, 'paging is not supported: vf-graphql defines no page size');
  const text = params.searchString?.toLowerCase();
  const wanted = action(params.action, `${path}.action`);
  const start = date(params.startDate, `${path}.startDate`);
  const end = date(params.endDate, `${path}.endDate`);
  const { finished, resourceClassification } = params;
  return (r) => {
    if (text && ![r.name, r.note, r.trackingIdentifier].some((s) => s?.toLowerCase().includes(text)))
      return false;
    if (wanted !== undefined && r.action !== wanted) return false;
    if (start !== undefined || end !== undefined) {
      const at = Date.parse(r.due ?? r.hasPointInTime ?? r.hasBeginning ?? r.hasEnd ?? '');
      if (start !== undefined && !(at >= start)) return false;
      if (end !== undefined && !(at <= end)) return false;
    }
    if (finished != null && (r.finished === true) !== finished) return false;
    if (resourceClassification != null && !r.classifiedAs?.includes(resourceClassification)) return false;
    return true;
  };
}
