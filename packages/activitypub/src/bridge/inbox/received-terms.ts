/**
 * @module
 * The terms of a verified activity, read from its JSON as received (Fedify's objects re-compact
 * FEP-0837's terms): the document must parse, and name as its actor the one whose signature
 * Fedify verified.
 */
import type { InvalidActivityError } from '../../errors/invalid-activity-error';
import type { BridgeLog } from '../bridge-log';

/**
 * Reads the terms of a verified activity.
 *
 * @param log - the bridge's log.
 * @param parsed - the parser's result on the activity as received.
 * @param verifiedActor - the activity's actor, as Fedify verified it.
 * @param refusal - the log word when the document does not parse.
 * @returns the terms, or `undefined` when they do not parse or name another actor.
 */
export function receivedTerms<T extends { readonly actor: string }>(
  log: BridgeLog,
  parsed: { ok: true; value: T } | { ok: false; error: InvalidActivityError },
  verifiedActor: URL | null,
  refusal: string,
): T | undefined {
  if (!parsed.ok) {
    log('warn', refusal, { path: parsed.error.path, code: parsed.error.code });
    return undefined;
  }
  return verifiedActor?.href === parsed.value.actor ? parsed.value : undefined;
}
