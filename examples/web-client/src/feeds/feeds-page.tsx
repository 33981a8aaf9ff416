/**
 * @module
 * Manual feeds: the person says explicitly which groups (listed, or related to one of their
 * groups) and which kinds of items they want, and reads them in plain chronological order,
 * newest first. No ranking decides what is shown (`@imago/graph/feeds` `buildFeed`).
 */

import { buildFeed, type FeedDefinition, type FeedSource } from '@imago/graph/feeds';
import { consentedRelations, groupGraph, type MatrixClient } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import { KIND_NAMES } from '../announcements/announcements-panel';
import { PageHeading } from '../app/page-heading';
import { readGroups } from '../groups/group';
import { useClientVersion } from '../matrix/use-client-version';
import { type AnnouncementItem, announcementItems } from './feed-items';
import { loadFeeds, saveFeeds } from './feed-store';

/** The feeds view. */
export function FeedsPage({ client }: { client: MatrixClient }) {
  useClientVersion(client);
  const [feeds, setFeeds] = useState(loadFeeds);
  const groups = readGroups(client).filter((g) => g.membership === 'join');
  const names = new Map(groups.map((g) => [g.id, g.name]));
  const views = groups.map((g) => g.view).filter((v) => v.profile);
  const graph = groupGraph(views, consentedRelations(new Map(views.map((v) => [v.spaceId, v.relations]))));
  const items = announcementItems(client, groups);

  const update = (next: FeedDefinition[]) => {
    saveFeeds(next);
    setFeeds(next);
  };

  return (
    <div class="page">
      <PageHeading>My feeds</PageHeading>
      <p class="lede">What you chose to follow, in the order it was published. Nothing is ranked for you.</p>
      {feeds.map((feed) => {
        let shown: AnnouncementItem[] = [];
        try {
          shown = graph.hasNode(feed.owner)
            ? (buildFeed(graph, feed, [items], { order: 'newest-first', limit: 100 }) as AnnouncementItem[])
            : [];
        } catch {
          shown = [];
        }
        const headingId = `feed-${feed.id}`;
        return (
          <section key={feed.id} class="card" aria-labelledby={headingId}>
            <div class="row">
              <h2 id={headingId}>{feed.name ?? 'Feed'}</h2>
              <button
                type="button"
                class="secondary"
                onClick={() => update(feeds.filter((f) => f.id !== feed.id))}
              >
                Delete the feed “{feed.name ?? 'Feed'}”
              </button>
            </div>
            {shown.length === 0 ? (
              <p>Nothing yet.</p>
            ) : (
              <ol class="plain-list" aria-label={`Items of ${feed.name ?? 'the feed'}`}>
                {shown.map((item) => (
                  <li key={item.id}>
                    <span class="badge">{KIND_NAMES[item.kind] ?? item.kind}</span>{' '}
                    <strong>{item.title}</strong>{' '}
                    <span class="muted">
                      from {names.get(item.group) ?? item.group},{' '}
                      <time dateTime={new Date(item.timestamp).toISOString()}>
                        {new Date(item.timestamp).toLocaleString()}
                      </time>
                    </span>
                    {item.body && <p>{item.body}</p>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
      {groups.length > 0 ? (
        <NewFeedForm groups={groups} onCreate={(feed) => update([...feeds, feed])} />
      ) : (
        <p>Join or create a group first: feeds are read from your groups.</p>
      )}
    </div>
  );
}

function NewFeedForm({
  groups,
  onCreate,
}: {
  groups: { id: string; name: string }[];
  onCreate: (feed: FeedDefinition) => void;
}) {
  const [name, setName] = useState('');
  const [owner, setOwner] = useState(groups[0]?.id ?? '');
  const [chosen, setChosen] = useState<string[]>([]);
  const [related, setRelated] = useState(true);
  const [kinds, setKinds] = useState<string[]>(['offer', 'need']);
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  const submit = (event: Event) => {
    event.preventDefault();
    const sources: FeedSource[] = [];
    const listed = chosen.includes(owner) ? chosen : [...chosen, owner];
    sources.push({ type: 'groups', groups: listed });
    if (related) sources.push({ type: 'relations', relations: [], maxHops: 1 });
    onCreate({
      id: crypto.randomUUID(),
      name: name.trim() || 'My feed',
      owner,
      sources,
      ...(kinds.length > 0 ? { kinds } : {}),
    });
    setName('');
  };

  return (
    <form class="card stack" onSubmit={submit} aria-labelledby="new-feed-title">
      <h2 id="new-feed-title">New feed</h2>
      <label for="feed-name">Name</label>
      <input
        id="feed-name"
        required
        maxLength={80}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <label for="feed-owner">Seen from the group</label>
      <select id="feed-owner" value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>From the groups</legend>
        {groups.map((g) => (
          <label class="check" key={g.id}>
            <input
              type="checkbox"
              checked={chosen.includes(g.id) || g.id === owner}
              disabled={g.id === owner}
              onChange={(e) => setChosen(toggle(chosen, g.id, e.currentTarget.checked))}
            />
            {g.name}
          </label>
        ))}
        <label class="check">
          <input type="checkbox" checked={related} onChange={(e) => setRelated(e.currentTarget.checked)} />
          and the groups related to it
        </label>
      </fieldset>
      <fieldset>
        <legend>Kinds of items</legend>
        {Object.entries(KIND_NAMES).map(([kind, label]) => (
          <label class="check" key={kind}>
            <input
              type="checkbox"
              checked={kinds.includes(kind)}
              onChange={(e) => setKinds(toggle(kinds, kind, e.currentTarget.checked))}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <button type="submit">Create the feed</button>
    </form>
  );
}
