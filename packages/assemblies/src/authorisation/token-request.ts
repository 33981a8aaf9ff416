/**
 * @module
 * The body of an MSC4195 `get_token` request as MatrixRTC clients send it to an authorisation
 * service (the shape Element Call and lk-jwt-service use): the room and slot, the member's
 * OpenID token, and the member's claimed user, device and membership ids. Parsed at this one
 * boundary; everything in it is untrusted until the OpenID token is checked.
 */

/** A parsed `get_token` request. */
export interface TokenRequest {
  readonly roomId: string;
  readonly slotId: string;
  readonly openIdToken: { readonly access_token: string; readonly matrix_server_name: string };
  readonly member: {
    readonly id: string;
    readonly claimedUserId: string;
    readonly claimedDeviceId: string;
  };
}

/** What is wrong with a request: the field's path (Matrix error code `M_BAD_JSON`). */
export interface TokenRequestProblem {
  readonly code: 'bad-json';
  readonly path: string;
}

const MAX = 1_000;

function text(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX;
}

function object(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Parses a `get_token` request body.
 *
 * @param body - the JSON body (untrusted).
 * @returns the request, or the path of the first bad field.
 */
export function parseTokenRequest(
  body: unknown,
): { ok: true; value: TokenRequest } | { ok: false; error: TokenRequestProblem } {
  const fail = (path: string) => ({ ok: false as const, error: { code: 'bad-json' as const, path } });
  const root = object(body);
  if (!root) return fail('$');
  if (!text(root.room_id) || !root.room_id.startsWith('!')) return fail('room_id');
  if (!text(root.slot_id)) return fail('slot_id');
  const token = object(root.openid_token);
  if (!token) return fail('openid_token');
  if (!text(token.access_token)) return fail('openid_token.access_token');
  if (!text(token.matrix_server_name)) return fail('openid_token.matrix_server_name');
  const member = object(root.member);
  if (!member) return fail('member');
  if (!text(member.id)) return fail('member.id');
  if (!text(member.claimed_user_id)) return fail('member.claimed_user_id');
  if (!text(member.claimed_device_id) || member.claimed_device_id.includes(':'))
    return fail('member.claimed_device_id');
  return {
    ok: true,
    value: {
      roomId: root.room_id,
      slotId: root.slot_id,
      openIdToken: { access_token: token.access_token, matrix_server_name: token.matrix_server_name },
      member: {
        id: member.id,
        claimedUserId: member.claimed_user_id,
        claimedDeviceId: member.claimed_device_id,
      },
    },
  };
}
