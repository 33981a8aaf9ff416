/**
 * @module
 * Content of `org.imago.announcement`: an announcement (an offer, a need, an event…) delivered to a
 * group's room, with its provenance: the origin group, the original event, the criteria by which
 * @imago/graph's `propagate` chose the target.
 */
import { fail, readObject, readOptionalString, readRoomId, readString } from '../events/content-reader';

/** Where an announcement comes from. */
export interface AnnouncementOrigin {
  /** Space id of the announcing group. */
  readonly group: string;
  /** Room id where the original announcement was posted. */
  readonly room: string;
  /** Event id of the original announcement (absent on the original itself). */
  readonly event?: string;
}

/** Content of `org.imago.announcement`. */
export interface Announcement {
  /** `offer`, `need`, `event`… (the kinds groups filter on). */
  readonly kind: string;
  readonly title: string;
  readonly body?: string;
  readonly origin: AnnouncementOrigin;
  /** The propagation criteria (the options given to `propagate`), as JSON. */
  readonly criteria?: Readonly<Record<string, unknown>>;
  /** Application payload, e.g. a ValueFlows intent or proposal, as JSON. */
  readonly payload?: Readonly<Record<string, unknown>>;
}

const KIND = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Reads `org.imago.announcement` content.
 *
 * @param content - untrusted content.
 * @param path - path for problem reports.
 * @returns the announcement.
 * @throws {@link ContentProblem} naming the offending field.
 */
export function readAnnouncement(content: unknown, path = 'content'): Announcement {
  const object = readObject(content, path);
  const kind = readString(object.kind, `${path}.kind`, 100);
  if (!KIND.test(kind)) fail(`${path}.kind`, 'invalid kind');
  const origin = readObject(object.origin, `${path}.origin`);
  const event = readOptionalString(origin.event, `${path}.origin.event`, 255);
  if (event !== undefined && !event.startsWith('$')) fail(`${path}.origin.event`, 'expected an event id');
  const body = readOptionalString(object.body, `${path}.body`, 20_000);
  return {
    kind,
    title: readString(object.title, `${path}.title`, 500),
    ...(body === undefined ? {} : { body }),
    origin: {
      group: readRoomId(origin.group, `${path}.origin.group`),
      room: readRoomId(origin.room, `${path}.origin.room`),
      ...(event === undefined ? {} : { event }),
    },
    ...(object.criteria === undefined ? {} : { criteria: readObject(object.criteria, `${path}.criteria`) }),
    ...(object.payload === undefined ? {} : { payload: readObject(object.payload, `${path}.payload`) }),
  };
}
