/**
 * Writes the replies of one event-loop turn together, after one call of a `beforeWrite` hook.
 *
 * The server's audit log must hold a request's line before the client hears back (a `kill -9`
 * must not lose the line of an acknowledged request), and one `write(2)` per request would cost
 * more than it needs to. So replies built during a turn — for every connection whose bytes
 * arrived in it, pipelined or not — are queued and written in the turn's check phase
 * (`setImmediate`), right after the poll phase that produced them, once `beforeWrite` (the audit
 * flush) has run. Without a hook, replies are written at once.
 *
 * @module
 */
import type { Socket } from 'node:net';

export interface ReplyWriter {
  /** Writes `data` to `socket` (then ends it when `end`), in call order per socket. */
  write(socket: Socket, data: string, end: boolean): void;
}

/**
 * Ends a connection after `data`, and closes its descriptor once `data` is handed to the kernel
 * (as node:http does for `connection: close`): a client that never reads cannot hold it open.
 */
function endAfter(socket: Socket, data: string): void {
  socket.end(data, () => socket.destroy());
}

const direct: ReplyWriter = {
  write(socket, data, end) {
    if (end) endAfter(socket, data);
    else socket.write(data);
  },
};

export function createReplyWriter(beforeWrite?: () => void): ReplyWriter {
  if (!beforeWrite) return direct;
  let sockets: Socket[] = [];
  let data: string[] = [];
  let ends: boolean[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    const s = sockets;
    const d = data;
    const e = ends;
    sockets = [];
    data = [];
    ends = [];
    try {
      beforeWrite();
    } catch {
      // The hook reports its own failures; the replies go out regardless.
    }
    for (let i = 0; i < s.length; i++) {
      const socket = s[i]!;
      if (socket.destroyed) continue;
      if (e[i]) endAfter(socket, d[i]!);
      else if (d[i]!.length > 0) socket.write(d[i]!);
    }
  };
  return {
    write(socket, chunk, end) {
      sockets.push(socket);
      data.push(chunk);
      ends.push(end);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
  };
}
