/**
 * The request path of the reference server, stage by stage, without sockets:
 *
 * ```
 * target → auth (SigV4) → quota → parse JSON → validate → operation → response, audit
 * ```
 *
 * {@link Pipeline.handle} takes a fully read request and returns status, headers and body, so
 * tests and fuzzers can drive it in-process; the HTTP edge only reads bodies and writes replies.
 * Every failure becomes the AWS JSON 1.1 error shape; anything unexpected is a 500
 * `KMSInternalException` whose message never carries request data.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isoTime, type AuditEntry, type AuditSink } from '../audit/audit-log.js';
import type { CredentialLookup, Principal } from '../auth/credentials.js';
import { verifySigV4 } from '../auth/sigv4.js';
import type { Clock } from '../clock/clock.js';
import {
  InvalidSignatureException,
  isKmsError,
  KMSInternalException,
  KmsError,
  SerializationException,
  UnknownOperationException,
  UnrecognizedClientException,
} from '../errors.js';
import type { FaultSet } from '../faults.js';
import type { EncryptionContextEncoder } from '../hsm/encryption-context.js';
import type { Keyring } from '../keys/keyring.js';
import type { AuditNotes, OpContext } from '../ops/context.js';
import { handlerFor, isImplemented } from '../ops/index.js';
import { OPERATIONS as MODEL_OPERATIONS } from '../generated/index.js';
import { validateRequest } from '../validate/index.js';
import { CONTROL_OPERATIONS, isControlOperation, type ControlDeps } from './control.js';
import { protocolMsg } from './messages.js';
import { JsonText } from './json-text.js';

export interface RawRequest {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  remoteAddress?: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Admission control for a request (the quota stage); throws ThrottlingException to refuse. */
export type Admit = (principal: Principal, region: string, operation: string, input: unknown) => void;

export interface PipelineDeps {
  region: string;
  keyring: Keyring;
  credentials: CredentialLookup;
  clock: Clock;
  encodeContext: EncryptionContextEncoder;
  faults: FaultSet;
  audit: AuditSink;
  admit?: Admit;
  control: ControlDeps;
  /** Wall clock for SigV4 (never the controllable clock). */
  wallClock?: () => number;
  /**
   * Tells the server's other worker processes that this one wrote to the store; resolves once
   * they have all dropped their caches. The reply to a request that wrote waits for it, so no
   * worker can serve a stale key to a client that has seen the write acknowledged.
   */
  announceWrite?: () => Promise<void>;
}

const TRENT = 'TrentService.';
const isOperationName = (op: string): boolean => Object.hasOwn(MODEL_OPERATIONS, op);
const CONTROL = 'KmsBench.';
const JSON_TYPE = 'application/x-amz-json-1.1';

export class Pipeline {
  constructor(private readonly deps: PipelineDeps) {}

  handle(req: RawRequest): RawResponse | Promise<RawResponse> {
    const writesBefore = this.deps.keyring.store.writeCount;
    const response = this.process(req);
    if (this.deps.announceWrite && this.deps.keyring.store.writeCount !== writesBefore) {
      return this.deps.announceWrite().then(() => response);
    }
    return response;
  }

  private process(req: RawRequest): RawResponse {
    const started = performance.now();
    const requestId = randomUUID();
    const target = headerValue(req.headers['x-amz-target']);
    let operation = 'Unknown';
    let principal: Principal | undefined;
    const notes: AuditNotes = {};
    let response: RawResponse;
    let errorCode: string | undefined;
    try {
      const dot = target?.indexOf('.') ?? -1;
      const prefix = target && dot > 0 ? target.slice(0, dot + 1) : '';
      operation = target && dot > 0 ? target.slice(dot + 1) : 'Unknown';
      const known =
        req.method === 'POST' &&
        ((prefix === TRENT && isOperationName(operation)) || (prefix === CONTROL && isControlOperation(operation)));
      if (!known) throw new UnknownOperationException(protocolMsg.unknownOperation);
      principal = this.authenticate(req);
      this.deps.keyring.store.sync();
      const json = parseJson(req.body);
      const body = this.dispatch(prefix, operation, principal, json, notes);
      response = { status: 200, headers: baseHeaders(requestId), body };
    } catch (e) {
      const err = toKmsError(e);
      errorCode = err.code;
      response = { status: err.status, headers: baseHeaders(requestId), body: JSON.stringify(err.toJSON()) };
    }
    this.deps.audit.record(
      auditEntry(this.deps, req, requestId, operation, principal, notes, errorCode, performance.now() - started),
    );
    return response;
  }

