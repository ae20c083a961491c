import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Answers a websocket upgrade with a plain HTTP error, before any websocket frame, so
 * that the browser's handshake fails with that status (401, 403, 404…).
 */
export function refuseUpgrade(socket: Duplex, status: number, code: string): void {
  if (socket.destroyed) return;
  const body = JSON.stringify({ error: { code } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      '\r\n' +
      body,
  );
}
