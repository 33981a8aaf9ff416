/**
 * @module
 * The service: logs in as its bot account, syncs, watches its rooms and runs its duties on each
 * change — decision closing and outcomes, control-table application, the authority's part in
 * secret elections, announcement propagation, the ledger view. Its session and the keys of its
 * Matrix device (a crypto store in its work folder) outlive the process, so that a restarted
 * service is the same device: what voters and trustees sent it encrypted stays readable.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createTokenService } from '@imago/assemblies/authorisation';
import {
  ClientEvent,
  createImagoClient,
  type MatrixClient,
  readGroup,
  SyncState,
  verifyOpenIdToken,
} from '@imago/matrix-binding';
import { openPersistentCryptoStore } from '@imago/matrix-binding/node';
import { serveRtcAuthorisation } from '../assembly/rtc-server';
import { type AdmissionBook, runAdmissionDuty } from '../duties/admission';
import { type AnnouncementRecord, runAnnouncementDuty } from '../duties/announcements';
import {
  type AssemblyDesk,
  authoriseMedia,
  decisionsRoomOfDebate,
  enforceAssemblies,
  runAssemblyDuty,
} from '../duties/assembly';
import { type CheckpointBook, runCheckpointDuty } from '../duties/checkpoints';
import { runControlTableDuty } from '../duties/control-table';
import {
  type DecisionBook,
  decisionBook,
  decisionsInputs,
  isDecisionsRoom,
  replayRoom,
  runDecisionDuty,
} from '../duties/decisions';
import type { DutyContext } from '../duties/duty-context';
import { type ServiceElections, startElections } from '../duties/elections';
import { runGroupCardDuty } from '../duties/group-card';
import { type LedgerView, runLedgerDuty } from '../duties/ledger';
import type { ServiceConfig } from './config';
import { createLog, type ServiceLog } from './log';
import { quietLogger } from './quiet-logger';
import { type WatchedRoom, watchRooms } from './room-watcher';
import { session } from './session';

/** How often the SFU's permissions are checked against the assemblies' replays (ms). */
const ENFORCE_EVERY_MS = 1_000;

