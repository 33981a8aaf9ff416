/**
 * The agreement mutations of vf-graphql 0.8.5 (`agreement.gql`). An agreement's commitments
 * join it through their `clauseOf` (`createCommitment`, `updateCommitment`) or
 * `acceptProposal`; an agreement a commitment or an event refers to is not deleted.
 *
 * @module
 */
import type { Agreement } from '../model/agreement';
import { readAgreement } from '../parse/parse-records';
import { firstUse, type Input, merge, refuseIfUsed, requireRecord, withoutNulls } from './store-input';
import type { StoreView } from './store-view';
import type { VfStore } from './vf-store';

/** `createAgreement`: an agreement with no commitment yet. */
export function createAgreement(store: VfStore, input: Input): { agreement: Agreement } {
  const agreement = readAgreement({ ...withoutNulls(input), id: store.nextId('agreement') }, 'agreement');
  store.agreements.set(agreement.id, agreement);
  return { agreement };
}

/** `updateAgreement`: name, creation date and note; its commitments stay. */
export function updateAgreement(store: VfStore, input: Input): { agreement: Agreement } {
  const id = String(input.id);
  const old = requireRecord(store.agreements, 'Agreement', id, 'agreement.id');
  const agreement = readAgreement(merge(old, { ...input, id }), 'agreement');
  store.agreements.set(id, agreement);
  return { agreement };
}

/** `deleteAgreement`: refused while a commitment is a clause of it or an event realises it. */
export function deleteAgreement(store: VfStore, view: StoreView, id: string): boolean {
  requireRecord(store.agreements, 'Agreement', id, 'id');
  refuseIfUsed(
    firstUse(
      store.commitments.values(),
      (c) => c.clauseOf === id || c.reciprocalClauseOf === id,
      (c) => `commitment ${c.id}`,
    ) ??
      firstUse(
        view.events(),
        (e) => e.realizationOf === id || e.reciprocalRealizationOf === id,
        (e) => `economic event ${e.id}`,
      ),
    `agreement ${id}`,
  );
  store.agreements.delete(id);
  return true;
}
