/**
 * @module
 * From the media a checkpoint names to the snapshot's own bytes: inflated when the checkpoint says
 * `encoding: 'gzip'` (never past its `size`), then checked against its `size` and `sha256`. A trust
 * boundary: the media comes from the authority, who may lie or be compromised.
 */
import type { ImagoWarningCode } from '../events/imago-warning';
import { gunzipSnapshot } from './checkpoint-compression';
import type { CheckpointContent } from './checkpoint-content';
import { sha256Hex } from './fold-snapshot-codec';

/** Why the media is not the snapshot the checkpoint describes, as a warning's code and path. */
export interface CheckpointBytesProblem {
  readonly code: Extract<ImagoWarningCode, 'oversize' | 'malformed-content' | 'checkpoint-mismatch'>;
  /** The field of the checkpoint's content it contradicts (`content.size`). */
  readonly path: string;
  readonly detail: string;
}

/** The snapshot's bytes, or why not. */
export type CheckpointBytes =
  | { readonly ok: true; readonly value: Uint8Array }
  | { readonly ok: false; readonly error: CheckpointBytesProblem };

/**
 * Takes the snapshot's bytes out of the media a checkpoint names.
 *
 * @param checkpoint - the checkpoint's content (its `size` bounds the inflated bytes).
 * @param media - the media's bytes, as downloaded (at most its `encodedSize`, or `size`).
 * @returns the snapshot's bytes, of the announced length and digest; or `oversize` at
 *   `content.size` (inflates past it: inflating stopped there), `malformed-content` at
 *   `content.encoding` (not whole gzip), `checkpoint-mismatch` at `content.size` (shorter) or
 *   `content.sha256` (another digest).
 * @example
 * ```ts
 * const bytes = await parseCheckpointBytes(checkpoint, media);
 * if (bytes.ok) decodeFoldSnapshot(bytes.value);
 * ```
 */
export async function parseCheckpointBytes(
  checkpoint: CheckpointContent,
  media: Uint8Array,
): Promise<CheckpointBytes> {
  const fail = (code: CheckpointBytesProblem['code'], path: string, detail: string): CheckpointBytes => ({
    ok: false,
    error: { code, path, detail },
  });
  let bytes = media;
  if (checkpoint.encoding === 'gzip') {
    const inflated = await gunzipSnapshot(media, checkpoint.size);
    if (!inflated.ok) {
      return inflated.error === 'oversize'
        ? fail('oversize', 'content.size', 'the snapshot inflates past the checkpoint’s size')
        : fail('malformed-content', 'content.encoding', 'the snapshot is not whole gzip');
    }
    bytes = inflated.value;
  }
  if (bytes.length > checkpoint.size)
    return fail('oversize', 'content.size', 'the snapshot is longer than the checkpoint’s size');
  if (bytes.length < checkpoint.size)
    return fail('checkpoint-mismatch', 'content.size', 'the snapshot is shorter than the checkpoint’s size');
  if ((await sha256Hex(bytes)) !== checkpoint.sha256)
    return fail(
      'checkpoint-mismatch',
      'content.sha256',
      'the snapshot’s bytes do not hash to the checkpoint’s digest',
    );
  return { ok: true, value: bytes };
}
