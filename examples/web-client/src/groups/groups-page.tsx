/**
 * @module
 * The person's groups and invitations, and the form to create a group.
 */
import type { MatrixClient } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { PageHeading } from '../app/page-heading';
import { routeHref } from '../app/use-hash-route';
import { useClientVersion } from '../matrix/use-client-version';
import { joinGroup } from './create-group';
import { CreateGroupForm } from './create-group-form';
import { readGroups } from './group';
import { KnockForm } from './knock-form';

/** The home view. */
export function GroupsPage({ client }: { client: MatrixClient }) {
  useClientVersion(client);
  const groups = readGroups(client);
  const joined = groups.filter((group) => group.membership === 'join');
  const invited = groups.filter((group) => group.membership === 'invite');
  const [joining, setJoining] = useState<string | undefined>();

  return (
    <div class="page">
      <PageHeading>Groups</PageHeading>
      {invited.length > 0 && (
        <section aria-labelledby="invitations-title" class="card">
          <h2 id="invitations-title">Invitations</h2>
          <ul class="plain-list">
            {invited.map((group) => (
              <li key={group.id} class="row">
                <span>{group.name}</span>
                <button
                  type="button"
                  disabled={joining === group.id}
                  onClick={async () => {
                    setJoining(group.id);
                    try {
                      await joinGroup(client, group.id);
                      location.hash = routeHref('groups', group.id, 'chat');
                    } finally {
                      setJoining(undefined);
                    }
                  }}
                >
                  Join {group.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="my-groups-title">
        <h2 id="my-groups-title">My groups</h2>
        {joined.length === 0 ? (
          <p>You are in no group yet. Ask to join one, create one below, or accept an invitation.</p>
        ) : (
          <ul class="group-list">
            {joined.map((group) => (
              <li key={group.id}>
                <a href={routeHref('groups', group.id, 'chat')} class="group-link">
                  <span class="group-name">{group.name}</span>
                  {group.topic && <span class="group-topic">{group.topic}</span>}
                  <span class="group-meta">
                    {group.memberCount} {group.memberCount === 1 ? 'member' : 'members'}
                    {group.view.subGroups.length > 0 && ` · ${group.view.subGroups.length} sub-groups`}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <KnockForm client={client} />
      <CreateGroupForm client={client} groups={groups} />
    </div>
  );
}
