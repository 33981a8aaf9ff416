/**
 * @module
 * A fediverse reply to a group's proposal: `Create` of a `Note` whose `inReplyTo` is the
 * proposal and whose `audience` (FEP-1b12), when present, is the group. The HTML content is
 * reduced to text here: nothing from the remote side reaches Matrix as HTML.
 */
import { InvalidActivityError } from '../errors/invalid-activity-error';
import { parseWith, readActivity, readIri, readReference, readReferences, readString } from './json-reader';

/** A reply, as the bridge brings it into Matrix. */
export interface ReplyNote {
  /** The `Create` activity's id. */
  readonly activity: string;
  readonly actor: string;
  /** The note's id. */
  readonly note: string;
  readonly inReplyTo: string;
  /** FEP-1b12 audiences named by the note (or the activity). */
  readonly audience: readonly string[];
  /** The note's text (HTML tags removed, entities decoded). */
  readonly text: string;
  /**
   * Whether both the activity and the note are addressed to the public (`to`/`cc`): only then may
   * the group announce it to its followers; any other reply keeps the audience its author chose.
   */
  readonly public: boolean;
}

/** The result of {@link parseReplyNote}. */
export type ParseReplyResult = { ok: true; value: ReplyNote } | { ok: false; error: InvalidActivityError };

const PUBLIC = new Set(['https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public']);

/** Whether `to` or `cc` names the public collection (compacted or not); other entries are ignored. */
function addressedToPublic(object: Readonly<Record<string, unknown>>): boolean {
  return [object.to, object.cc].some((field) =>
    (Array.isArray(field) ? field.slice(0, 100) : [field]).some((item) => {
      const iri = typeof item === 'string' ? item : (item as { id?: unknown } | null)?.id;
      return typeof iri === 'string' && PUBLIC.has(iri);
    }),
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Text of an HTML fragment: block ends become line breaks, tags are dropped, entities decoded.
 *
 * @param html - untrusted HTML.
 * @returns plain text.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Parses a `Create(Note)` reply.
 *
 * @param activity - the activity as received (signature already verified).
 * @returns the reply, or an error naming the field.
 */
export function parseReplyNote(activity: unknown): ParseReplyResult {
  return parseWith(() => {
    const { activity: create, id, actor, object: note } = readActivity(activity, 'Create', 'Note');
    const noteId = readIri(note.id, 'object.id');
    const author = readReference(note.attributedTo, 'object.attributedTo');
    if (author !== actor)
      throw new InvalidActivityError('object.attributedTo', 'the note is not the actor’s');
    const inReplyTo = readReference(note.inReplyTo, 'object.inReplyTo');
    const html = readString(note.content, 'object.content', 65_536);
    const text = htmlToText(html);
    if (text.length === 0) throw new InvalidActivityError('object.content', 'empty');
    const audience = [
      ...readReferences(note.audience, 'object.audience', 10),
      ...readReferences(create.audience, 'audience', 10),
    ];
    const isPublic = addressedToPublic(create) && addressedToPublic(note);
    return { activity: id, actor, note: noteId, inReplyTo, audience, text, public: isPublic };
  });
}
