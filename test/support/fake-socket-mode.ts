import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's side of a Socket Mode connection on loopback: says hello, sends envelopes, and collects the
 * app's acknowledgements (`{ envelope_id, payload }`).
 */
export async function startFakeSocketMode() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const acks = new Map<string, (payload: unknown) => void>();
  let client: WebSocket | undefined;
  let connected: () => void = () => {};
  const connection = new Promise<void>((resolve) => { connected = resolve; });
  server.on('connection', (socket) => {
    client = socket;
    socket.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (msg.envelope_id) acks.get(msg.envelope_id)?.(msg.payload);
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0AIGOV' } }));
    connected();
  });
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
  return {
    url,
    connected: () => connection,
    /** Sends an envelope (type: slash_commands | interactive | events_api) and resolves with the app's ack payload. */
    send(type: string, payload: unknown, timeoutMs = 3000): Promise<unknown> {
      const envelopeId = randomUUID();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ack for ${type} within ${timeoutMs} ms`)), timeoutMs);
        acks.set(envelopeId, (p) => { clearTimeout(timer); resolve(p); });
        client!.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
      });
    },
    close: () => new Promise<void>((resolve) => { for (const c of server.clients) c.terminate(); server.close(() => resolve()); }),
  };
}
