/**
 * @module
 * The RTC authorisation service on HTTP, on 127.0.0.1: a thin `node:http` shell around
 * `@imago/assemblies`' web-standard handler. Its URL is what the homeserver advertises as the
 * `livekit_service_url` of its MatrixRTC transport (MSC4143).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenService } from '@imago/assemblies/authorisation';

/** The running HTTP service. */
export interface RtcServer {
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

/**
 * Serves the token service.
 *
 * @param service - the token service.
 * @param port - the port on 127.0.0.1 (0: a free one).
 * @returns its URL and a way to stop it.
 */
export async function serveRtcAuthorisation(service: TokenService, port: number): Promise<RtcServer> {
  const server: Server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of incoming) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) {
        outgoing.writeHead(413).end();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const method = incoming.method ?? 'GET';
    const request = new Request(`http://127.0.0.1${incoming.url ?? '/'}`, {
      method,
      headers: incoming.headers as Record<string, string>,
      ...(method === 'GET' || method === 'HEAD' || method === 'OPTIONS'
        ? {}
        : { body: Buffer.concat(chunks) }),
    });
    const response = await service
      .handle(request)
      .catch(
        () =>
          new Response(JSON.stringify({ errcode: 'M_UNKNOWN', error: 'internal error' }), { status: 500 }),
      );
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
