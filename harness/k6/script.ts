/**
 * Renders a self-contained k6 script (JavaScript with JSDoc types, checked against @types/k6 by
 * k6.test.ts) from a suite spec: its own SigV4 signing on `k6/crypto`, one scenario per request
 * stream (constant-arrival-rate, or ramping-arrival-rate for throttle curves), thresholds on p99
 * per operation and on a throttled-rate metric, and everything environment-driven:
 *
 * | env | meaning | default |
 * |---|---|---|
 * | KMS_ENDPOINT | KMS endpoint URL | http://127.0.0.1:4599 (kmsbench serve) |
 * | AWS_REGION | signing Region | the suite's Region |
 * | AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN | credentials | test / test |
 * | KMS_KEY_<NAME> | use this existing key instead of creating one in setup() | — |
 * | KMS_RATE_SCALE | multiply every arrival rate | 1 |
 * | KMS_DURATION | duration of constant-arrival-rate scenarios | the suite's |
 * | KMS_QUOTA_RATE | quota the throttle curve steps around (0.5× … 3×) | the suite's |
 * | KMS_P99_MS, KMS_P99_MS_<OPERATION> | p99 thresholds in ms | per operation |
 * | KMS_MAX_VUS | cap of VUs per scenario | derived from the rate |
 *
 * The generated code is plain ES2020 (no k6 jslib imports), so it runs on any k6 ≥ 0.43 and on
 * k6-operator without network access to jslib.k6.io. Request bodies (the scenarios' and the
 * set-up calls') are the body table of harness/load/request-bodies.ts rendered as source.
 *
 * @module
 */
import { MAX_ENCRYPT_PLAINTEXT, requestBody, type BodyValues, type KeyUsage } from '../load/request-bodies.js';


export interface K6Key {
  /** Name in the script (letters, digits, `_`); env var KMS_KEY_<NAME> overrides creation. */
  name: string;
  spec: string;
  usage: KeyUsage;
}

export type K6Executor =
  | { kind: 'constant'; ratePerSecond: number; duration: string }
  | {
      kind: 'ramping';
      /** Default quota rate (KMS_QUOTA_RATE overrides). */
      quotaRate: number;
      factors: number[];
      stepSeconds: number;
      rampSeconds: number;
    };

export interface K6Stream {
  /** Scenario name (unique; letters, digits, `_`). */
  scenario: string;
  operation: string;
  /** K6Key name (absent for GenerateRandom, ListKeys …). */
  key?: string;
  keySpec?: string;
  keyPairSpec?: string;
  plaintextBytes?: number;
  executor: K6Executor;
  p99Ms: number;
}

export interface K6ScriptSpec {
  suite: string;
  title: string;
  /** Comment lines for the header. */
  description: string[];
  region: string;
  keys: K6Key[];
  streams: K6Stream[];
  /** Overall throttled-rate threshold (constant suites), e.g. 'rate<0.01'. */
  throttledThreshold?: string;
  /** Seconds of the slowest expected latency, to size VUs (default 0.1). */
  expectedLatencySeconds?: number;
}

const SAFE = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Throttled share expected at `f` × quota under sustained load (token bucket): 1 − 1/f. */
export const expectedThrottled = (f: number): number => (f <= 1 ? 0 : 1 - 1 / f);

export function loadLabel(f: number): string {
  return `${+f.toFixed(2)}x`;
}

const j = (v: unknown) => JSON.stringify(v);

/** A constant as script source: plain strings in single quotes, like the rest of the script. */
const literal = (x: string | number | Readonly<Record<string, string>>): string => (typeof x === 'string' && /^[\w.:-]*$/.test(x) ? `'${x}'` : j(x));

/** A body (request-bodies.ts) as a JavaScript object literal. */
const objectSource = (body: Record<string, string>): string => `{ ${Object.entries(body).map(([k, v]) => `${k}: ${v}`).join(', ')} }`;

/** Body values as script source, for a key whose id is the expression `keyId`. */
function sourceValues(keyId: string, key: string | undefined): BodyValues<string> {
  return {
    keyId,
    plaintext: (n) => `plaintext(${n})`,
    message: 'MESSAGE',
    ciphertext: `data.ciphertexts[${j(key)}]`,
    signature: `data.signatures[${j(key)}]`,
    mac: `data.macs[${j(key)}]`,
    literal,
  };
}

