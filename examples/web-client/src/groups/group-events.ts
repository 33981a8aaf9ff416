/**
 * @module
 * The Matrix shapes of a group used by this client: the key marking a space child as the group's
 * chat room, and the state event by which a group declares a relation to another group.
 */

/** Key in an `m.space.child` content naming the child's role in the group (`"chat"`). */
export const GROUP_ROLE_KEY = 'org.imago.role';

/**
 * State event in a group's space declaring a relation to another group; state key: the other
 * group's space room id; content: `{ type }`. A relation declared by both sides is accepted.
 */
export const RELATION_EVENT_TYPE = 'org.imago.relation';
