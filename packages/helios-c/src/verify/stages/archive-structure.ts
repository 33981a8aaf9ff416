/**
 * The archive's structure (Belenios 2.0 specification §3.5, §4.20): file names against content
 * hashes, the event hash chain, heights, the order of event types and payloads.
 *
 * @module
 */
import type { Archive, ArchiveEvent } from '../../archive/archive';
import type { VerificationIssue } from '../verification-issue';
import { eventLocation } from './event-location';

const typeOrder: Record<ArchiveEvent['type'], number> = {
  Setup: 0,
  Ballot: 1,
  EndBallots: 2,
  EncryptedTally: 3,
  Shuffle: 4,
  EndShuffles: 5,
  PartialDecryption: 6,
  Result: 7,
};

/**
 * Checks file names against content hashes, the hash chain, heights, event order and payloads.
 * @param archive - the archive
 * @returns the structural issues
 */
export function verifyArchiveStructure(archive: Archive): VerificationIssue[] {
  const issues: VerificationIssue[] = [];
  for (const m of archive.misnamed) {
    issues.push({
      check: 'archive.file_hash',
      where: `${m.name} at byte ${m.offset}`,
      message: `content hash is ${m.actualHash}`,
    });
  }
  let previous: ArchiveEvent | undefined;
  for (const [i, e] of archive.events.entries()) {
    const at = eventLocation(e, i);
    if (e.height !== i)
      issues.push({ check: 'archive.chain', where: at, message: `height ${e.height}, expected ${i}` });
    if (previous === undefined) {
      if (e.parent !== undefined)
        issues.push({ check: 'archive.chain', where: at, message: 'first event has a parent' });
      if (e.type !== 'Setup')
        issues.push({ check: 'archive.event_order', where: at, message: 'first event is not Setup' });
    } else {
      if (e.parent !== previous.hash)
        issues.push({
          check: 'archive.chain',
          where: at,
          message: `parent is not the previous event ${previous.hash}`,
        });
      const before = typeOrder[previous.type];
      const now = typeOrder[e.type];
      const repeatable = e.type === 'Ballot' || e.type === 'Shuffle' || e.type === 'PartialDecryption';
      if (now < before || (now === before && !repeatable) || e.type === 'Setup') {
        issues.push({
          check: 'archive.event_order',
          where: at,
          message: `${e.type} cannot follow ${previous.type}`,
        });
      }
    }
    const needsPayload = !(e.type === 'EndBallots' || e.type === 'EndShuffles');
    if (needsPayload && e.payload === undefined)
      issues.push({ check: 'archive.payload', where: at, message: 'missing payload' });
    if (!needsPayload && e.payload !== undefined)
      issues.push({ check: 'archive.payload', where: at, message: 'unexpected payload' });
    if (e.payload !== undefined && !archive.data.has(e.payload))
      issues.push({ check: 'archive.payload', where: at, message: 'payload not in archive' });
    previous = e;
  }
  return issues;
}
