/**
 * @module
 * A group's relations with other groups: each side asserts a typed relation in its own space
 * (`org.imago.relation`), and a relation counts once both sides assert the same type. From here an
 * administrator proposes a relation, accepts one proposed by another group, or ends one.
 */
import {
  assertRelation,
  consentedRelations,
  endRelation,
  type MatrixClient,
  RELATION_TYPE_PATTERN,
} from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { FormMessage } from '../app/form-message';
import { type Group, readGroups } from './group';

/** Relation types offered in the form (any lower-case word is allowed). */
const RELATION_TYPES = ['partner', 'follows', 'same-place', 'same-themes'] as const;

/** Props of {@link RelationsPanel}. */
export interface RelationsPanelProps {
  client: MatrixClient;
  group: Group;
}

/** The relations tab of a group. */
export function RelationsPanel({ client, group }: RelationsPanelProps) {
  const groups = readGroups(client);
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const relations = consentedRelations(new Map(groups.map((g) => [g.id, g.view.relations]))).filter(
    (r) => r.a === group.id || r.b === group.id,
  );
  const others = groups.filter((g) => g.id !== group.id && g.membership === 'join');
  const [target, setTarget] = useState('');
  const [type, setType] = useState<string>('partner');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();

  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      setMessage({ ok: true, text: done });
    } catch {
      setMessage({ ok: false, text: 'Refused: only the group’s administrators and moderators may do this.' });
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!RELATION_TYPE_PATTERN.test(type)) {
      setMessage({ ok: false, text: 'A relation type is lower-case words joined by dashes.' });
      return;
    }
    await act(
      () => assertRelation(client, group.id, target, type),
      `Relation “${type}” asserted towards ${names.get(target) ?? target}.`,
    );
  };

  return (
    <section aria-labelledby="relations-title">
      <h2 id="relations-title">Relations</h2>
      {relations.length === 0 ? (
        <p>No relation yet.</p>
      ) : (
        <ul class="plain-list">
          {relations.map((r) => {
            const other = r.a === group.id ? r.b : r.a;
            const otherName = names.get(other) ?? other;
            const theyPropose = r.status === 'proposed' && r.proposedBy === other;
            return (
              <li key={`${other}-${r.type}`} class="row">
                <span>
                  {r.type} — {otherName}{' '}
                  <span class="badge">
                    {r.status === 'accepted'
                      ? 'accepted'
                      : theyPropose
                        ? 'proposed to us'
                        : 'waiting for them'}
                  </span>
                </span>
                {theyPropose ? (
                  <button
                    type="button"
                    onClick={() => act(() => assertRelation(client, group.id, other, r.type), 'Accepted.')}
                  >
                    Accept {r.type} with {otherName}
                  </button>
                ) : (
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => act(() => endRelation(client, group.id, other), 'Ended.')}
                  >
                    End {r.type} with {otherName}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {others.length > 0 && (
        <form class="card stack" onSubmit={submit} aria-labelledby="relate-title">
          <h3 id="relate-title">Propose a relation</h3>
          <label for="relation-target">With</label>
          <select
            id="relation-target"
            required
            value={target}
            onChange={(e) => setTarget(e.currentTarget.value)}
          >
            <option value="">Choose a group</option>
            {others.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <label for="relation-type">Type</label>
          <input
            id="relation-type"
            list="relation-types"
            required
            value={type}
            onInput={(e) => setType(e.currentTarget.value)}
          />
          <datalist id="relation-types">
            {RELATION_TYPES.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <button type="submit">Propose the relation</button>
        </form>
      )}
      <FormMessage message={message} />
    </section>
  );
}
