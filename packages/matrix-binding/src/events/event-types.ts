/**
 * @module
 * The Matrix event types Imago sends, namespaced `org.imago.*`, and the Matrix types it reads.
 * `docs/matrix-events.md` documents each type, its content schema and who may send it.
 */

/** Imago's own event types. */
export const ImagoEventTypes = {
  /** State (key `""`) in a group's space: the group profile. */
  group: 'org.imago.group',
  /**
   * State (key `""`) in a group's space, power 100, set at creation: the pinned decisions room and
   * the group's authority.
   */
  authority: 'org.imago.authority',
  /** State (key = the other group's space id) in a group's space: this side asserts a relation. */
  relation: 'org.imago.relation',
  /** State (key `""`) in a group's space: the control table in force, mirrored after each decision. */
  controlTable: 'org.imago.control_table',
  /** State (key = the member's user id) in a decisions room: the member's delegations. */
  delegations: 'org.imago.governance.delegations',
  /** Timeline: an announcement delivered to a group's room, with its provenance. */
  announcement: 'org.imago.announcement',
  /** State (key `""`) in a debate room: chairs and speaking time. */
  debateSettings: 'org.imago.debate.settings',
  /** Timeline: a participant raises or lowers their hand. */
  debateHand: 'org.imago.debate.hand',
  /** Timeline: a chair gives the floor to a participant (or takes it back). */
  debateFloor: 'org.imago.debate.floor',
  /** Timeline: a chair puts a decision of the group to the meeting's vote. */
  debateMotion: 'org.imago.debate.motion',
  /** Timeline: a chair closes the meeting with its minutes (turns, motions and outcomes). */
  debateMinutes: 'org.imago.debate.minutes',
  /**
   * State (key = the author's user id) in a decisions room: a checkpoint of the decisions fold,
   * read only from the group's authority.
   */
  checkpoint: 'org.imago.checkpoint',
} as const;

/** One of {@link ImagoEventTypes}. */
export type ImagoEventType = (typeof ImagoEventTypes)[keyof typeof ImagoEventTypes];

/** Matrix event types the binding reads or writes (from the Matrix specification and MSCs). */
export const MatrixEventTypes = {
  spaceChild: 'm.space.child',
  spaceParent: 'm.space.parent',
  powerLevels: 'm.room.power_levels',
  member: 'm.room.member',
  create: 'm.room.create',
  joinRules: 'm.room.join_rules',
  encryption: 'm.room.encryption',
  encrypted: 'm.room.encrypted',
  message: 'm.room.message',
  reaction: 'm.reaction',
  redaction: 'm.room.redaction',
  /** MSC3381 polls (stable prefix not yet assigned). */
  pollStart: 'org.matrix.msc3381.poll.start',
  pollResponse: 'org.matrix.msc3381.poll.response',
  pollEnd: 'org.matrix.msc3381.poll.end',
  /** MatrixRTC session membership (MSC3401/MSC4143), as sent by Element Call. */
  callMember: 'org.matrix.msc3401.call.member',
} as const;
