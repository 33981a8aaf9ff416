/**
 * @module
 * What the demo report shows, gathered by the scenario from the service and the rooms.
 */

import type { ServerView } from './cross-server';

/** The demo report's data. */
export interface DemoReport {
  readonly homeserver: string;
  readonly service: string;
  /** The two homeservers: each one's service account and the groups it hosts. */
  readonly servers: readonly {
    readonly city: string;
    readonly homeserver: string;
    readonly service: string;
    readonly groups: readonly string[];
  }[];
  readonly seconds: number;
  readonly groups: readonly {
    readonly spaceId: string;
    readonly name: string;
    readonly places: readonly string[];
    readonly themes: readonly string[];
    readonly coordinates?: { readonly lat: number; readonly lon: number };
    readonly members: readonly string[];
    readonly parent: string | undefined;
    readonly accepts: readonly string[] | undefined;
    /** The homeserver that hosts it (`lyon`, `paris`). */
    readonly city?: string;
  }[];
  readonly relations: readonly {
    readonly a: string;
    readonly b: string;
    readonly type: string;
    readonly status: string;
  }[];
  readonly decisions: readonly {
    readonly id: string;
    readonly title: string;
    readonly lines: readonly string[];
  }[];
  readonly tableVersion: number;
  readonly tableKinds: readonly string[];
  readonly secret: {
    readonly uuid: string;
    readonly options: readonly string[];
    readonly voters: number;
    readonly ballotsAccepted: number;
    readonly trustees: readonly string[];
    readonly memberSteps: readonly string[];
    readonly shuffledBy: readonly string[];
    readonly decryptedBy: readonly string[];
    readonly verifiedBy: readonly string[];
    readonly archiveBytes: number;
    readonly decrypted: readonly (readonly number[])[];
    readonly mj?: {
      readonly raw: readonly (readonly number[])[];
      readonly winners: readonly (readonly number[])[];
    };
    readonly beleniosMj: string | undefined;
    readonly outcomeWinners: readonly number[];
    readonly outcome: readonly string[];
  };
  readonly delegation: {
    readonly offer: readonly string[];
    readonly groups: readonly {
      readonly group: string;
      readonly weight: number;
      readonly voters: number;
      readonly casts: readonly { readonly position: string; readonly weight: number }[];
    }[];
    readonly direct: number;
    readonly count: unknown;
  };
  readonly announcements: readonly {
    readonly title: string;
    readonly from: string;
    readonly fromId: string;
    readonly deliveries: readonly {
      readonly to: string;
      readonly toId: string;
      readonly distanceKm?: number;
      readonly delivered: boolean;
    }[];
  }[];
  readonly ledger: { readonly summary: readonly string[]; readonly proposals: number; readonly line: string };
  readonly debate: { readonly floor: string | undefined; readonly queue: readonly string[] };
  /** The outcomes that cross servers, as each server's copy of the rooms tells them. */
  readonly seenFrom: readonly ServerView[];
  readonly logLines: number;
  readonly duties: Readonly<Record<string, number>>;
  readonly webClient: { readonly user: string; readonly password: string };
}
