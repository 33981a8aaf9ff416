/**
 * @module
 * Proposing a decision (`org.imago.governance.propose`): a title, the kind of action, and the
 * options voted on (none: a yes/no motion). The control table says which protocol decides it; a
 * secret vote whose rule names no trustees needs the proposal to name them (members who will make
 * and keep a decryption key in their own client; with a threshold, any that many of them decrypt
 * with the group's authority).
 */
import { ActionKinds, type ControlTable, ruleFor } from '@imago/governance';
import { type MatrixClient, propose } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { FormMessage } from '../app/form-message';
import { ruleSummary } from './rule-summary';

/** Kinds of action offered in the form, with their names for people. */
export const KIND_LABELS: Record<string, string> = {
  [ActionKinds.publishText]: 'Publish on behalf of the group',
  [ActionKinds.spendResource]: 'Spend a resource',
  [ActionKinds.publishOffer]: 'Publish an offer',
  [ActionKinds.publishNeed]: 'Publish a need',
  [ActionKinds.createRelation]: 'Create a relation with another group',
  [ActionKinds.admitMember]: 'Admit a member',
  [ActionKinds.changeProfile]: 'Change the group profile',
};

/** Props of {@link ProposeForm}. */
export interface ProposeFormProps {
  client: MatrixClient;
  decisionsRoomId: string;
  table: ControlTable;
}

/** The form to propose a decision. */
export function ProposeForm({ client, decisionsRoomId, table }: ProposeFormProps) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>(ActionKinds.publishText);
  const [options, setOptions] = useState('');
  const [trustees, setTrustees] = useState('');
  const [threshold, setThreshold] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const rule = ruleFor(table, kind);
  const namesTrustees =
    rule?.protocol === 'democracy' && rule.ballot === 'secret' && rule.trustees === undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    const list = options
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (list.length === 1) {
      setMessage({ ok: false, text: 'Give at least two options, or none for a yes/no motion.' });
      return;
    }
    const members = trustees
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const t = Number(threshold);
    if (namesTrustees && members.length === 0) {
      setMessage({ ok: false, text: 'Name the trustees of this secret vote (one Matrix id per line).' });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      await propose(client, decisionsRoomId, {
        kind,
        title: title.trim(),
        action: { text: title.trim() },
        ...(list.length > 0 ? { options: list } : {}),
        ...(namesTrustees
          ? {
              trustees: {
                members,
                ...(members.length > 1 && Number.isInteger(t) && t > 0 ? { threshold: t } : {}),
              },
            }
          : {}),
      });
      setTitle('');
      setOptions('');
      setTrustees('');
      setThreshold('');
      setMessage({ ok: true, text: 'Proposed.' });
    } catch {
      setMessage({ ok: false, text: 'The proposal was not sent. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card stack" onSubmit={submit} aria-labelledby="propose-title">
      <h3 id="propose-title">Propose a decision</h3>
      <label for="proposal-title">Title</label>
      <input
        id="proposal-title"
        required
        maxLength={200}
        value={title}
        onInput={(e) => setTitle(e.currentTarget.value)}
      />
      <label for="proposal-kind">Kind of action</label>
      <select id="proposal-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
        {Object.entries(KIND_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <p class="muted" id="proposal-rule">
        {rule ? `Decided by: ${ruleSummary(rule)}.` : 'The control table does not allow this kind of action.'}
      </p>
      <label for="proposal-options">Options, one per line (leave empty for a yes/no motion)</label>
      <textarea
        id="proposal-options"
        rows={3}
        value={options}
        onInput={(e) => setOptions(e.currentTarget.value)}
      />
      {namesTrustees && (
        <>
          <label for="proposal-trustees">Trustees of the secret vote, one Matrix id per line</label>
          <textarea
            id="proposal-trustees"
            rows={3}
            value={trustees}
            onInput={(e) => setTrustees(e.currentTarget.value)}
          />
          <label for="proposal-threshold">How many of them must decrypt (empty: all)</label>
          <input
            id="proposal-threshold"
            type="number"
            min={1}
            value={threshold}
            onInput={(e) => setThreshold(e.currentTarget.value)}
          />
        </>
      )}
      <FormMessage message={message} />
      <button type="submit" disabled={busy || !rule}>
        {busy ? 'Proposing…' : 'Propose'}
      </button>
    </form>
  );
}
