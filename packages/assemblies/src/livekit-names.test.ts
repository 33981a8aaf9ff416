import { describe, expect, it } from 'vitest';
import { livekitRoomName, participantIdentity, userOfIdentity } from './livekit-names';

describe('MatrixRTC names on LiveKit (MSC4195)', () => {
  // Expected values computed independently with Python:
  // base64(sha256(json.dumps([room, slot], separators=(',', ':'), ensure_ascii=False))).rstrip('=')
  it('names the LiveKit room by the hash of the canonical [room_id, slot_id]', async () => {
    await expect(livekitRoomName('!OGEhHVWSdvArJzumhm:matrix.org')).resolves.toBe(
      'JOb1mnlhY07UVOIJdPh/AEPm+w4MRxGUfOnyBrrdTBo',
    );
    await expect(livekitRoomName('!rÉunion:hs', 'm.call#ROOM')).resolves.toBe(
      'VZb3DLNqSkoeUt1y8KXqAJA3bZaUJ8mjYyou9z85nPs',
    );
  });

  it('reads the Matrix user back from an identity, server ports included', () => {
    const identity = participantIdentity('@ana:localhost:8448', 'DEVICE');
    expect(identity).toBe('@ana:localhost:8448:DEVICE');
    expect(userOfIdentity(identity)).toBe('@ana:localhost:8448');
    expect(userOfIdentity('not-a-user:DEVICE')).toBeUndefined();
    expect(userOfIdentity('nocolon')).toBeUndefined();
  });
});
