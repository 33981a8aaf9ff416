/**
 * @module
 * A group's offers and needs: ValueFlows proposals (`vf:Proposal` with one published intent)
 * recorded in the group's decisions room with `@imago/matrix-binding`'s `publishProposal`, read
 * back with `replayResources` (which takes an entry only from a sender who may speak for its side:
 * the others are listed for audit, never shown as the group's), and optionally announced to the closest related groups with
 * `announce` (propagation by `@imago/graph`).
 */
import {
  announce,
  consentedRelations,
  type MatrixClient,
  publishProposal,
  replayResources,
} from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { AuditList } from '../app/audit-list';
import { FormMessage } from '../app/form-message';
import { type Group, readGroups } from '../groups/group';
import { useRoomFollower } from '../matrix/use-room-follower';

/** Units offered in the form (OM2 local names) with their names for people. */
const UNITS: Record<string, string> = { one: 'items', kilogram: 'kg', litre: 'litres', hour: 'hours' };

/** Props of {@link ResourcesPanel}. */
export interface ResourcesPanelProps {
  client: MatrixClient;
  group: Group;
}

/** The offers-and-needs tab of a group. */
export function ResourcesPanel({ client, group }: ResourcesPanelProps) {
  const roomId = group.decisionsRoomId;
  const { complete, log } = useRoomFollower(client, roomId, group.view.authority?.authority);
  const [purpose, setPurpose] = useState<'offer' | 'request'>('offer');
  const [name, setName] = useState('');
  const [resource, setResource] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [unit, setUnit] = useState('one');
  const [note, setNote] = useState('');
  const [spread, setSpread] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  if (!roomId) return <p>This group has no room for its resources.</p>;
  const replay = replayResources(log, { group: group.view });
  const proposals = [...replay.proposals].reverse();

  const submit = async (event: Event) => {
    event.preventDefault();
    const amount = Number(quantity);
    if (!Number.isFinite(amount) || amount <= 0) {
      setMessage({ ok: false, text: 'The quantity must be a positive number.' });
      return;
    }
    setBusy(true);
    setMessage(undefined);
    try {
      const title = name.trim();
      const proposalEvent = await publishProposal(client, roomId, {
        purpose,
        name: title,
        ...(note.trim() ? { note: note.trim() } : {}),
        unitBased: false,
        proposer: group.id,
        created: new Date().toISOString(),
        publishes: [
          {
            id: 'intent-1',
            action: 'transfer',
            ...(purpose === 'offer' ? { provider: group.id } : { receiver: group.id }),
            resourceClassifiedAs: [resource.trim() || title],
            resourceQuantity: { hasNumericalValue: amount, hasUnit: unit },
          },
        ],
        reciprocal: [],
      });
      let reached = 0;
      if (spread) {
        const groups = readGroups(client);
        const relations = consentedRelations(new Map(groups.map((g) => [g.id, g.view.relations])));
        const { deliveries } = await announce(client, {
          from: group.view,
          groups: groups.filter((g) => g.membership === 'join').map((g) => g.view),
          relations,
          announcement: {
            kind: purpose === 'offer' ? 'offer' : 'need',
            title,
            body: `${amount} ${UNITS[unit] ?? unit} of ${resource.trim() || title}${note.trim() ? ` — ${note.trim()}` : ''}`,
            payload: { proposal: proposalEvent },
          },
          criteria: { by: 'relation', maxHops: 2 },
        });
        reached = deliveries.filter((d) => d.eventId).length;
      }
      setName('');
      setResource('');
      setNote('');
      setMessage({
        ok: true,
        text: `Published${spread ? `, and announced to ${reached} related group${reached === 1 ? '' : 's'}` : ''}.`,
      });
    } catch {
      setMessage({ ok: false, text: 'Not published. Try again.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="resources-title">
      <h2 id="resources-title">Offers and needs</h2>
      {!complete && <p role="status">Loading…</p>}
      {complete && proposals.length === 0 && <p>No offer or need yet.</p>}
      <ul class="plain-list" aria-label="Offers and needs of the group">
        {proposals.map(({ eventId, proposal }) => {
          const intent = proposal.publishes[0];
          const q = intent?.resourceQuantity;
          return (
            <li key={eventId}>
              <span class={`badge ${proposal.purpose === 'offer' ? 'ok' : ''}`}>
                {proposal.purpose === 'offer' ? 'Offer' : 'Need'}
              </span>{' '}
              <strong>{proposal.name ?? intent?.resourceClassifiedAs?.[0] ?? 'Resource'}</strong>
              {q && (
                <>
                  {' '}
                  — {q.hasNumericalValue} {UNITS[q.hasUnit] ?? q.hasUnit}
                  {intent?.resourceClassifiedAs?.[0] ? ` of ${intent.resourceClassifiedAs[0]}` : ''}
                </>
              )}
              {proposal.note && <p class="muted">{proposal.note}</p>}
            </li>
          );
        })}
      </ul>
      <AuditList warnings={replay.warnings} what="ledger entries" one="ledger entry" />
      <form class="card stack" onSubmit={submit} aria-labelledby="publish-resource-title">
        <h3 id="publish-resource-title">Publish an offer or a need</h3>
        <span id="purpose-label" class="label">
          The group
        </span>
        <div role="radiogroup" aria-labelledby="purpose-label" class="row-start">
          <label class="check">
            <input
              type="radio"
              name="purpose"
              checked={purpose === 'offer'}
              onChange={() => setPurpose('offer')}
            />
            offers
          </label>
          <label class="check">
            <input
              type="radio"
              name="purpose"
              checked={purpose === 'request'}
              onChange={() => setPurpose('request')}
            />
            needs
          </label>
        </div>
        <label for="resource-name">Title</label>
        <input
          id="resource-name"
          required
          maxLength={200}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <label for="resource-kind">What (resource)</label>
        <input
          id="resource-kind"
          maxLength={200}
          value={resource}
          onInput={(e) => setResource(e.currentTarget.value)}
        />
        <div class="row-start">
          <label class="stack">
            Quantity
            <input
              type="number"
              min="0"
              step="any"
              inputMode="decimal"
              required
              value={quantity}
              onInput={(e) => setQuantity(e.currentTarget.value)}
            />
          </label>
          <label class="stack">
            Unit
            <select value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
              {Object.entries(UNITS).map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label for="resource-note">Details</label>
        <textarea id="resource-note" rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        <label class="check">
          <input type="checkbox" checked={spread} onChange={(e) => setSpread(e.currentTarget.checked)} />
          Announce it to the related groups
        </label>
        <FormMessage message={message} />
        <button type="submit" disabled={busy}>
          {busy ? 'Publishing…' : 'Publish'}
        </button>
      </form>
    </section>
  );
}