  private authenticate(req: RawRequest): Principal {
    const { credentials, region, faults } = this.deps;
    if (faults.has('no-sigv4')) {
      const akid = /Credential=([^/,\s]+)/.exec(headerValue(req.headers.authorization) ?? '')?.[1];
      const record = akid ? credentials.lookup(akid) : undefined;
      if (!record) throw new UnrecognizedClientException(protocolMsg.unrecognizedClient);
      return record.principal;
    }
    const verified = verifySigV4(
      { method: req.method, rawUrl: req.url, headers: req.headers, body: req.body },
      credentials,
      (this.deps.wallClock ?? Date.now)(),
    );
    if (verified.region !== region) throw new InvalidSignatureException(protocolMsg.wrongRegion(verified.region));
    return verified.principal;
  }

  private dispatch(prefix: string, operation: string, principal: Principal, json: unknown, notes: AuditNotes): string {
    const { keyring, clock, encodeContext, faults, region } = this.deps;
    const ctx: OpContext = {
      scope: { account: principal.accountId, region, principalArn: principal.arn, now: clock.now() },
      keyring,
      encodeContext,
      faults,
      audit: notes,
    };
    if (prefix === CONTROL) {
      return JSON.stringify(CONTROL_OPERATIONS[operation as keyof typeof CONTROL_OPERATIONS](json, ctx, this.deps.control));
    }
    const input = validateRequest(operation as never, json);
    this.deps.admit?.(principal, region, operation, input);
    if (!isImplemented(operation)) throw new KmsError('UnsupportedOperationException', protocolMsg.notImplemented(operation));
    const result = handlerFor(operation)(input, ctx);
    return result instanceof JsonText ? result.text : JSON.stringify(result);
  }
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function baseHeaders(requestId: string): Record<string, string> {
  return { 'content-type': JSON_TYPE, 'x-amzn-requestid': requestId };
}

function parseJson(body: Buffer): unknown {
  // AWS JSON 1.1 treats an empty body as an empty input structure.
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new SerializationException(protocolMsg.malformedJson);
  }
}

function toKmsError(e: unknown): KmsError {
  if (isKmsError(e)) return e;
  return new KMSInternalException(protocolMsg.internal, { cause: e });
}

function auditEntry(
  deps: PipelineDeps,
  req: RawRequest,
  requestId: string,
  operation: string,
  principal: Principal | undefined,
  notes: AuditNotes,
  errorCode: string | undefined,
  durationMs: number,
): AuditEntry {
  const entry: AuditEntry = {
    eventTime: isoTime(deps.clock.now()),
    requestId,
    eventName: operation,
    awsRegion: deps.region,
  };
  if (principal) {
    entry.recipientAccountId = principal.accountId;
    entry.principalArn = principal.arn;
    entry.accessKeyId = principal.accessKeyId;
  }
  if (req.remoteAddress) entry.sourceIPAddress = req.remoteAddress;
  const ua = headerValue(req.headers['user-agent']);
  if (ua) entry.userAgent = ua;
  if (notes.resources) entry.resources = notes.resources;
  if (notes.encryptionContext) entry.encryptionContext = notes.encryptionContext;
  if (errorCode) entry.errorCode = errorCode;
  entry.durationMs = Math.round(durationMs * 1000) / 1000;
  return entry;
}
