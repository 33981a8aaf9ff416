/**
 * @module
 * Admission and exclusion, as kinds of action of the control table. Someone asks to join by
 * knocking on the group's space; a member (or the service acting for the group) proposes a
 * decision of kind `admit-member` with action `{ user }`; once the control table's protocol adopts
 * it, the group's authority invites them to the space and its rooms, and they join. An adopted
 * `exclude-member` (action `{ user }`) is executed by kicking them from the space and every room.
 * Who counts in the group's decisions follows the adopted decisions, not the invitations (see
 * {@link MembershipRoll}): an invitation no decision backs lets someone in, not vote.
 *
 * {@link admissionRequests} and {@link pendingMemberships} are pure; {@link knockOnGroup},
 * {@link proposeAdmission}, {@link proposeExclusion} and {@link executeMemberships} are thin I/O.
 */
import type { Decision, GovernanceState } from '@imago/governance';
import type { MatrixClient } from 'matrix-js-sdk';
import { HomeserverError } from '../errors/homeserver-error';
import { propose } from '../governance/decision-actions';
import { ADMIT_MEMBER_KIND, EXCLUDE_MEMBER_KIND, memberActionUser } from '../governance/membership-roll';
import type { GroupKnock, GroupView } from './group-view';

/** How much earlier than a knock an admission decision may be proposed and still answer it (ms). */
const KNOCK_SKEW = 5 * 60_000;

/** Statuses after which a decision changes no more. */
const FINAL: ReadonlySet<string> = new Set(['adopted', 'rejected', 'expired', 'withdrawn']);

/** The roles of a group's own rooms (its sub-groups are not its rooms), in the order they are joined. */
const ROOM_ROLES: readonly string[] = ['chat', 'decisions', 'debate', 'announcements'];

/**
 * Asks to join a group: knocks on its space (join rule `knock`).
 *
 * @param client - the asker's client.
 * @param spaceId - the group's space (or an alias of it).
 * @param options - servers to knock through (needed for a room version 12 id of another server),
 *   and a reason shown to the group's members.
 * @throws {@link HomeserverError} (operation `knock`) when refused, e.g. the group does not take
 *   requests or the asker is banned.
 */
