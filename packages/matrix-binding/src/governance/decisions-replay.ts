/**
 * @module
 * What a replay of a decisions room takes and gives ({@link replayDecisions}, {@link DecisionsFold}):
 * its options, the governance events fed to the reducer, the clock adjustments, and how a
 * rejection of governance becomes a warning.
 */
import type { CountIssue, GovernanceContext, GovernanceState, RejectedEvent } from '@imago/governance';
import type { ImagoWarning } from '../events/imago-warning';

/** Options of {@link replayDecisions}. */
export interface ReplayDecisionsOptions {
  /**
   * Members of other groups (sub-groups) by space id, for delegations to a whole group; e.g. the
   * joined members of each sub-group's space.
   */
  groups?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Plugs Helios-C verification of secret results (see @imago/governance `GovernanceContext`). */
  verifySecretResult?: GovernanceContext['verifySecretResult'];
  /**
   * Evaluate the state at this time (settles decisions whose period ended); default: the log's
   * clock. A view for display: only the authority's settling events (`tick`, `close`, a secret result) settle decisions in the log itself.
   */
  now?: number;
  /** How far ahead of the authority's clock another member's event may claim to be (ms). */
  clockSkew?: number;
}

/** An event the group clock took at another time than its homeserver claimed. */
export interface ClockAdjustment {
  readonly eventId: string;
  readonly sender: string;
  readonly claimed: number;
  readonly effective: number;
}

/** What {@link replayDecisions} returns. */
export interface DecisionsReplay {
  readonly state: GovernanceState;
  /** Events of the log that had no effect: the binding's warnings and governance's rejections. */
  readonly warnings: readonly ImagoWarning[];
  /** Governance's rejections as it reported them. */
  readonly rejected: readonly RejectedEvent[];
  /** The governance events fed to the reducer, in order (for audit and tests). */
  readonly fed: readonly GovernanceInput[];
  /** Events taken at another time than claimed: backdated, or ahead of the authority's clock. */
  readonly clock: readonly ClockAdjustment[];
  /**
   * The group's authority before each event of the log, by event id (the founding authority
   * from `init` on; changed by adopted `change-authority` decisions).
   */
  readonly authorityAt: (eventId: string) => readonly string[];
  /** The control table in force before each event of the log, by event id (`undefined` before `init`). */
  readonly tableAt: (eventId: string) => GovernanceState['table'];
}

/** A governance event as fed to the reducer. */
export interface GovernanceInput {
  readonly id: string;
  readonly sender: string;
  readonly timestamp: number;
  readonly type: string;
  readonly content: unknown;
}

/** The warning that reports a rejection of governance's reducer. */
export function rejectionWarning(input: GovernanceInput | undefined, rejection: RejectedEvent): ImagoWarning {
  const code =
    rejection.reason === 'duplicate'
      ? 'duplicate'
      : rejection.reason === 'malformed'
        ? 'malformed-content'
        : 'rejected';
  return {
    code,
    ...(rejection.id ? { eventId: rejection.id } : {}),
    ...(rejection.type ? { type: rejection.type } : {}),
    ...(input ? { sender: input.sender } : {}),
    ...(rejection.error?.path ? { path: rejection.error.path } : {}),
    reason: rejection.reason,
    detail: `rejected by the decision protocol: ${rejection.reason}`,
  };
}

/** The reports of a fold, kept as it goes: they only grow. */
export class ReplayReportLists {
  /** Warnings of the log itself (malformed, redacted events), in log order. */
  readonly log: ImagoWarning[] = [];
  /** The fold's own warnings, in log order. */
  readonly warnings: ImagoWarning[] = [];
  readonly rejected: RejectedEvent[] = [];
  readonly fed: GovernanceInput[] = [];
  readonly clock: ClockAdjustment[] = [];

  /**
   * The reports as they stand now, each copied when read.
   *
   * @returns how to copy each report of a replay made now.
   */
  asOfNow(): ReplayReports {
    const { log, warnings, rejected, fed, clock } = this;
    const [l, w, r, f, c] = [log.length, warnings.length, rejected.length, fed.length, clock.length];
    return {
      warnings: () => [...log.slice(0, l), ...warnings.slice(0, w)],
      rejected: () => rejected.slice(0, r),
      fed: () => fed.slice(0, f),
      clock: () => clock.slice(0, c),
    };
  }
}

/** The reports of a replay, each as a function that copies it as it stands. */
export type ReplayReports = {
  readonly [K in 'warnings' | 'rejected' | 'fed' | 'clock']: () => DecisionsReplay[K];
};

/**
 * A replay whose reports are copied when first read rather than at once: the reports grow with
 * the history, and a live view that reads only the state should not copy them after every event.
 *
 * @param base - the state and the lookups by event.
 * @param reports - how to copy each report as it stands when the replay is made.
 * @returns the replay (each report read once, then kept).
 */
export function replayWithReports(
  base: Pick<DecisionsReplay, 'state' | 'authorityAt' | 'tableAt'>,
  reports: ReplayReports,
): DecisionsReplay {
  const replay = { ...base } as DecisionsReplay;
  for (const [key, copy] of Object.entries(reports)) {
    Object.defineProperty(replay, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = copy();
        Object.defineProperty(replay, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return replay;
}

/**
 * The warning of a decision settled on what the authority's close counted: a named event this
 * log has not shown yet (`awaiting-evidence`, the decision waits), one that does not count
 * (`invalid-evidence`, `reason` says why), or events this log had counted that the close did not
 * name (`uncounted`). `eventId` is the first event concerned, `detail` lists them all.
 */
export function countWarning(issue: CountIssue): ImagoWarning {
  const what =
    issue.code === 'awaiting-evidence'
      ? 'waiting for counted events not seen yet'
      : issue.code === 'invalid-evidence'
        ? `a counted event that does not count (${issue.reason})`
        : 'events the authority did not count';
  return {
    code: issue.code,
    ...(issue.ids[0] === undefined ? {} : { eventId: issue.ids[0] }),
    ...(issue.reason === undefined ? {} : { reason: issue.reason }),
    detail: `decision ${issue.decision}: ${what}: ${issue.ids.join(', ')}`,
  };
}
