/**
 * @module
 * The form that creates a group (a space with an encrypted chat room), optionally as a sub-group.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { useState } from 'preact/hooks';
import { routeHref } from '../app/use-hash-route';
import { createGroup } from './create-group';
import type { Group } from './group';

/** Props of {@link CreateGroupForm}. */
export interface CreateGroupFormProps {
  client: MatrixClient;
  /** Groups the new one may be a sub-group of. */
  groups: Group[];
}

/** Creates a group and opens it. */
export function CreateGroupForm({ client, groups }: CreateGroupFormProps) {
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  const [encryptedChat, setEncryptedChat] = useState(true);
  const [parentId, setParentId] = useState('');
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
        topic: topic.trim(),
        encryptedChat,
        ...(parentId ? { parentId } : {}),
      });
      location.hash = routeHref('groups', spaceId, 'chat');
    } catch {
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
      <label for="group-topic">What the group is about</label>
      <textarea
        id="group-topic"
        name="topic"
        rows={2}
        maxLength={500}
        value={topic}
        onInput={(e) => setTopic(e.currentTarget.value)}
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
