/**
 * @module
 * What an operator chooses when starting the bridge: its public origin, its homeserver and users,
 * its store, and the limits of what it accepts and sends.
 */
import type { KvStore } from '@fedify/fedify';
import type { InboxGuardOptions } from '../guard/inbox-guard';
import type { RateLimitOptions } from '../guard/rate-limit';
import type { BridgeLogEntry } from './bridge-log';
import type { DeliveryOptions } from './delivery';

/** Options of {@link ActivityPubBridge}. */
export interface ActivityPubBridgeOptions {
  /** The public base URL of the ActivityPub side (`https://bridge.example`). */
  readonly origin: string;
  /** The homeserver the application service is registered with. */
  readonly homeserver: { readonly baseUrl: string; readonly asToken: string };
  /** The service's own user (`@<sender_localpart>:<server>`). */
  readonly botUserId: string;
  /** Prefix of ghost users' localparts (the service's exclusive namespace), e.g. `_ap_`. */
  readonly ghostPrefix: string;
  /** Persistent key–value store (Fedify's and the bridge's records). */
  readonly kv: KvStore;
  /** Allow `http:` and loopback peers (tests, the demo); never in production. */
  readonly allowPrivateAddress?: boolean;
  /** Limits of outgoing deliveries (deadline, size); `allowPrivateAddress` above applies to them. */
  readonly delivery?: Omit<DeliveryOptions, 'allowPrivateAddress'>;
  /**
   * Age limit of incoming HTTP signatures (their `Date`, either way), in ms. Default one hour
   * (Fedify's). An accepted signature is remembered for twice this (a signature dated ahead stays
   * valid that long), so it cannot be played again while it is valid.
   */
  readonly signatureWindowMs?: number;
  /** Rate limit of `GET` requests per connecting address (each may read Matrix state). Default 300 at once, 600 a minute. */
  readonly getRateLimit?: RateLimitOptions;
  /** Limits of the inbox guard (size, rate); its replay window follows `signatureWindowMs`. */
  readonly guard?: Omit<InboxGuardOptions, 'memory' | 'replayWindowMs'>;
  /** Where log lines go. */
  readonly log?: (entry: BridgeLogEntry) => void;
}
