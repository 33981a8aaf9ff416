/**
 * @module
 * A member trustee's side of key establishment, computed with @imago/helios-c from what the room
 * holds. A plain trustee makes a key pair and posts its public half with a proof of knowledge. A
 * threshold trustee runs Belenios' Pedersen protocol (specification §4.2): its certificate (step
 * 1); once every member trustee's certificate is in the room, its polynomial (step 3); once every
 * polynomial is in, its verification output (step 5) from its verification input, which it
 * computes itself from the room's polynomials (step 4, deterministic). The authority combines the
 * outputs into the election's threshold parameters (step 6). The secret (key or seed) never leaves
 * the trustee's device: the caller keeps it in its election store. Pure but for the random keys.
 */
import type { SecretElectionParameters } from '@imago/governance';
import {
  generateCertificate,
  generatePolynomial,
  generateTrusteeKey,
  makeVerificationInputs,
  makeVerificationOutput,
  parseCertificate,
  parsePolynomial,
  parseVerificationOutput,
  recoverDecryptionKey,
  type SignedMessage,
  serializePolynomial,
  serializeSignedMessage,
  serializeVerificationOutput,
} from '@imago/helios-c';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { electionGroup } from './election-group';
import type { TrusteeContributions } from './replay-secret-ballots';
import type { TrusteeContributionContent } from './trustee-contribution';

/** What a member trustee keeps for one decision (never sent). */
export type TrusteeSecret =
  | { readonly kind: 'plain'; readonly secretKey: string; readonly publicText: string }
  | { readonly kind: 'threshold'; readonly seed: string; readonly certificate: string };

/** The next contribution of a member trustee, and the secret it keeps (new with its first step). */
export interface DueContribution {
  readonly contribution: TrusteeContributionContent;
  readonly secret: TrusteeSecret;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!result.ok) throw result.error;
  return result.value;
}

/** The member trustees' posted texts of one step, in the decision's order, or `undefined` until all are in. */
function allPosted(
  parameters: SecretElectionParameters,
  contributions: ReadonlyMap<string, TrusteeContributions>,
  step: 'certificate' | 'polynomial',
): string[] | undefined {
  const texts = parameters.trustees.members.map((member) => contributions.get(member)?.[step]?.text);
  return texts.every((t) => t !== undefined) ? (texts as string[]) : undefined;
}

/**
 * What a member trustee posts next for a decision, if anything is due.
 *
 * @param parameters - the decision's election parameters.
 * @param me - the trustee's account.
 * @param contributions - the decision's contributions so far, by member.
 * @param secret - what the trustee kept from its first step, if it took one.
 * @returns the contribution to post and the secret to keep (store it before posting), or `undefined`.
 * @throws {@link InvalidArgumentError} when `me` is not one of the decision's trustees, or a posted
 * certificate or polynomial does not verify (key establishment cannot go on).
 */
export function dueContribution(
  parameters: SecretElectionParameters,
  me: string,
  contributions: ReadonlyMap<string, TrusteeContributions>,
  secret: TrusteeSecret | undefined,
): DueContribution | undefined {
  const index = parameters.trustees.members.indexOf(me);
  if (index < 0) throw new InvalidArgumentError(`${me} is not a trustee of ${parameters.decision}`);
  const group = electionGroup(parameters);
  const mine = contributions.get(me) ?? {};
  const decision = parameters.decision;
  const threshold = parameters.trustees.threshold;
  if (threshold === undefined) {
    if (mine.key !== undefined) return undefined;
    // A key kept but not in the room (the post failed, or has not come back yet) is posted again.
    let kept = secret?.kind === 'plain' ? secret : undefined;
    if (kept === undefined) {
      const key = generateTrusteeKey(group);
      kept = { kind: 'plain', secretKey: String(key.secretKey), publicText: key.publicText };
    }
    return { contribution: { decision, step: 'key', text: kept.publicText }, secret: kept };
  }
  if (mine.certificate === undefined) {
    let kept = secret?.kind === 'threshold' ? secret : undefined;
    if (kept === undefined) {
      const { seed, cert } = generateCertificate(group);
      kept = { kind: 'threshold', seed, certificate: serializeSignedMessage(cert) };
    }
    return { contribution: { decision, step: 'certificate', text: kept.certificate }, secret: kept };
  }
  if (secret?.kind !== 'threshold') return undefined; // a certificate this client cannot use
  const certTexts = allPosted(parameters, contributions, 'certificate');
  if (certTexts === undefined) return undefined;
  const certs: SignedMessage[] = certTexts.map((text) => must(parseCertificate(group, text)));
  if (mine.polynomial === undefined) {
    const polynomial = generatePolynomial(group, certs, secret.seed, threshold);
    return { contribution: { decision, step: 'polynomial', text: serializePolynomial(polynomial) }, secret };
  }
  const polynomialTexts = allPosted(parameters, contributions, 'polynomial');
  if (polynomialTexts === undefined || mine.verification !== undefined) return undefined;
  const polynomials = polynomialTexts.map((text) => must(parsePolynomial(group, text)));
  const input = makeVerificationInputs(group, certs, polynomials)[index];
  if (input === undefined) throw new InvalidArgumentError(`no verification input for ${me}`);
  const output = makeVerificationOutput(group, certs, secret.seed, input);
  return {
    contribution: { decision, step: 'verification', text: serializeVerificationOutput(group, output) },
    secret,
  };
}

/**
 * The key a member trustee decrypts with: its plain secret key, or for a threshold trustee the key
 * share it recovers from its own verification output in the room.
 *
 * @param parameters - the decision's election parameters.
 * @param me - the trustee's account.
 * @param contributions - the decision's contributions, by member.
 * @param secret - the trustee's kept secret.
 * @returns the decryption key.
 * @throws {@link InvalidArgumentError} when the trustee's verification output is not in the room.
 */
export function trusteeDecryptionKey(
  parameters: SecretElectionParameters,
  me: string,
  contributions: ReadonlyMap<string, TrusteeContributions>,
  secret: TrusteeSecret,
): bigint {
  if (secret.kind === 'plain') return BigInt(secret.secretKey);
  const group = electionGroup(parameters);
  const text = contributions.get(me)?.verification?.text;
  if (text === undefined)
    throw new InvalidArgumentError(`${me} has no verification output for ${parameters.decision}`);
  return recoverDecryptionKey(group, secret.seed, must(parseVerificationOutput(group, text)).privateKey);
}