export async function knockOnGroup(
  client: MatrixClient,
  spaceId: string,
  options: { via?: readonly string[]; reason?: string } = {},
): Promise<void> {
  try {
    await client.knockRoom(spaceId, {
      ...(options.via?.length ? { viaServers: [...options.via] } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
    });
  } catch (cause) {
    throw new HomeserverError('knock', `could not ask to join ${spaceId}`, { cause });
  }
}

/**
 * Proposes admitting someone (a decision of kind `admit-member`, action `{ user }`).
 *
 * @param client - a member's client.
 * @param decisionsRoom - the group's decisions room.
 * @param user - who to admit.
 * @param title - the decision's title (default: "Admit <user>").
 * @returns the decision id.
 * @throws {@link HomeserverError} when refused.
 */
export function proposeAdmission(
  client: MatrixClient,
  decisionsRoom: string,
  user: string,
  title = `Admit ${user}`,
): Promise<string> {
  return propose(client, decisionsRoom, { kind: ADMIT_MEMBER_KIND, action: { user }, title });
}

/**
 * Proposes excluding a member (a decision of kind `exclude-member`, action `{ user }`).
 *
 * @param client - a member's client.
 * @param decisionsRoom - the group's decisions room.
 * @param user - who to exclude.
 * @param title - the decision's title (default: "Exclude <user>").
 * @returns the decision id.
 * @throws {@link HomeserverError} when refused.
 */
export function proposeExclusion(
  client: MatrixClient,
  decisionsRoom: string,
  user: string,
  title = `Exclude ${user}`,
): Promise<string> {
  return propose(client, decisionsRoom, { kind: EXCLUDE_MEMBER_KIND, action: { user }, title });
}

function byOutcome(a: Decision, b: Decision): number {
  return (a.outcome?.at ?? 0) - (b.outcome?.at ?? 0) || a.proposedAt - b.proposedAt || (a.id < b.id ? -1 : 1);
}

/**
 * The standing membership decision of each user: their latest adopted `admit-member` or
 * `exclude-member` decision that is no longer provisional.
 *
 * @param state - the decisions replay's state.
 * @returns by user id, the decision that stands.
 */
export function memberDecisions(state: GovernanceState): Map<string, Decision> {
  const standing = new Map<string, Decision>();
  const adopted = state.decisions
    .values()
    .filter((d) => d.status === 'adopted' && (d.kind === ADMIT_MEMBER_KIND || d.kind === EXCLUDE_MEMBER_KIND))
    // An adoption a close may still undo (provisional) stands only once confirmed.
    .filter((d) => !state.provisional.has(d.id))
    .sort(byOutcome);
  for (const decision of adopted) {
    const user = memberActionUser(decision.action);
    if (user !== undefined) standing.set(user, decision);
  }
  return standing;
}

/** A knock on the group's space and the admission decision that answers it, if any yet. */
export interface AdmissionRequest {
  readonly knock: GroupKnock;
  /**
   * The `admit-member` decision for the knocker: a pending one, the adopted admission that stands,
   * or one proposed since the knock. Absent: nobody has proposed to admit them yet.
   */
  readonly decision?: Decision;
}

/**
 * The group's pending requests to join, each with the decision that answers it.
 *
 * @param view - the group (its knocks).
 * @param state - the decisions replay's state.
 * @returns one request per knock, oldest first.
 */
export function admissionRequests(view: GroupView, state: GovernanceState): AdmissionRequest[] {
  const standing = memberDecisions(state);
  const admissions = state.decisions
    .values()
    .filter((d) => d.kind === ADMIT_MEMBER_KIND)
    .sort((a, b) => a.proposedAt - b.proposedAt || (a.id < b.id ? -1 : 1));
  return view.knocks.map((knock) => {
    const latest = admissions.filter((d) => memberActionUser(d.action) === knock.userId).at(-1);
    const answers =
      latest !== undefined &&
      (!FINAL.has(latest.status) ||
        standing.get(knock.userId)?.id === latest.id ||
        latest.proposedAt >= knock.at - KNOCK_SKEW);
    return answers ? { knock, decision: latest } : { knock };
  });
}

/** One invitation or removal the group's authority owes an adopted decision. */
export interface MembershipStep {
  readonly action: 'invite' | 'kick';
  readonly roomId: string;
  readonly user: string;
  /** The adopted decision it executes. */
  readonly decision: string;
}

/**
 * What the authority still has to do for the adopted admissions and exclusions: invite an
 * admitted user who asks (knocks) or never was in the space — to the space and the group's rooms
 * — and remove an excluded one from every room they are in, invited to or knocking on. A user who
 * left after being admitted is invited again when they knock again; their admission stands until
 * an exclusion.
 *
 * @param view - the group.
 * @param state - the decisions replay's state.
 * @param membership - a user's membership of a room (`join`, `invite`, `knock`, `leave`, `ban`, or
 *   `undefined` for none), e.g. from the client's room state.
 * @returns the steps: invitations to the space first, then to its chat, decisions, debate and
 *   announcements rooms; removals from those rooms first, the space last.
 */
export function pendingMemberships(
  view: GroupView,
  state: GovernanceState,
  membership: (roomId: string, user: string) => string | undefined,
): MembershipStep[] {
  const rank = (role: string | undefined) => (role === undefined ? -1 : ROOM_ROLES.indexOf(role));
  const rooms = view.children
    .filter((child) => rank(child.role) >= 0)
    .sort((a, b) => rank(a.role) - rank(b.role));
  const steps: MembershipStep[] = [];
  for (const [user, decision] of memberDecisions(state)) {
    if (state.authority.includes(user)) continue;
    const step = (action: MembershipStep['action'], roomId: string) =>
      steps.push({ action, roomId, user, decision: decision.id });
    if (decision.kind === ADMIT_MEMBER_KIND) {
      const inSpace = view.memberships.get(user) ?? membership(view.spaceId, user);
      if (inSpace !== undefined && inSpace !== 'knock') continue;
      step('invite', view.spaceId);
      for (const room of rooms) {
        const current = membership(room.roomId, user);
        if (current === undefined || current === 'knock') step('invite', room.roomId);
      }
    } else {
      for (const roomId of [...rooms.map((room) => room.roomId), view.spaceId]) {
        const current = roomId === view.spaceId ? view.memberships.get(user) : membership(roomId, user);
        if (current === 'join' || current === 'invite' || current === 'knock') step('kick', roomId);
      }
    }
  }
  return steps;
}

/** What {@link executeMemberships} did. */
export interface MembershipExecution {
  readonly done: readonly MembershipStep[];
  readonly failed: readonly { readonly step: MembershipStep; readonly error: HomeserverError }[];
}

/**
 * Executes what the adopted admissions and exclusions ask of the group's authority. Does nothing
 * when the client's user is not in the authority. Each invitation or removal names its decision
 * in its reason; a step the homeserver refuses is reported and the others go on (running again
 * retries it).
 *
 * @param client - an authority member's client (with the group's rooms in its store).
 * @param view - the group.
 * @param state - the decisions replay's state.
 * @returns the steps done and those refused.
 */
export async function executeMemberships(
  client: MatrixClient,
  view: GroupView,
  state: GovernanceState,
): Promise<MembershipExecution> {
  if (!state.authority.includes(client.getSafeUserId())) return { done: [], failed: [] };
  const membership = (roomId: string, user: string) =>
    client.getRoom(roomId)?.getMember(user)?.membership ?? undefined;
  const done: MembershipStep[] = [];
  const failed: { step: MembershipStep; error: HomeserverError }[] = [];
  for (const step of pendingMemberships(view, state, membership)) {
    const reason = `${step.action === 'invite' ? ADMIT_MEMBER_KIND : EXCLUDE_MEMBER_KIND} ${step.decision}`;
    try {
      if (step.action === 'invite') await client.invite(step.roomId, step.user, { reason });
      else await client.kick(step.roomId, step.user, reason);
      done.push(step);
    } catch (cause) {
      failed.push({
        step,
        error: new HomeserverError(step.action, `could not ${step.action} ${step.user} in ${step.roomId}`, {
          cause,
        }),
      });
    }
  }
  return { done, failed };
}
