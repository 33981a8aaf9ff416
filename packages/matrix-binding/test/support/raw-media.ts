/**
 * @module
 * Media as a raw client-server session uploads and downloads it, and a gzip bomb to upload: what
 * the checkpoint attacks use.
 */
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { RawMatrix } from './raw-matrix';

/** Uploads bytes as the raw session, as any client can. */
export async function upload(raw: RawMatrix, bytes: Uint8Array): Promise<string> {
  const response = await fetch(`${raw.baseUrl}/_matrix/media/v3/upload?filename=c.json`, {
    method: 'POST',
    headers: { authorization: `Bearer ${raw.accessToken}`, 'content-type': 'application/json' },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return ((await response.json()) as { content_uri: string }).content_uri;
}

/** The media's bytes, as the raw session downloads them. */
export async function download(raw: RawMatrix, url: string): Promise<Uint8Array> {
  const response = await fetch(
    `${raw.baseUrl}/_matrix/client/v1/media/download/${url.slice('mxc://'.length)}`,
    {
      headers: { authorization: `Bearer ${raw.accessToken}` },
    },
  );
  return new Uint8Array(await response.arrayBuffer());
}

/** gzip of `megabytes` MB of zeros, compressed as it streams: never held inflated. */
export async function gzipBomb(megabytes: number): Promise<Uint8Array> {
  const zeros = Buffer.alloc(1024 * 1024);
  let left = megabytes;
  const source = new Readable({
    read() {
      this.push(left-- > 0 ? zeros : null);
    },
  });
  const parts: Buffer[] = [];
  for await (const part of source.pipe(createGzip({ level: 9 }))) parts.push(part as Buffer);
  return new Uint8Array(Buffer.concat(parts));
}
