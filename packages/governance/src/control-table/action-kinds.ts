/**
 * The kinds of action a group's control table maps to decision protocols.
 *
 * The built-in kinds cover what every Imago group does; applications add their own kinds as
 * namespaced strings (`org.example.book-room`). A kind is any string matching
 * {@link ACTION_KIND_PATTERN}.
 *
 * @module
 */

/** The built-in kinds of action. */
export const ActionKinds = {
  /** Publishing text on behalf of the group. */
  publishText: 'publish-text',
  /** Moderation: removing a piece of content. */
  removeContent: 'remove-content',
  /** Moderation: excluding a member. */
  excludeMember: 'exclude-member',
  /** Admitting a member. */
  admitMember: 'admit-member',
  /** Proposing a relation with another group. */
  createRelation: 'create-relation',
  /** Accepting a relation another group proposed. */
  acceptRelation: 'accept-relation',
  /** Ending a relation with another group. */
  endRelation: 'end-relation',
  /** Publishing an offer. */
  publishOffer: 'publish-offer',
  /** Publishing a need. */
  publishNeed: 'publish-need',
  /** Spending a resource of the group. */
  spendResource: 'spend-resource',
  /** Changing the group's public profile. */
  changeProfile: 'change-profile',
  /** Changing the control table itself: the table governs its own changes. */
  changeControlTable: 'change-control-table',
  /**
   * Changing the group's authority: who administers its elections, closes its decisions and
   * speaks for it (action `{ authority: [member, …] }`).
   */
  changeAuthority: 'change-authority',
} as const;

/** A kind of action: a built-in one or an application-defined one. */
export type ActionKind = (typeof ActionKinds)[keyof typeof ActionKinds] | (string & {});

/** Lower-case words joined by `-`, `.` or `_` (so `org.example.book-room` is a valid kind). */
export const ACTION_KIND_PATTERN: RegExp = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
