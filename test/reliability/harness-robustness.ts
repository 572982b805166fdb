/**
 * The harness against a broken target: `kmsbench conformance --endpoint URL --expect none`
 * against each mode of test/support/broken-endpoint.ts, with a short per-case timeout, twice:
 *
 * - the stub answers the capability probe, so every case meets the broken behaviour: the run
 *   must end on its own with exit code 1 (differences from an empty expectation file), print no
 *   stack trace, write results.json, and give no case a `pass` (every case needs a real reply)
 *   nor an `error` that is kmsbench's own (a case reading a broken reply must fail on it, not
 *   throw a TypeError; an `error` for no reply or a timeout says "no verdict", which is right);
 * - the stub breaks the probe too: the run must stop with exit code 3 ("could not be carried
 *   out") and a one-line reason, no stack trace.
 *
 * Other outcomes (fail, blocked, unsupported, skip) are not pinned.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BROKEN_MODES, startBrokenEndpoint, type BrokenMode } from '../support/broken-endpoint.js';
import { kmsbench, tempDir } from '../e2e/harness.js';

export interface ModeResult {
  mode: BrokenMode;
  probeAnswered: boolean;
  /** The first line the CLI printed on stderr (the reason, for exit 3). */
  reason: string;
  exitCode: number | null;
  signal: string | null;
  stackTrace: boolean;
  resultsWritten: boolean;
  cases: number;
  /** Passes (each a false pass: no case may pass against a broken target). */
  pass: number;
  /** Ids of cases that passed (false passes). */
  passed: string[];
  /** Cases that ended `error` for a fault of kmsbench's own (not no reply, not a timeout): none may. */
  errored: string[];
  outcomes: Record<string, number>;
  requestsSeen: number;
  ms: number;
}

export interface HarnessResult {
  modes: ModeResult[];
  /** Modes whose run crashed, hung, printed a stack trace or gave a pass. */
  failures: string[];
}

const STACK = /^\s+at .+(\(.+:\d+:\d+\)|:\d+:\d+)$/m;

interface CaseResult {
  id: string;
  outcome: string;
  reason?: string;
}

/** An `error` that is not the target's silence: no reply and timeouts leave a case without a verdict, rightly. */
const harnessFault = (c: CaseResult): boolean => c.outcome === 'error' && !/^no reply from the endpoint|^timed out after/.test(c.reason ?? '');

export async function runHarnessRobustness(o: {
  tags?: string;
  /** Tags for the `hang` mode (each hanging case waits out its timeout and its cleanups'). */
  hangTags?: string;
  timeoutMs: number;
  runTimeoutMs: number;
  modes?: readonly BrokenMode[];
  /** Also run each mode with the probe broken (default true). */
  probeRefused?: boolean;
}): Promise<HarnessResult> {
  const modes: ModeResult[] = [];
  const runs = (o.modes ?? BROKEN_MODES).flatMap((mode) => [{ mode, answerProbe: true }, ...(o.probeRefused === false ? [] : [{ mode, answerProbe: false }])]);
  for (const { mode, answerProbe } of runs) {
    const stub = await startBrokenEndpoint(mode, { answerProbe });
    const tags = mode === 'hang' ? (o.hangTags ?? o.tags) : o.tags;
    const out = join(tempDir('kmsbench-broken-'), 'out');
    const started = Date.now();
    try {
      const r = await kmsbench(
        ['conformance', '--endpoint', stub.url, '--expect', 'none', '--timeout', String(o.timeoutMs), '--out', out, ...(tags ? ['--tags', tags] : [])],
        o.runTimeoutMs,
      );
      const file = join(out, 'results.json');
      const results = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { cases: CaseResult[] }) : undefined;
      const outcomes: Record<string, number> = {};
      for (const c of results?.cases ?? []) outcomes[c.outcome] = (outcomes[c.outcome] ?? 0) + 1;
      const passed = (results?.cases ?? []).filter((c) => c.outcome === 'pass').map((c) => c.id);
      const errored = (results?.cases ?? []).filter(harnessFault).map((c) => c.id);
      modes.push({
        mode,
        probeAnswered: answerProbe,
        reason: r.stderr.split('\n').find((l) => l.trim() !== '')?.slice(0, 200) ?? '',
        exitCode: r.code,
        signal: r.signal,
        stackTrace: STACK.test(r.stderr) || STACK.test(r.stdout),
        resultsWritten: results !== undefined,
        cases: results?.cases.length ?? 0,
        pass: passed.length,
        passed,
        errored,
        outcomes,
        requestsSeen: stub.requests(),
        ms: Date.now() - started,
      });
    } finally {
      await stub.close();
    }
  }
  const failures = modes
    .filter((m) => (m.probeAnswered ? m.exitCode !== 1 || !m.resultsWritten || m.cases === 0 : m.exitCode !== 3 || m.reason === '') || m.stackTrace || m.pass > 0 || m.errored.length > 0)
    .map(
      (m) =>
        `${m.mode}${m.probeAnswered ? '' : ' (probe broken)'}: exit ${m.exitCode ?? m.signal}${m.stackTrace ? ', stack trace' : ''}` +
        `${m.probeAnswered && !m.resultsWritten ? ', no results.json' : ''}${m.pass ? `, ${m.pass} false passes (${m.passed.slice(0, 5).join(', ')})` : ''}` +
        `${m.errored.length ? `, ${m.errored.length} harness errors (${m.errored.slice(0, 5).join(', ')})` : ''}`,
    );
  return { modes, failures };
}
