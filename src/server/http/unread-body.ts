// Answers sent before the request body was read (413, 401, 415 …) leave the rest of the body on the wire. The web
// stream adapter of @hono/node-server keeps the request paused once nobody reads it, so the connection stalls and
// was reset half a second later although the answer said keep-alive: the client's next request on that socket
// failed. Here the server takes the body over once the answer is sent and throws it away, within bounds:
// - a keep-alive answer: the connection stays usable for the next request once the body has arrived;
// - an answer with `Connection: close` (every 413): Node sends FIN after the answer and the server keeps reading
//   until the body has arrived ("lingering close"), so the client reads the whole answer instead of a reset and
//   retries on a new socket.
// A body beyond the bounds (bytes or time) ends the connection: the client has had its answer by then.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface DiscardLimits {
  /** Bytes of an unread body thrown away before the connection is cut. */
  maxBytes: number;
  /** Time the rest of an unread body may take to arrive. */
  maxMs: number;
}

export const DISCARD_LIMITS: DiscardLimits = { maxBytes: 64 * 1024 * 1024, maxMs: 10_000 };

export function settleUnreadBodies(server: Server, limits: DiscardLimits = DISCARD_LIMITS): void {
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    // Node's own 'finish' handler runs first: it has ended the socket when the answer said close.
    res.once('finish', () => { if (!req.complete && !req.destroyed) discard(req, req.socket, limits); });
  });
}

function discard(req: IncomingMessage, socket: Socket, limits: DiscardLimits) {
  if (socket.destroyed) return;
  const closing = socket.writableEnded;
  // Node destroys a closing socket once its FIN is flushed, which resets the unread bytes: keep reading instead.
  if (closing) socket.removeListener('finish', socket.destroy);
  let bytes = 0;
  const cut = () => { clearTimeout(timer); socket.destroy(); };
  const timer = setTimeout(cut, limits.maxMs);
  timer.unref();
  // The abandoned body stream's listener pauses the request when its queue is full: drop it (as Node's own
  // request dump does) and let the bytes flow into nothing.
  req.removeAllListeners('data');
  req.on('data', (chunk: Buffer) => { bytes += chunk.length; if (bytes > limits.maxBytes) cut(); });
  req.once('end', () => {
    clearTimeout(timer);
    // The whole body is read: once the answer and FIN are flushed, closing resets nothing.
    if (closing && socket.writableFinished) socket.destroy();
    else if (closing) socket.once('finish', () => socket.destroy());
  });
  req.once('close', () => clearTimeout(timer));
  req.resume();
}
