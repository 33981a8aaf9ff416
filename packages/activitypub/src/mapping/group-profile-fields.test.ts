import type { GroupProfile } from '@imago/matrix-binding';
import { describe, expect, it } from 'vitest';
import { actorProfileFields, profileFromActor } from './group-profile-fields';

const profile: GroupProfile = {
  name: 'Jardin partagé',
  description: 'Un jardin à Villeurbanne.',
  places: ['Q582'],
  themes: ['Q48803', 'Q132580'],
  coordinates: { lat: 45.7719, lon: 4.8902 },
  blocks: ['!blocked:example.org'],
  accepts: ['offer'],
};

describe('group profiles and ActivityStreams actors, both ways', () => {
  it('writes themes as tag links and places as attachment links to Wikidata', () => {
    const fields = actorProfileFields(profile);
    expect(fields.tag.map((t) => t.href)).toEqual([
      'https://www.wikidata.org/wiki/Q48803',
      'https://www.wikidata.org/wiki/Q132580',
    ]);
    expect(fields.attachment).toEqual([
      { type: 'Link', href: 'https://www.wikidata.org/wiki/Q582', name: 'Q582', rel: 'place' },
    ]);
    expect(fields.location).toEqual({ type: 'Place', latitude: 45.7719, longitude: 4.8902 });
  });

  it('reads back what ActivityPub carries; announcement filters stay on Matrix', () => {
    expect(profileFromActor({ type: 'Group', ...actorProfileFields(profile) })).toEqual({
      name: profile.name,
      description: profile.description,
      places: profile.places,
      themes: profile.themes,
      coordinates: profile.coordinates,
      blocks: [],
    });
  });

  it('reads a remote group, leaving out links that are not Wikidata items and bad coordinates', () => {
    expect(
      profileFromActor({
        type: 'Group',
        preferredUsername: 'velo',
        tag: [
          { type: 'Hashtag', href: 'https://lemmy.example/tag/bikes' },
          { href: 'http://www.wikidata.org/entity/Q11442' },
        ],
        attachment: 'https://www.wikidata.org/wiki/Q90',
        location: { type: 'Place', latitude: 123, longitude: 2 },
      }),
    ).toEqual({ name: 'velo', places: ['Q90'], themes: ['Q11442'], blocks: [] });
    expect(profileFromActor({ type: 'Group' })).toBeUndefined();
    expect(profileFromActor('https://example.org/g')).toBeUndefined();
  });
});
