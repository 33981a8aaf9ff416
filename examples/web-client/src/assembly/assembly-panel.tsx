/**
 * @module
 * A group's general assembly: joining the meeting (MatrixRTC membership and LiveKit media), the
 * participants' tiles, the floor and its timer, the queue, the chair's controls, the votes and the
 * minutes. What the media server lets each member publish follows the same replay every member
 * computes here: the floor holder and the chair are heard, nobody else.
 */

import type { PublishOutcome } from '@imago/assemblies/media';
import type { MatrixClient, SpeakingSlot } from '@imago/matrix-binding';
import { useState } from 'preact/hooks';
import type { Group } from '../groups/group';
import { ChairControls, giveFloorFor } from './chair-controls';
import { FloorCard } from './floor-card';
import { MinutesCard } from './minutes-card';
import { ParticipantTiles } from './participant-tiles';
import { useAssembly } from './use-assembly';
import { useMeetingMedia } from './use-meeting-media';
import { VotePanel } from './vote-panel';

/** Props of {@link AssemblyPanel}. */
export interface AssemblyPanelProps {
  client: MatrixClient;
  group: Group;
}

/** The assembly tab of a group. */
export function AssemblyPanel({ client, group }: AssemblyPanelProps) {
  const { debateRoomId, decisionsRoomId } = group;
  if (!debateRoomId || !decisionsRoomId || !client.getRoom(debateRoomId)) {
    return (
      <section aria-labelledby="assembly-title">
        <h2 id="assembly-title">Assembly</h2>
        <p>This group has no assembly room you can join.</p>
      </section>
    );
  }
  return (
    <AssemblyView
      client={client}
      group={group}
      debateRoomId={debateRoomId}
      decisionsRoomId={decisionsRoomId}
    />
  );
}

const OUTCOME_TEXT: Record<PublishOutcome, string> = {
  published: 'You are heard.',
  refused: 'The media server refused: you do not have the floor.',
  failed: 'Your microphone could not be used.',
};

function AssemblyView({
  client,
  group,
  debateRoomId,
  decisionsRoomId,
}: {
  client: MatrixClient;
  group: Group;
  debateRoomId: string;
  decisionsRoomId: string;
}) {
  const { complete, assembly, governance, now } = useAssembly(
    client,
    debateRoomId,
    decisionsRoomId,
    group.view.authority?.authority,
  );
  const media = useMeetingMedia(client, debateRoomId);
  const [outcome, setOutcome] = useState<string | undefined>();
  const me = client.getSafeUserId();
  const space = client.getRoom(group.id);
  const names = (userId: string) =>
    space?.getMember(userId)?.name ?? client.getRoom(debateRoomId)?.getMember(userId)?.name ?? userId;
  const isChair = assembly.chairs.includes(me);
  const members = (client.getRoom(debateRoomId)?.getJoinedMembers() ?? [])
    .map((member) => ({ userId: member.userId, name: member.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const status = media.status;
  const self = media.participants.find((p) => p.isLocal);

  const speak = async (on: boolean) => {
    if (status.state !== 'joined') return;
    setOutcome(undefined);
    try {
      const result = await status.media.setMicrophone(on);
      setOutcome(result === 'stopped' ? 'Your microphone is off.' : OUTCOME_TEXT[result]);
    } catch {
      setOutcome('The microphone could not be changed. Try again.');
    }
  };
  const giveFloorTo = (userId: string, slot: SpeakingSlot) =>
    giveFloorFor(client, debateRoomId, userId, slot).catch(() =>
      setOutcome(`The floor was not given to ${names(userId)}. Try again.`),
    );

  return (
    <section aria-labelledby="assembly-title" aria-busy={!complete} class="assembly">
      <h2 id="assembly-title">Assembly</h2>
      <p class="muted">
        Chaired by{' '}
        {assembly.chairs.length > 0
          ? assembly.chairs.map(names).join(', ')
          : 'nobody (the control table names no chair)'}
        .
      </p>
      <section class="card stack" aria-labelledby="meeting-title">
        <h3 id="meeting-title">Meeting</h3>
        {status.state === 'outside' && (
          <button type="button" onClick={media.join}>
            Join the meeting
          </button>
        )}
        {status.state === 'joining' && <p role="status">Joining the meeting…</p>}
        {status.state === 'failed' && (
          <p role="alert" class="error">
            Could not join the meeting: {status.reason}.
          </p>
        )}
        {status.state === 'joined' && (
          <>
            <p role="status" class="ok">
              You are in the meeting.
            </p>
            <ParticipantTiles
              media={status.media}
              participants={media.participants}
              bytesReceived={media.bytesReceived}
              names={names}
            />
            <div class="row">
              {self?.audio ? (
                <button type="button" class="secondary" onClick={() => speak(false)}>
                  Mute my microphone
                </button>
              ) : (
                <button type="button" onClick={() => speak(true)}>
                  Unmute my microphone
                </button>
              )}
              <button type="button" class="secondary" onClick={media.leave}>
                Leave the meeting
              </button>
            </div>
            {outcome && (
              <p role="status" aria-live="polite" class="muted" id="microphone-outcome">
                {outcome}
              </p>
            )}
          </>
        )}
      </section>
      <FloorCard
        client={client}
        roomId={debateRoomId}
        assembly={assembly}
        now={now}
        names={names}
        handAction={
          isChair
            ? (userId, slot) => (
                <button type="button" class="secondary" onClick={() => giveFloorTo(userId, slot)}>
                  Give the floor to {names(userId)}
                </button>
              )
            : undefined
        }
      />
      {isChair && (
        <ChairControls client={client} roomId={debateRoomId} assembly={assembly} members={members} />
      )}
      <VotePanel
        client={client}
        group={group}
        assembly={assembly}
        governance={governance}
        isChair={isChair}
        names={names}
      />
      <MinutesCard
        client={client}
        roomId={debateRoomId}
        assembly={assembly}
        governance={governance.state}
        isChair={isChair}
        names={names}
      />
    </section>
  );
}
