/**
 * The commitment mutations of vf-graphql 0.8.5 (`planning.gql`): create, update and delete a
 * commitment, the agreements whose clauses it is following along; and what still refers to it.
 *
 * Each mutation checks everything first and only then writes to the store, so a rejected one
 * changes nothing. Input goes through the package's boundary parsers; references are checked
 * against the store.
 *
 * @module
 */
import type { Agreement } from '../model/agreement';
import type { Commitment } from '../model/commitment';
import { readCommitment } from '../parse/parse-records';
import { firstUse, type Input, merge, refuseIfUsed, requireRecord, withoutNulls } from './store-input';
import type { VfStore } from './vf-store';

/** What still refers to a commitment: an event or a fulfilment fulfilling it, a satisfaction by it. */
function commitmentUser(store: VfStore, id: string): string | undefined {
  return (
    firstUse(
      store.ledger.events.values(),
      (r) => r.event.fulfills?.includes(id) === true,
      (r) => `economic event ${r.event.id}`,
    ) ??
    firstUse(
      store.fulfillments.values(),
      (x) => x.fulfills === id,
      (x) => `fulfillment ${x.id}`,
    ) ??
    firstUse(
      store.satisfactions.values(),
      (x) => x.satisfiedBy === id,
      (x) => `satisfaction ${x.id}`,
    )
  );
}

/** Whether a commitment may be deleted: nothing fulfils it and it satisfies no intent through a satisfaction. */
export function isCommitmentDeletable(store: VfStore, commitmentId: string): boolean {
  return commitmentUser(store, commitmentId) === undefined;
}

/** The commitment's agreement reference must name a known agreement. */
function checkClause(store: VfStore, c: Commitment, path: string): void {
  if (c.clauseOf !== undefined) requireRecord(store.agreements, 'Agreement', c.clauseOf, `${path}.clauseOf`);
  if (c.reciprocalClauseOf !== undefined) {
    requireRecord(store.agreements, 'Agreement', c.reciprocalClauseOf, `${path}.reciprocalClauseOf`);
  }
}

/** The agreements with `stipulates` / `stipulatesReciprocal` following the commitment's clauses. */
function agreementsFollowing(store: VfStore, c: Commitment | undefined, id: string): Agreement[] {
  const changed: Agreement[] = [];
  for (const a of store.agreements.values()) {
    const stipulates = a.stipulates.filter((x) => x !== id);
    const stipulatesReciprocal = a.stipulatesReciprocal.filter((x) => x !== id);
    if (c?.clauseOf === a.id) stipulates.push(id);
    if (c?.reciprocalClauseOf === a.id) stipulatesReciprocal.push(id);
    const same = (x: readonly string[], y: readonly string[]) =>
      x.length === y.length && x.every((v, i) => v === y[i]);
    if (!same(stipulates, a.stipulates) || !same(stipulatesReciprocal, a.stipulatesReciprocal)) {
      changed.push({ ...a, stipulates, stipulatesReciprocal });
    }
  }
  return changed;
}

function storeCommitment(store: VfStore, c: Commitment): void {
  const agreements = agreementsFollowing(store, c, c.id);
  store.commitments.set(c.id, c);
  for (const a of agreements) store.agreements.set(a.id, a);
}

/** `createCommitment(commitment: CommitmentCreateParams!)`; `clauseOf` must name a known agreement. */
export function createCommitment(store: VfStore, input: Input): { commitment: Commitment } {
  const commitment = readCommitment({ ...withoutNulls(input), id: store.nextId('commitment') }, 'commitment');
  checkClause(store, commitment, 'commitment');
  storeCommitment(store, commitment);
  return { commitment };
}

/** `updateCommitment(commitment: CommitmentUpdateParams!)`; agreements follow a changed `clauseOf`. */
export function updateCommitment(store: VfStore, input: Input): { commitment: Commitment } {
  const id = String(input.id);
  const old = requireRecord(store.commitments, 'Commitment', id, 'commitment.id');
  const commitment = readCommitment(merge(old, { ...input, id }), 'commitment');
  checkClause(store, commitment, 'commitment');
  storeCommitment(store, commitment);
  return { commitment };
}

/** `deleteCommitment(id)`: refused once an economic event fulfils it. */
export function deleteCommitment(store: VfStore, id: string): boolean {
  requireRecord(store.commitments, 'Commitment', id, 'id');
  refuseIfUsed(commitmentUser(store, id), `commitment ${id}`);
  const agreements = agreementsFollowing(store, undefined, id);
  store.commitments.delete(id);
  for (const a of agreements) store.agreements.set(a.id, a);
  return true;
}