/** The body expression (JS source) of one stream; `k` is the key id variable. */
function bodyExpression(s: K6Stream): string {
  const params = {
    ...(s.keySpec ? { keySpec: s.keySpec } : {}),
    ...(s.keyPairSpec ? { keyPairSpec: s.keyPairSpec } : {}),
    plaintextBytes: s.plaintextBytes ?? MAX_ENCRYPT_PLAINTEXT,
    limit: 10,
  };
  return objectSource(requestBody(s.operation, params, sourceValues('k', s.key)));
}

/** setup()'s statements making the ciphertexts, signatures and MACs the streams' requests take, one per key. */
function preparation(keys: readonly K6Key[], streams: readonly K6Stream[]): string[] {
  const specOf = new Map(keys.map((k) => [k.name, k.spec]));
  const usedBy = (op: string) => streams.filter((s) => s.operation === op && s.key).map((s) => s.key!);
  const make = (op: 'Encrypt' | 'Sign' | 'GenerateMac', field: string, reply: string, params: { plaintextBytes?: number }) => (name: string) => {
    const body = requestBody(op, { keySpec: specOf.get(name) ?? 'SYMMETRIC_DEFAULT', ...params }, sourceValues(`data.keys[${j(name)}]`, name));
    return `  data.${field}[${j(name)}] = must(${literal(op)}, ${objectSource(body)}).${reply};`;
  };
  return [
    ...[...new Set([...usedBy('Decrypt'), ...usedBy('ReEncrypt')])].map(make('Encrypt', 'ciphertexts', 'CiphertextBlob', { plaintextBytes: 32 })),
    ...[...new Set(usedBy('Verify'))].map(make('Sign', 'signatures', 'Signature', {})),
    ...[...new Set(usedBy('VerifyMac'))].map(make('GenerateMac', 'macs', 'Mac', {})),
  ];
}

/** The SigV4 signer (k6/crypto), as script source. Exported separately for the tests. */
export const SIGV4_SOURCE = String.raw`// ---------------------------------------------------------------------------------------------
// AWS Signature Version 4 (header-signed POST, service "kms"), on k6/crypto only.

/** @type {{ day: string, key: ArrayBuffer | null }} */
const signingKeyCache = { day: '', key: null };

/** @param {string} day YYYYMMDD @returns {ArrayBuffer} */
function signingKey(day) {
  if (signingKeyCache.day !== day || signingKeyCache.key === null) {
    const kDate = crypto.hmac('sha256', 'AWS4' + SECRET_ACCESS_KEY, day, 'binary');
    const kRegion = crypto.hmac('sha256', kDate, REGION, 'binary');
    const kService = crypto.hmac('sha256', kRegion, 'kms', 'binary');
    signingKeyCache.key = crypto.hmac('sha256', kService, 'aws4_request', 'binary');
    signingKeyCache.day = day;
  }
  return signingKeyCache.key;
}

/**
 * Headers of a signed AWS JSON 1.1 call (host is signed; k6 sends it from the URL).
 * @param {string} target e.g. TrentService.Encrypt
 * @param {string} body JSON text
 * @param {Date} [now]
 * @returns {Record<string, string>}
 */
export function signedHeaders(target, body, now) {
  const amzDate = (now || new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  /** @type {Record<string, string>} */
  const headers = { 'content-type': 'application/x-amz-json-1.1', host: HOST, 'x-amz-date': amzDate, 'x-amz-target': target };
  if (SESSION_TOKEN) headers['x-amz-security-token'] = SESSION_TOKEN;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => n + ':' + headers[n].trim() + '\n').join('');
  const signedNames = names.join(';');
  const canonicalRequest = ['POST', PATH, '', canonicalHeaders, signedNames, crypto.sha256(body, 'hex')].join('\n');
  const scope = day + '/' + REGION + '/kms/aws4_request';
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, crypto.sha256(canonicalRequest, 'hex')].join('\n');
  const signature = crypto.hmac('sha256', signingKey(day), stringToSign, 'hex');
  headers['authorization'] = 'AWS4-HMAC-SHA256 Credential=' + ACCESS_KEY_ID + '/' + scope + ', SignedHeaders=' + signedNames + ', Signature=' + signature;
  return headers;
}
`;

const PLAINTEXT_SOURCE = `/** @param {number} n bytes @returns {string} base64 */
function plaintext(n) {
  let s = '';
  while (s.length < n) s += 'kmsbench-k6-plaintext-';
  return encoding.b64encode(s.slice(0, n));
}

`;

