import { describe, expect, it } from 'vitest';
import { ActivitypubError } from '../errors/activitypub-error';
import { parseAgreementOffer } from './agreement-offer';
import { htmlToText, parseReplyNote } from './reply-note';

const actor = 'https://peer.example/users/alice';
const create = (object: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: 'https://peer.example/activities/1',
  type: 'Create',
  actor,
  object: {
    id: 'https://peer.example/notes/1',
    type: 'Note',
    attributedTo: actor,
    inReplyTo: 'https://bridge.example/p',
    content: '<p>Hi</p>',
    ...object,
  },
  ...extra,
});

describe('a reply from the fediverse', () => {
  it('reads the note, its target and its audience, as text', () => {
    const result = parseReplyNote(
      create({
        audience: 'https://bridge.example/actors/g',
        content: '<p>Yes &amp; <b>thanks</b></p><p>&#128077;</p>',
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        activity: 'https://peer.example/activities/1',
        actor,
        note: 'https://peer.example/notes/1',
        inReplyTo: 'https://bridge.example/p',
        audience: ['https://bridge.example/actors/g'],
        text: 'Yes & thanks\n👍',
        public: false,
      },
    });
  });

  it('is public only when both the activity and the note are addressed to the public', () => {
    const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
    const group = 'https://bridge.example/actors/g';
    const isPublic = (note: Record<string, unknown>, activity: Record<string, unknown>) => {
      const result = parseReplyNote(create(note, activity));
      return result.ok ? result.value.public : result.error.code;
    };
    expect(isPublic({ to: [PUBLIC], cc: [group] }, { to: [PUBLIC], cc: [group] })).toBe(true);
    expect(isPublic({ cc: 'as:Public', to: group }, { cc: ['as:Public'] })).toBe(true);
    // Followers-only, direct to the group, or public in the activity but not in the note.
    expect(isPublic({ to: [`${actor}/followers`], cc: [group] }, { to: [`${actor}/followers`] })).toBe(false);
    expect(isPublic({ to: [group] }, { to: [group] })).toBe(false);
    expect(isPublic({ to: [group] }, { to: [PUBLIC] })).toBe(false);
    expect(isPublic({ to: [PUBLIC] }, {})).toBe(false);
  });

  it.each([
    ['type', { ...create({}), type: 'Update' }],
    ['object.type', create({ type: 'Article' })],
    ['object.attributedTo', create({ attributedTo: 'https://peer.example/users/mallory' })],
    ['object.inReplyTo', create({ inReplyTo: 'javascript:alert(1)' })],
    ['object.content', create({ content: '<p> </p>' })],
    ['object.content', create({ content: 'x'.repeat(70_000) })],
    ['object', { ...create({}), object: 'https://peer.example/notes/1' }],
  ])('refuses a bad %s with a typed error', (path, activity) => {
    const result = parseReplyNote(activity);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('AP_INVALID_ACTIVITY');
    expect(result.error.path).toBe(path);
    expect(ActivitypubError.isInstance(result.error)).toBe(true);
  });

  it('drops tags and keeps no markup', () => {
    expect(htmlToText('<script>alert(1)</script><a href="x">link</a><br>next')).toBe('alert(1)link\nnext');
  });
});

const offer = (stipulates: unknown) => ({
  id: 'https://peer.example/offers/1',
  type: 'Offer',
  actor,
  object: { type: 'Agreement', stipulates },
});

describe('an Offer(Agreement) (FEP-0837)', () => {
  it('reads the intent it satisfies and the quantity asked', () => {
    expect(
      parseAgreementOffer(
        offer({
          type: 'Commitment',
          satisfies: 'https://bridge.example/p#primary',
          resourceQuantity: { hasUnit: 'one', hasNumericalValue: '2' },
        }),
      ),
    ).toEqual({
      ok: true,
      value: {
        offer: 'https://peer.example/offers/1',
        actor,
        satisfies: 'https://bridge.example/p#primary',
        quantity: { hasNumericalValue: 2, hasUnit: 'one' },
      },
    });
  });

  it.each([
    ['object.stipulates', offer([])],
    ['object.stipulates.satisfies', offer({ type: 'Commitment' })],
    [
      'object.stipulates.resourceQuantity.hasNumericalValue',
      offer({
        satisfies: 'https://b/p#primary',
        resourceQuantity: { hasUnit: 'one', hasNumericalValue: '-1' },
      }),
    ],
    [
      'object.stipulates.resourceQuantity.hasNumericalValue',
      offer({
        satisfies: 'https://b/p#primary',
        resourceQuantity: { hasUnit: 'one', hasNumericalValue: '1e400' },
      }),
    ],
    ['object.stipulates.type', offer({ type: 'Intent', satisfies: 'https://b/p#primary' })],
    ['object.type', { ...offer({}), object: { type: 'Note' } }],
  ])('refuses a bad %s', (path, activity) => {
    const result = parseAgreementOffer(activity);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.path).toBe(path);
  });
});
