import { describe, expect, it } from 'vitest';
import { eventSpecs, isRelevant, maxBytesOf } from './event-registry';
import { DEFAULT_MAX_CONTENT_BYTES, LARGE_MAX_CONTENT_BYTES } from './event-spec';
import { ImagoEventTypes, MatrixEventTypes } from './event-types';
import { DomainEventPrefixes } from './imago-event';

const domainPrefixes = Object.values(DomainEventPrefixes);

describe('the event registry', () => {
  it('has a reader for every org.imago type the binding names, or leaves it to a domain package', () => {
    for (const type of Object.values(ImagoEventTypes)) {
      const read = eventSpecs.has(type) || domainPrefixes.some((prefix) => type.startsWith(prefix));
      expect(read, type).toBe(true);
    }
  });

  it('reads every registered type and no Matrix type it has no reader for', () => {
    for (const type of eventSpecs.keys()) expect(isRelevant(type), type).toBe(true);
    expect(isRelevant(MatrixEventTypes.encrypted)).toBe(true);
    for (const type of [MatrixEventTypes.message, MatrixEventTypes.powerLevels, 'm.room.topic']) {
      expect(isRelevant(type), type).toBe(false);
    }
    expect(isRelevant('org.imago.not-yet')).toBe(true);
  });

  it('gives the large limit to control tables, minutes and governance and Helios content only', () => {
    const large = [
      ImagoEventTypes.controlTable,
      ImagoEventTypes.debateMinutes,
      ImagoEventTypes.delegations,
      'org.imago.helios.ballot',
    ];
    for (const type of large) expect(maxBytesOf(type), type).toBe(LARGE_MAX_CONTENT_BYTES);
    for (const type of [
      ImagoEventTypes.group,
      ImagoEventTypes.announcement,
      'org.imago.vf.event',
      MatrixEventTypes.member,
    ]) {
      expect(maxBytesOf(type), type).toBe(DEFAULT_MAX_CONTENT_BYTES);
    }
  });
});
