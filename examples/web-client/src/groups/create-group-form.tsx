/**
 * @module
 * The form that creates a group: name, description, parent group, encryption of its chat, and how
 * it decides at first (its initial control table).
 */
import type { CountingMethodName } from '@imago/governance';
import type { MatrixClient } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { routeHref } from '../app/use-hash-route';
import { DEFAULT_RULE } from '../governance/initial-control-table';
import { METHOD_LABELS } from '../governance/labels';
import { createGroup } from './create-group';
import type { Group } from './group';

/** Props of {@link CreateGroupForm}. */
export interface CreateGroupFormProps {
  client: MatrixClient;
  /** Groups the new one may be a sub-group of. */
  groups: Group[];
}

const MINUTE = 60_000;

/** Creates a group and opens it. */
export function CreateGroupForm({ client, groups }: CreateGroupFormProps) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [encryptedChat, setEncryptedChat] = useState(true);
  const [parentId, setParentId] = useState('');
  const [protocol, setProtocol] = useState<'democracy' | 'consensus' | 'consent'>('democracy');
  const [method, setMethod] = useState<CountingMethodName>(DEFAULT_RULE.method);
  const [ballot, setBallot] = useState<'public' | 'secret'>(DEFAULT_RULE.ballot);
  const [minutes, setMinutes] = useState(String(DEFAULT_RULE.duration / MINUTE));
  const [delegation, setDelegation] = useState(DEFAULT_RULE.delegation);
  const [service, setService] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const parents = groups.filter((group) => group.membership === 'join');

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { spaceId } = await createGroup(client, {
        name: name.trim(),
        description: description.trim(),
        encryptedChat,
        ...(parentId ? { parentId } : {}),
        rule: { protocol, method, ballot, duration: Number(minutes) * MINUTE, delegation, grades: 5 },
        ...(service.trim() ? { service: service.trim() } : {}),
      });
      location.hash = routeHref('groups', spaceId, 'chat');
    } catch (cause) {
      console.error('group creation failed', cause);
      setError('The group could not be created. Try again.');
      setBusy(false);
    }
  };

  return (
    <form class="card stack" onSubmit={submit} aria-labelledby="create-group-title">
      <h2 id="create-group-title">Create a group</h2>
      <label for="group-name">Name</label>
      <input
        id="group-name"
        name="name"
        required
        maxLength={120}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <label for="group-description">What the group is about</label>
      <textarea
        id="group-description"
        name="description"
        rows={2}
        maxLength={500}
        value={description}
        onInput={(e) => setDescription(e.currentTarget.value)}
      />
      {parents.length > 0 && (
        <>
          <label for="group-parent">Sub-group of</label>
          <select id="group-parent" value={parentId} onChange={(e) => setParentId(e.currentTarget.value)}>
            <option value="">None</option>
            {parents.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={encryptedChat}
          onChange={(e) => setEncryptedChat(e.currentTarget.checked)}
        />
        Encrypt the group's chat end to end
      </label>
      <label for="group-service">Service acting for the group (Matrix user id, optional)</label>
      <input
        id="group-service"
        name="service"
        pattern="@[^:\s]+:\S+"
        placeholder="@imago-service:example.org"
        aria-describedby="group-service-help"
        value={service}
        onInput={(e) => setService(e.currentTarget.value)}
      />
      <p id="group-service-help" class="muted">
        With you, it is the group's authority: it closes decisions, runs secret ballots and speaks for the
        group. Changing the authority later takes a decision of the group.
      </p>
      <fieldset class="stack">
        <legend>How the group decides</legend>
        <label for="rule-protocol">Protocol</label>
        <select
          id="rule-protocol"
          value={protocol}
          onChange={(e) => setProtocol(e.currentTarget.value as 'democracy' | 'consensus' | 'consent')}
        >
          <option value="democracy">A vote (democracy)</option>
          <option value="consensus">Consensus: adopted unless someone blocks</option>
          <option value="consent">Consent: adopted unless a paramount objection stands</option>
        </select>
        {protocol === 'democracy' && (
          <>
            <label for="rule-method">Counting method</label>
            <select
              id="rule-method"
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value as CountingMethodName)}
            >
              {Object.entries(METHOD_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <span id="rule-ballot-label" class="label">
              Ballot
            </span>
            <div role="radiogroup" aria-labelledby="rule-ballot-label" class="row-start">
              <label class="check">
                <input
                  type="radio"
                  name="rule-ballot"
                  value="public"
                  checked={ballot === 'public'}
                  onChange={() => setBallot('public')}
                />
                Public
              </label>
              <label class="check">
                <input
                  type="radio"
                  name="rule-ballot"
                  value="secret"
                  checked={ballot === 'secret'}
                  onChange={() => setBallot('secret')}
                />
                Secret (Helios-C, encrypted in the browser)
              </label>
            </div>
          </>
        )}
        <label for="rule-minutes">Decision period (minutes)</label>
        <input
          id="rule-minutes"
          type="number"
          min="0.1"
          step="any"
          required
          inputMode="decimal"
          value={minutes}
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
        <label class="check">
          <input
            type="checkbox"
            checked={delegation}
            onChange={(e) => setDelegation(e.currentTarget.checked)}
          />
          Members may delegate their vote
        </label>
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create the group'}
      </button>
    </form>
  );
}
