import type { Server } from 'node:http';
import { createServer, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type Koa from 'koa';

/**
 * Node's answer to a request it cannot parse (headers over its 16 KB limit — a very long address does it —,
 * malformed HTTP): the usual error body, so every 4xx a client gets has one shape. The app never sees these
 * requests, so there is no locale to choose: zh-CN.
 */
function answerUnparsable(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers-too-large', '请求头或地址过长']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request-timeout', '请求超时']
        : [400, 'bad-request', '请求格式有误'];
  const body = JSON.stringify({ error: { code, message, details: [] } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** The HTTP server of the app. */
export function createHttpServer(app: Koa): Server {
  const server = createServer(app.callback());
  server.on('clientError', answerUnparsable);
  return server;
}
