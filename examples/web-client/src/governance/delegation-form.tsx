/**
 * @module
 * Liquid democracy: delegate one's vote, for the whole group or one kind of action, to another
 * member or to a whole group (a sub-group decides for its members' share); or revoke it. The
 * delegations are the member's own state event (`org.imago.governance.delegations`, keyed by their
 * user id, so nobody else can change it). A direct vote always overrides one's delegation.
 */
import {
  type Delegation,
  type DelegationScope,
  type DelegationTarget,
  type MatrixClient,
  scopeKey,
  setDelegations,
} from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { FormMessage } from '../app/form-message';
import { KIND_LABELS } from './propose-form';

/** Props of {@link DelegationForm}. */
export interface DelegationFormProps {
  client: MatrixClient;
  decisionsRoomId: string;
  /** Other members of the group. */
  members: { userId: string; name: string }[];
  /** Groups one may delegate to (sub-groups), by space id. */
  groups: { id: string; name: string }[];
  /** The person's current delegations. */
  current: readonly Delegation[];
}

function targetText(
  target: DelegationTarget,
  members: DelegationFormProps['members'],
  groups: DelegationFormProps['groups'],
) {
  if ('member' in target) return members.find((m) => m.userId === target.member)?.name ?? target.member;
  return `the group ${groups.find((g) => g.id === target.group)?.name ?? target.group}`;
}

/** The delegation form and the list of the person's delegations. */
export function DelegationForm({ client, decisionsRoomId, members, groups, current }: DelegationFormProps) {
  const [scope, setScope] = useState('group');
  const [to, setTo] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();

  const scopeOf = (value: string): DelegationScope =>
    value === 'group' ? { type: 'group' } : { type: 'kind', kind: value };
  const save = async (delegations: readonly Delegation[], done: string) => {
    try {
      await setDelegations(client, decisionsRoomId, delegations);
      setMessage({ ok: true, text: done });
    } catch {
      setMessage({ ok: false, text: 'Not sent. Try again.' });
    }
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!to) return;
    const target: DelegationTarget = to.startsWith('@') ? { member: to } : { group: to };
    const chosen = scopeOf(scope);
    await save(
      [...current.filter((d) => scopeKey(d.scope) !== scopeKey(chosen)), { scope: chosen, to: target }],
      `Delegated to ${targetText(target, members, groups)}.`,
    );
  };

  const existing = current.map((d) => ({
    label:
      d.scope.type === 'group'
        ? 'All decisions'
        : d.scope.type === 'kind'
          ? (KIND_LABELS[d.scope.kind] ?? d.scope.kind)
          : 'One decision',
    scope: d.scope,
    target: d.to,
  }));

  return (
    <section class="card" aria-labelledby="delegation-title">
      <h3 id="delegation-title">Delegate my vote</h3>
      {existing.length > 0 && (
        <ul class="plain-list">
          {existing.map((d) => (
            <li key={d.label} class="row">
              <span>
                {d.label}: delegated to {targetText(d.target, members, groups)}
              </span>
              <button
                type="button"
                class="secondary"
                onClick={() =>
                  save(
                    current.filter((other) => scopeKey(other.scope) !== scopeKey(d.scope)),
                    'Delegation revoked.',
                  )
                }
              >
                Revoke ({d.label})
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="stack" onSubmit={submit}>
        <label for="delegation-scope">For</label>
        <select id="delegation-scope" value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
          <option value="group">All decisions of the group</option>
          {Object.entries(KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label for="delegation-to">To</label>
        <select id="delegation-to" required value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          <option value="">Choose a member or a group</option>
          <optgroup label="Members">
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name} ({m.userId})
              </option>
            ))}
          </optgroup>
          {groups.length > 0 && (
            <optgroup label="Groups">
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        <FormMessage message={message} />
        <button type="submit">Delegate</button>
      </form>
    </section>
  );
}
