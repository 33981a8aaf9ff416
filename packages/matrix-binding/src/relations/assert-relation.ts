/**
 * @module
 * Asserting and ending a relation from one group's side: a state event in the group's own space.
 */
import type { MatrixClient } from 'matrix-js-sdk';
import { sendState } from '../client/send';
import { InvalidArgumentError } from '../errors/invalid-argument-error';
import { ImagoEventTypes } from '../events/event-types';
import { RELATION_TYPE_PATTERN } from './relation-assertion';

/**
 * Asserts (proposes, or accepts when the other side already asserts it) a relation.
 *
 * @param client - a client with power to send `org.imago.relation` in `fromSpace`.
 * @param fromSpace - this group's space id.
 * @param toSpace - the other group's space id.
 * @param type - relation type (`partner`, `follows`…).
 * @param note - optional free text.
 * @returns the state event id.
 * @throws {@link InvalidArgumentError} for an invalid type; {@link HomeserverError} when refused.
 */
export async function assertRelation(
  client: MatrixClient,
  fromSpace: string,
  toSpace: string,
  type: string,
  note?: string,
): Promise<string> {
  if (!RELATION_TYPE_PATTERN.test(type)) throw new InvalidArgumentError(`invalid relation type ${type}`);
  return sendState(client, fromSpace, ImagoEventTypes.relation, toSpace, note ? { type, note } : { type });
}

/**
 * Ends this side's assertion of the relation with another group (empty content).
 *
 * @param client - a client with power to send `org.imago.relation` in `fromSpace`.
 * @param fromSpace - this group's space id.
 * @param toSpace - the other group's space id.
 * @returns the state event id.
 * @throws {@link HomeserverError} when refused.
 */
export async function endRelation(client: MatrixClient, fromSpace: string, toSpace: string): Promise<string> {
  return sendState(client, fromSpace, ImagoEventTypes.relation, toSpace, {});
}
