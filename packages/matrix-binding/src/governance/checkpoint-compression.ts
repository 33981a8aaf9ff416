/**
 * @module
 * The transport of a checkpoint's snapshot: gzip (RFC 1952) through the web-standard
 * `CompressionStream` and `DecompressionStream`, so that a long history's snapshot fits under a
 * homeserver's upload limit, and bounded reading, so that a hostile authority's upload can never
 * make a reader hold more than the checkpoint announced. A few kilobytes of gzip may inflate to
 * gigabytes: {@link gunzipSnapshot} stops inflating as soon as the output passes its limit.
 */

/** Why bytes could not be taken: more than the limit, or not a whole valid gzip member. */
export type SnapshotTransportError = 'oversize' | 'corrupt';

/** Bytes read under a limit, or why not. */
export type BoundedBytes =
  | { readonly ok: true; readonly value: Uint8Array }
  | { readonly ok: false; readonly error: SnapshotTransportError };

/**
 * Compresses a snapshot's bytes with gzip.
 *
 * @param bytes - the encoded snapshot ({@link encodeFoldSnapshot}).
 * @returns the gzip bytes.
 * @example
 * ```ts
 * const upload = await gzipSnapshot(encodeFoldSnapshot(snapshot));
 * ```
 */
export async function gzipSnapshot(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  const read = await readBounded(stream, Number.POSITIVE_INFINITY);
  if (!read.ok) throw new Error('gzip failed'); // compressing bytes in memory does not fail
  return read.value;
}

/**
 * Inflates gzip bytes, streaming, and stops as soon as the output passes `limit` bytes: a gzip bomb
 * costs its reader at most `limit` bytes and one chunk.
 *
 * @param compressed - the gzip bytes.
 * @param limit - the most bytes the output may have (the checkpoint's `size`).
 * @returns the inflated bytes, or `oversize` (more than `limit`), or `corrupt` (truncated, not
 *   gzip, trailing bytes, a wrong checksum).
 * @example
 * ```ts
 * const inflated = await gunzipSnapshot(bytes, checkpoint.size);
 * if (!inflated.ok) warn(inflated.error);
 * ```
 */
export function gunzipSnapshot(compressed: Uint8Array, limit: number): Promise<BoundedBytes> {
  const source = new Blob([compressed as Uint8Array<ArrayBuffer>]).stream();
  return readBounded(source.pipeThrough(new DecompressionStream('gzip')), limit);
}

/**
 * Reads a stream to its end, unless it passes `limit` bytes: then it is cancelled at once (with
 * whatever feeds it) and `oversize` returned. A stream that errors gives `corrupt`.
 *
 * @param stream - the bytes.
 * @param limit - the most bytes to take.
 * @returns the bytes, or why not.
 */
export async function readBounded(stream: ReadableStream<Uint8Array>, limit: number): Promise<BoundedBytes> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > limit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, error: 'oversize' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, error: 'corrupt' };
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, value: bytes };
}
