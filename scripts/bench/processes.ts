/**
 * Child processes for benchmarks: start a server that prints `listening on URL`, wait for the
 * line, and stop it (the whole process group) afterwards.
 *
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startChildServer(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<ChildServer> {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')}: no 'listening on' line within 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before listening`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /listening on (\S+)/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        url: m[1]!,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            try {
              process.kill(-child.pid!, 'SIGTERM');
            } catch {
              done();
            }
            setTimeout(() => {
              try {
                process.kill(-child.pid!, 'SIGKILL');
              } catch {
                // already gone
              }
            }, 5000).unref();
          }),
      });
    });
  });
}