const ARRIVAL_SOURCE = `const DURATION = __ENV.KMS_DURATION || '';

/** Arrival rate as k6 wants it (integer iterations per time unit). @param {number} perSecond */
function arrival(perSecond) {
  if (perSecond >= 100 || (perSecond >= 1 && Number.isInteger(perSecond))) return { rate: Math.round(perSecond), timeUnit: '1s' };
  if (perSecond * 60 >= 1) return { rate: Math.round(perSecond * 60), timeUnit: '1m' };
  return { rate: Math.max(1, Math.round(perSecond * 3600)), timeUnit: '1h' };
}
`;

export function renderK6Script(spec: K6ScriptSpec): string {
  for (const k of spec.keys) if (!SAFE.test(k.name)) throw new RangeError(`k6 key name ${j(k.name)}: letters, digits and _ only`);
  const names = new Set<string>();
  for (const s of spec.streams) {
    if (!SAFE.test(s.scenario)) throw new RangeError(`k6 scenario name ${j(s.scenario)}: letters, digits and _ only`);
    if (names.has(s.scenario)) throw new RangeError(`duplicate scenario ${s.scenario}`);
    names.add(s.scenario);
  }
  const latency = spec.expectedLatencySeconds ?? 0.1;
  const uniq = (xs: string[]) => [...new Set(xs)];
  const keySpecOf = new Map(spec.keys.map((k) => [k.name, k.spec]));
  const ops = uniq(spec.streams.map((s) => s.operation));

  const ramping = spec.streams.find((s) => s.executor.kind === 'ramping')?.executor as Extract<K6Executor, { kind: 'ramping' }> | undefined;
  const constant = spec.streams.some((s) => s.executor.kind === 'constant');
  const scenarioLines: string[] = [];
  const thresholdLines: string[] = [];
  const execFns: string[] = [];
  for (const s of spec.streams) {
    const fn = `run_${s.scenario}`;
    const e = s.executor;
    if (e.kind === 'constant') {
      scenarioLines.push(
        `  ${s.scenario}: { executor: 'constant-arrival-rate', exec: ${j(fn)}, duration: DURATION || ${j(e.duration)}, ...arrival(${e.ratePerSecond} * RATE_SCALE), preAllocatedVUs: vus(${e.ratePerSecond} * RATE_SCALE, 1), maxVUs: vus(${e.ratePerSecond} * RATE_SCALE, 4), tags: { op: ${j(s.operation)} } },`,
      );
    } else {
      scenarioLines.push(
        `  ${s.scenario}: { executor: 'ramping-arrival-rate', exec: ${j(fn)}, timeUnit: '1s', startRate: Math.max(1, Math.round(CURVE[0].factor * QUOTA_RATE * RATE_SCALE)), stages: curveStages(), preAllocatedVUs: vus(CURVE_MAX * QUOTA_RATE * RATE_SCALE, 1), maxVUs: vus(CURVE_MAX * QUOTA_RATE * RATE_SCALE, 4), tags: { op: ${j(s.operation)} } },`,
      );
    }
    const body = bodyExpression(s);
    const usesData = /\bdata\b|\bk\b/.test(body);
    const curve = e.kind === 'ramping' ? `, { load: loadNow(exec.scenario.startTime) }` : '';
    execFns.push(
      [
        `/** ${s.operation}${s.key ? ` on ${s.key} (${keySpecOf.get(s.key)})` : ''}. @param {SetupData} ${usesData ? 'data' : '_data'} */`,
        `export function ${fn}(${usesData ? 'data' : '_data'}) {`,
        ...(/\bk\b/.test(body) ? [`  const k = data.keys[${j(s.key)}];`] : []),
        `  kms(${j(s.operation)}, ${body}${curve});`,
        `}`,
      ].join('\n'),
    );
  }
  const prepare = preparation(spec.keys, spec.streams);
  // Helpers only when a body uses them (the script passes tsc with noUnusedLocals).
  const bodies = [...execFns, ...prepare].join('\n');
  const needsMessage = /\bMESSAGE\b/.test(bodies);
  const needsPlaintext = /\bplaintext\(/.test(bodies);
  for (const op of ops) {
    const p99 = Math.max(...spec.streams.filter((s) => s.operation === op).map((s) => s.p99Ms));
    thresholdLines.push(`  ${j(`http_req_duration{op:${op}}`)}: ['p(99)<' + p99Ms(${j(op)}, ${p99})],`);
  }
  if (ramping) {
    for (const f of ramping.factors) {
      const x = expectedThrottled(f);
      const label = loadLabel(f);
      if (f <= 0.8) thresholdLines.push(`  ${j(`kms_throttled{load:${label}}`)}: ['rate<0.01'],`);
      else if (f >= 1.5) thresholdLines.push(`  ${j(`kms_throttled{load:${label}}`)}: ['rate>${Math.max(0, x - 0.15).toFixed(3)}', 'rate<${Math.min(1, x + 0.15).toFixed(3)}'],`);
    }
  } else if (spec.throttledThreshold) thresholdLines.push(`  kms_throttled: [${j(spec.throttledThreshold)}],`);

  const header = [
    `// ${spec.title}`,
    `// Generated by \`kmsbench export-k6 --suite ${spec.suite}\` — edit the suite, not this file.`,
    '//',
    ...spec.description.map((l) => (l ? `// ${l}` : '//')),
    '//',
    '// Run:   KMS_ENDPOINT=https://kms.' + spec.region + '.amazonaws.com AWS_REGION=' + spec.region + ' k6 run script.js',
    '// Env:   KMS_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN,',
    `//        ${spec.keys.map((k) => `KMS_KEY_${k.name}`).join(', ') || '(no keys)'} (existing keys; else setup() creates them),`,
    '//        KMS_RATE_SCALE, KMS_DURATION, KMS_QUOTA_RATE, KMS_P99_MS, KMS_P99_MS_<OPERATION>, KMS_MAX_VUS',
    '// Distributed: k6-operator (TestRun parallelism: N) or k6 --execution-segment splits every',
    '// arrival rate across the instances; see docs/k6.md.',
  ];

  const curveBlock = ramping
    ? `
/** Throttle curve: each step holds FACTOR × quota for STEP seconds after a RAMP-second ramp. */
const CURVE = ${j(ramping.factors.map((factor) => ({ factor, label: loadLabel(factor) })))};
const CURVE_MAX = ${Math.max(...ramping.factors)};
const QUOTA_RATE = num(__ENV.KMS_QUOTA_RATE, ${ramping.quotaRate});
const STEP_SECONDS = ${ramping.stepSeconds};
const RAMP_SECONDS = ${ramping.rampSeconds};

/** @returns {{ target: number, duration: string }[]} */
function curveStages() {
  /** @type {{ target: number, duration: string }[]} */
  const stages = [];
  for (const c of CURVE) {
    const target = Math.max(1, Math.round(c.factor * QUOTA_RATE * RATE_SCALE));
    stages.push({ target, duration: RAMP_SECONDS + 's' }, { target, duration: STEP_SECONDS + 's' });
  }
  return stages;
}

/** Load label of the current step ('ramp' while ramping), from the scenario's start. @param {number} startTime */
function loadNow(startTime) {
  const t = (Date.now() - startTime) / 1000;
  const i = Math.floor(t / (RAMP_SECONDS + STEP_SECONDS));
  if (i >= CURVE.length) return CURVE[CURVE.length - 1].label;
  return t - i * (RAMP_SECONDS + STEP_SECONDS) < RAMP_SECONDS ? 'ramp' : CURVE[i].label;
}
`
    : '';

  return `${header.join('\n')}
import http from 'k6/http';
import crypto from 'k6/crypto';
${needsMessage || needsPlaintext ? "import encoding from 'k6/encoding';\n" : ''}${ramping ? "import exec from 'k6/execution';\n" : ''}import { check, sleep } from 'k6';
import { Counter, Rate } from 'k6/metrics';

/** @param {string | undefined} v @param {number} fallback */
function num(v, fallback) {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isFinite(n) ? n : fallback;
}

const ENDPOINT = (__ENV.KMS_ENDPOINT || 'http://127.0.0.1:4599').replace(/\\/+$/, '');
const ENDPOINT_PARTS = /^(https?):\\/\\/([^/]+)(\\/.*)?$/.exec(ENDPOINT);
if (!ENDPOINT_PARTS) throw new Error('KMS_ENDPOINT must be an http(s) URL, got ' + ENDPOINT);
const HOST = ENDPOINT_PARTS[2];
const PATH = ENDPOINT_PARTS[3] || '/';
const URL_ = ENDPOINT_PARTS[1] + '://' + HOST + PATH;
const REGION = __ENV.AWS_REGION || __ENV.AWS_DEFAULT_REGION || ${j(spec.region)};
const ACCESS_KEY_ID = __ENV.AWS_ACCESS_KEY_ID || 'test';
const SECRET_ACCESS_KEY = __ENV.AWS_SECRET_ACCESS_KEY || 'test';
const SESSION_TOKEN = __ENV.AWS_SESSION_TOKEN || '';
const RATE_SCALE = num(__ENV.KMS_RATE_SCALE, 1);
const MAX_VUS = num(__ENV.KMS_MAX_VUS, 0);
${needsMessage ? "const MESSAGE = encoding.b64encode('kmsbench k6 message');\n" : ''}const EXPECTED_LATENCY_S = ${latency};
${constant ? ARRIVAL_SOURCE : ''}
/** VUs for an arrival rate (Little's law with headroom). @param {number} perSecond @param {number} factor */
function vus(perSecond, factor) {
  const n = Math.max(2, Math.ceil(perSecond * EXPECTED_LATENCY_S * 2 * factor));
  return MAX_VUS > 0 ? Math.min(MAX_VUS, n) : n;
}

/** @param {string} op @param {number} fallback */
function p99Ms(op, fallback) {
  return num(__ENV['KMS_P99_MS_' + op.toUpperCase()], num(__ENV.KMS_P99_MS, fallback));
}
${curveBlock}
/** Requests answered ThrottlingException (tagged op, and load on throttle curves). */
export const throttled = new Rate('kms_throttled');
/** Requests answered 200. */
export const admitted = new Counter('kms_admitted');
/** Other failures (not throttling). */
export const failed = new Counter('kms_failed');

/** @type {import('k6/options').Options} */
export const options = {
  discardResponseBodies: false,
  summaryTrendStats: ['avg', 'med', 'p(90)', 'p(99)', 'max'],
  scenarios: {
${scenarioLines.join('\n')}
  },
  thresholds: {
${thresholdLines.join('\n')}
  },
};
${SIGV4_SOURCE}
// ---------------------------------------------------------------------------------------------
// KMS calls

/**
 * @typedef {{ keys: Record<string, string>, ciphertexts: Record<string, string>, signatures: Record<string, string>, macs: Record<string, string> }} SetupData
 */

/**
 * One KMS call, signed; records kms_throttled / kms_admitted / kms_failed.
 * @param {string} op
 * @param {Record<string, unknown>} body
 * @param {Record<string, string>} [tags]
 * @returns {Record<string, any>} the parsed reply (empty on failure)
 */
export function kms(op, body, tags) {
  const text = JSON.stringify(body);
  /** @type {Record<string, string>} */
  const allTags = Object.assign({ op: op, name: op }, tags || {});
  const res = http.post(URL_, text, { headers: signedHeaders('TrentService.' + op, text), tags: allTags });
  const bodyText = typeof res.body === 'string' ? res.body : '';
  const isThrottled = res.status === 400 && bodyText.indexOf('ThrottlingException') >= 0;
  throttled.add(isThrottled, allTags);
  if (res.status === 200) admitted.add(1, allTags);
  else if (!isThrottled) failed.add(1, allTags);
  check(res, { [op + ' 200 or throttled']: (r) => r.status === 200 || isThrottled });
  if (res.status !== 200) return {};
  try {
    const parsed = JSON.parse(bodyText);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch (e) {
    return {};
  }
}

${needsPlaintext ? PLAINTEXT_SOURCE : ''}/**
 * A call that must succeed (set-up): retries throttling with backoff, throws otherwise.
 * @param {string} op @param {Record<string, unknown>} body @returns {Record<string, any>}
 */
function must(op, body) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const text = JSON.stringify(body);
    const res = http.post(URL_, text, { headers: signedHeaders('TrentService.' + op, text), tags: { op: op, name: op, phase: 'setup' } });
    const bodyText = typeof res.body === 'string' ? res.body : '';
    if (res.status === 200) return JSON.parse(bodyText);
    if (!(res.status === 400 && bodyText.indexOf('ThrottlingException') >= 0)) throw new Error('setup: ' + op + ' failed: ' + res.status + ' ' + bodyText.slice(0, 300));
    sleep(0.2 * Math.pow(2, attempt));
  }
  throw new Error('setup: ' + op + ' still throttled after 8 attempts');
}

/** @type {{ name: string, spec: string, usage: string }[]} */
const KEYS = ${j(spec.keys)};

/** Keys (existing ones from KMS_KEY_<NAME>, else new ones), ciphertexts, signatures and MACs. @returns {SetupData} */
export function setup() {
  /** @type {SetupData} */
  const data = { keys: {}, ciphertexts: {}, signatures: {}, macs: {} };
  for (const k of KEYS) {
    const existing = __ENV['KMS_KEY_' + k.name];
    data.keys[k.name] = existing || must('CreateKey', { KeySpec: k.spec, KeyUsage: k.usage, Description: 'kmsbench k6 ${spec.suite} ' + k.name }).KeyMetadata.KeyId;
  }
${prepare.map((l) => `${l}\n`).join('')}  return data;
}

// ---------------------------------------------------------------------------------------------
// One function per scenario

${execFns.join('\n\n')}
`;
}
