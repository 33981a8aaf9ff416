/**
 * @module
 * Election archives and trustee contributions travel through the homeserver's media repository
 * (they exceed the 64 KiB limit of an event); events carry their `mxc://` URI.
 */
import type { MatrixClient } from 'matrix-js-sdk';

/**
 * Uploads bytes and returns their `mxc://` URI.
 *
 * @param client - the uploader.
 * @param bytes - the content.
 * @param name - a file name.
 * @returns the content URI.
 */
export async function uploadBytes(client: MatrixClient, bytes: Uint8Array, name: string): Promise<string> {
  const response = await client.uploadContent(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    name,
    type: 'application/octet-stream',
  });
  return response.content_uri;
}

/**
 * Downloads an `mxc://` URI with the client's access token (authenticated media).
 *
 * @param client - the downloader.
 * @param mxc - the content URI.
 * @returns the bytes.
 * @throws Error when the homeserver refuses.
 */
export async function downloadBytes(client: MatrixClient, mxc: string): Promise<Uint8Array> {
  const match = /^mxc:\/\/([^/]+)\/([A-Za-z0-9_-]+)$/.exec(mxc);
  if (!match) throw new Error(`not an mxc URI: ${mxc}`);
  const response = await fetch(`${client.baseUrl}/_matrix/client/v1/media/download/${match[1]}/${match[2]}`, {
    headers: { authorization: `Bearer ${client.getAccessToken() ?? ''}` },
  });
  if (!response.ok) throw new Error(`download of ${mxc} failed (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}