/** A running service. */
export interface ImagoService {
  readonly client: MatrixClient;
  readonly userId: string;
  readonly log: ServiceLog;
  readonly context: DutyContext;
  readonly elections: ServiceElections;
  readonly ledgers: ReadonlyMap<string, LedgerView>;
  readonly announcements: ReadonlyMap<string, AnnouncementRecord>;
  readonly decisions: DecisionBook;
  /** The RTC authorisation service's URL, when LiveKit is configured. */
  readonly rtcUrl: string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the service and waits for its first sync.
 *
 * @param config - the configuration.
 * @param options - a log (default: a new one in the configured format on stderr).
 * @returns the running service.
 */
export async function startService(
  config: ServiceConfig,
  options: { log?: ServiceLog } = {},
): Promise<ImagoService> {
  const log = options.log ?? createLog({ format: config.logFormat });
  await mkdir(config.workDir, { recursive: true });
  const account = await session(config);
  const cryptoStore = await openPersistentCryptoStore(join(config.workDir, 'crypto.bin'), {
    prefix: `imago-service-${account.userId.replace(/[^A-Za-z0-9]/g, '_')}`,
  });
  const client = await createImagoClient({
    ...account,
    encryption: true,
    cryptoStore: {
      prefix: cryptoStore.prefix,
      ...(config.cryptoPassphrase ? { passphrase: config.cryptoPassphrase } : {}),
    },
    logger: quietLogger() as never,
  });
  const userId = client.getSafeUserId();
  const groups = new Map();
  const ledgers = new Map<string, LedgerView>();
  const announcements = new Map<string, AnnouncementRecord>();
  const book = decisionBook();
  const tables = new Map<string, number>();
  const powers = new Map<string, string>();
  const admissions: AdmissionBook = new Set();
  const checkpoints: CheckpointBook = new Map();
  const wakers = new Map<string, { at: number; timer: NodeJS.Timeout }>();

  const handle = async (room: WatchedRoom) => {
    const matrixRoom = client.getRoom(room.roomId);
    if (matrixRoom?.isSpaceRoom()) {
      const view = await readGroup(client, room.roomId);
      const known = groups.has(room.roomId);
      groups.set(room.roomId, view);
      const decisionsRoom = view.authority?.decisions;
      const governed = decisionsRoom === undefined ? undefined : book.replays.get(decisionsRoom)?.state;
      await runAdmissionDuty(context, room.roomId, governed, admissions);
      await runGroupCardDuty(context, view);
      if (!known && view.profile) {
        log.info(
          'watcher',
          `watching group "${view.profile.name}" (${view.members.length} members, ${view.children.length} rooms/sub-groups)`,
          {
            roomId: room.roomId,
          },
        );
      }
      return;
    }
    for (const parent of matrixRoom?.currentState.getStateEvents('m.space.parent') ?? []) {
      const spaceId = parent.getStateKey();
      if (spaceId && !groups.has(spaceId)) {
        try {
          groups.set(spaceId, await readGroup(client, spaceId));
        } catch {
          // not readable by the service: not one of its groups
        }
      }
    }
    runLedgerDuty(context, room, ledgers);
    const debateOf = desk && decisionsRoomOfDebate(context, room.roomId);
    if (desk && debateOf) {
      const decisions = watcher.rooms.get(debateOf);
      const governance = decisions && replayRoom(context, decisions, elections).now;
      await runAssemblyDuty(context, room, governance, desk);
      return;
    }
    if (!isDecisionsRoom(room)) return;
    await elections.follow(room.roomId);
    const { logged, now } = replayRoom(context, room, elections);
    const first = !book.replays.has(room.roomId);
    book.replays.set(room.roomId, logged);
    await runDecisionDuty(context, room, logged, now, book, elections);
    await runControlTableDuty(context, room.roomId, logged.state, tables, powers);
    for (const group of groups.values()) {
      if (group.authority?.decisions === room.roomId)
        await runAdmissionDuty(context, group.spaceId, logged.state, admissions);
    }
    await runAnnouncementDuty(context, room.roomId, logged.state, announcements);
    // The control table names the chairs and motions are decisions: the debate room follows.
    for (const group of groups.values()) {
      if (!group.children.some((child: { roomId: string }) => child.roomId === room.roomId)) continue;
      for (const child of group.children) if (child.role === 'debate') watcher.poke(child.roomId);
    }
    await runCheckpointDuty(context, room, checkpoints);
    if (first) {
      const all = logged.state.decisions.keys().map((key) => logged.state.decisions.get(key));
      const pending = all.filter(
        (d) => d && !['adopted', 'rejected', 'expired', 'withdrawn'].includes(d.status),
      );
      log.info(
        'decisions',
        `replayed decisions room ${room.roomId}: ${all.length} decision(s), ${pending.length} pending, control table v${logged.state.tableVersion}`,
        { roomId: room.roomId },
      );
    }
  };

  const serverName = userId.slice(userId.indexOf(':') + 1);
  const desk: AssemblyDesk | undefined = config.livekit && {
    assemblies: new Map(),
    tokens: createTokenService({
      livekit: config.livekit,
      // The service vouches for users of its own homeserver only.
      verifyIdentity: (token) =>
        verifyOpenIdToken(token, (name) => (name === serverName ? config.homeserverUrl : undefined)),
      authorise: (roomId, user) => authoriseMedia(context, desk as AssemblyDesk, roomId, user),
    }),
  };
  const rtc = desk ? await serveRtcAuthorisation(desk.tokens, config.rtcPort) : undefined;
  if (rtc) log.info('assembly', `RTC authorisation service at ${rtc.url}`);
  // New participants join with no right to publish: grant what the replay allows within a moment.
  let enforcing = false;
  const enforcer =
    desk &&
    setInterval(() => {
      if (enforcing) return;
      enforcing = true;
      void enforceAssemblies(context, desk).finally(() => {
        enforcing = false;
      });
    }, ENFORCE_EVERY_MS);
  const watcher = watchRooms(client, log, (roomId) => decisionsInputs(context, elections, roomId), handle);
  const context: DutyContext = {
    client,
    config,
    log,
    watcher,
    groups,
    wakeAt(roomId, at) {
      const existing = wakers.get(roomId);
      if (existing && existing.at <= at) return;
      if (existing) clearTimeout(existing.timer);
      const timer = setTimeout(
        () => {
          wakers.delete(roomId);
          watcher.poke(roomId);
        },
        Math.max(0, at - Date.now()),
      );
      wakers.set(roomId, { at, timer });
    },
  };
  const elections = await startElections(context);

  const prepared = new Promise<void>((resolve) => {
    const onSync = (state: SyncState) => {
      if (state === SyncState.Prepared) {
        client.off(ClientEvent.Sync, onSync);
        resolve();
      }
    };
    client.on(ClientEvent.Sync, onSync);
  });
  await client.startClient({ initialSyncLimit: 1, lazyLoadMembers: false });
  await prepared;
  for (const room of client.getRooms()) {
    if (room.getMyMembership() === 'join') watcher.poke(room.roomId);
    else if (room.getMyMembership() === 'invite') await client.joinRoom(room.roomId).catch(() => undefined);
  }
  log.info('service', `started as ${userId} on ${config.homeserverUrl} (${client.getRooms().length} rooms)`);

  return {
    client,
    userId,
    log,
    context,
    elections,
    ledgers,
    announcements,
    decisions: book,
    rtcUrl: rtc?.url,
    async stop() {
      watcher.stop();
      if (enforcer) clearInterval(enforcer);
      await rtc?.close();
      for (const { timer } of wakers.values()) clearTimeout(timer);
      elections.stop();
      client.stopClient();
      // The device's keys are written out a last time: a restarted service is the same device.
      await cryptoStore.close();
      log.info('service', 'stopped');
    },
  };
}
