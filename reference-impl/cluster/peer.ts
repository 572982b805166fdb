/**
 * The primary's view of each serving process, whatever it is: a forked child ({@link ChildPeer},
 * node:child_process IPC) or the primary's own serving half ({@link LoopbackPeer}, messages
 * delivered on the next turn of the event loop, as IPC would). The relays (./relays.ts) talk to
 * every peer alike; a serving process talks back through its {@link Channel}.
 *
 * Events: `message` (a {@link WorkerToPrimary}), `exit` (code, signal).
 *
 * @module
 */
import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import type { PrimaryToWorker, WorkerToPrimary } from './cluster-messages.js';

export interface Peer extends EventEmitter {
  readonly id: number;
  send(message: PrimaryToWorker, callback?: (error: Error | null) => void): boolean;
  isConnected(): boolean;
  isDead(): boolean;
}

/** A serving process's line to the primary. */
export interface Channel {
  /** False when there is no primary (any more). */
  send(message: WorkerToPrimary): boolean;
  onMessage(handler: (message: unknown, handle?: unknown) => void): void;
}

/** A forked serving process. */
export class ChildPeer extends EventEmitter implements Peer {
  constructor(
    readonly child: ChildProcess,
    readonly id: number,
  ) {
    super();
    child.on('message', (m: unknown) => this.emit('message', m));
    child.on('exit', (code, signal) => this.emit('exit', code, signal));
  }

  send(message: PrimaryToWorker, callback?: (error: Error | null) => void): boolean {
    return this.child.send(message, callback);
  }

  /** Hands an accepted connection over (closed here once sent). */
  sendConnection(socket: Socket, callback: (error: Error | null) => void): void {
    this.child.send({ type: 'connection' } satisfies PrimaryToWorker, socket, { keepOpen: false }, callback);
  }

  isConnected(): boolean {
    return this.child.connected;
  }

  isDead(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }
}

/** The primary's own serving half. */
export class LoopbackPeer extends EventEmitter implements Peer {
  readonly id = 0;
  private handler: ((message: unknown) => void) | undefined;
  private open = true;

  /** What the serving half uses to talk to the primary. */
  readonly channel: Channel = {
    send: (message) => {
      if (!this.open) return false;
      setImmediate(() => this.emit('message', message));
      return true;
    },
    onMessage: (handler) => {
      this.handler = handler;
    },
  };

  send(message: PrimaryToWorker, callback?: (error: Error | null) => void): boolean {
    if (!this.open) return false;
    setImmediate(() => {
      this.handler?.(message);
      callback?.(null);
    });
    return true;
  }

  isConnected(): boolean {
    return this.open;
  }

  isDead(): boolean {
    return !this.open;
  }

  /** The serving half stopped. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.emit('exit', 0, null);
  }
}
