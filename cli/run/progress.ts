/**
 * The main job's progress display: on a terminal one status line redrawn in place, elsewhere
 * (CI) plain lines; permanent lines (results, failures) above it. The steps feed it from the
 * engines' typed events.
 *
 * @module
 */

export interface ProgressState {
  /** 1-based index of the current step, and how many there are. */
  step: number;
  steps: number;
  name: string;
  /** What is happening now: counts, the current phase, the current rate. */
  detail: string;
  elapsedMs: number;
  /** Estimated time left in the whole job. */
  remainingMs: number | null;
}

const clock = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The status line (pure). */
export function progressLine(p: ProgressState): string {
  return `[${p.step}/${p.steps} ${p.name}] ${p.detail}  elapsed ${clock(p.elapsedMs)}${p.remainingMs !== null ? `, ~${clock(p.remainingMs)} left` : ''}`;
}

export interface Step {
  name: string;
  /** Expected duration before it starts (ms). */
  estimateMs: number;
}

/**
 * Shows progress: on a terminal one line redrawn in place (5 times a second); elsewhere a plain
 * line when a step starts and every 5 s.
 */
export class Progress {
  private readonly started = performance.now();
  private stepIndex = -1;
  private stepStarted = 0;
  private detail = '';
  /** Estimated time left in the current step, when the step knows better than its estimate. */
  private stepLeft: (() => number | null) | null = null;
  private timer: NodeJS.Timeout | undefined;
  private lastPlain = -Infinity;
  private drawn = false;

  constructor(
    private readonly steps: Step[],
    private readonly out: NodeJS.WriteStream = process.stdout,
    private readonly tty = !!process.stdout.isTTY,
  ) {}

  begin(name: string, detail = '', left: (() => number | null) | null = null): void {
    this.stepIndex = this.steps.findIndex((s) => s.name === name);
    this.stepStarted = performance.now();
    this.detail = detail;
    this.stepLeft = left;
    if (!this.timer) {
      this.timer = setInterval(() => this.tick(), this.tty ? 200 : 1000);
      this.timer.unref();
    }
    this.lastPlain = -Infinity;
    this.tick();
  }

  update(detail: string): void {
    this.detail = detail;
  }

  state(): ProgressState {
    const now = performance.now();
    const i = Math.max(0, this.stepIndex);
    const step = this.steps[i]!;
    const inStep = now - this.stepStarted;
    const left = this.stepLeft?.() ?? Math.max(0, step.estimateMs - inStep);
    const after = this.steps.slice(i + 1).reduce((t, s) => t + s.estimateMs, 0);
    return { step: i + 1, steps: this.steps.length, name: step.name, detail: this.detail, elapsedMs: now - this.started, remainingMs: left + after };
  }

  private tick(): void {
    const line = progressLine(this.state());
    if (this.tty) {
      const width = this.out.columns || 120;
      this.out.write(`\r\x1b[2K${line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line}`);
      this.drawn = true;
    } else if (performance.now() - this.lastPlain >= 5000) {
      this.out.write(`${line}\n`);
      this.lastPlain = performance.now();
    }
  }

  /** A permanent line, above the status line. */
  log(line: string): void {
    if (this.tty && this.drawn) this.out.write('\r\x1b[2K');
    this.out.write(`${line}\n`);
    if (this.tty) this.tick();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.tty && this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
  }
}
