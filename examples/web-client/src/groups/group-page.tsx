/**
 * @module
 * One group: its name and description, and tabs for its chat, decisions, offers and needs,
 * announcements, relations and members.
 */
import type { MatrixClient } from '@imago/matrix-binding';
import { AnnouncementsPanel } from '../announcements/announcements-panel';
import { PageHeading } from '../app/page-heading';
import { routeHref } from '../app/use-hash-route';
import { AssemblyPanel } from '../assembly/assembly-panel';
import { ChatPanel } from '../chat/chat-panel';
import { DecisionsPanel } from '../governance/decisions-panel';
import { useClientVersion } from '../matrix/use-client-version';
import { ResourcesPanel } from '../resources/resources-panel';
import { readGroup } from './group';
import { MembersPanel } from './members-panel';
import { RelationsPanel } from './relations-panel';

/** Props of {@link GroupPage}. */
export interface GroupPageProps {
  client: MatrixClient;
  groupId: string;
  /** The open tab. */
  tab: string;
}

const TABS = [
  { id: 'chat', label: 'Chat' },
  { id: 'decisions', label: 'Decisions' },
  { id: 'assembly', label: 'Assembly' },
  { id: 'resources', label: 'Offers & needs' },
  { id: 'announcements', label: 'Announcements' },
  { id: 'relations', label: 'Relations' },
  { id: 'members', label: 'Members' },
] as const;

/** The view of one group. */
export function GroupPage({ client, groupId, tab }: GroupPageProps) {
  useClientVersion(client);
  const space = client.getRoom(groupId);
  if (!space) {
    return (
      <div class="page">
        <PageHeading>Group not found</PageHeading>
        <p>
          This group is not among yours. <a href={routeHref('groups')}>Back to my groups</a>
        </p>
      </div>
    );
  }
  const group = readGroup(space);
  return (
    <div class="page">
      <PageHeading>{group.name}</PageHeading>
      {group.topic && <p class="lede">{group.topic}</p>}
      <nav aria-label="Group sections" class="tabs">
        <ul>
          {TABS.map((item) => (
            <li key={item.id}>
              <a
                href={routeHref('groups', groupId, item.id)}
                aria-current={tab === item.id ? 'page' : undefined}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'members' && <MembersPanel client={client} groupId={groupId} />}
      {tab === 'decisions' && <DecisionsPanel client={client} group={group} />}
      {tab === 'assembly' && <AssemblyPanel client={client} group={group} />}
      {tab === 'relations' && <RelationsPanel client={client} group={group} />}
      {tab === 'resources' && <ResourcesPanel client={client} group={group} />}
      {tab === 'announcements' && <AnnouncementsPanel client={client} group={group} />}
      {tab === 'chat' &&
        (group.chatRoomId ? (
          <ChatPanel client={client} roomId={group.chatRoomId} />
        ) : (
          <p>This group has no chat room.</p>
        ))}
    </div>
  );
}
