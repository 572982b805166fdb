/**
 * The request path of the reference server, stage by stage, without sockets:
 *
 * ```
 * target → auth (SigV4) → parse JSON → validate → quota → [inject] → operation → reply, audit
 * ```
 *
 * Control calls (`KmsBench.*`, ./control.ts) leave the path after parsing: they are neither
 * validated against the model nor counted against quotas. The quota stage comes after validation
 * because a request's class depends on its key (`KeyId`, or the key a ciphertext names).
 * Injection (`--inject`, ../inject/), when on, delays admitted calls or fails them instead of
 * running the operation; off, it costs one property read.
 *
 * {@link Pipeline.handle} takes a fully read request and returns status, headers and body, so
 * tests and fuzzers can drive it in-process; the HTTP edge only reads bodies and writes replies.
 * Every failure becomes the AWS JSON 1.1 error shape; anything unexpected is a 500
 * `KMSInternalException` whose message never carries request data.
 *
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isoTime, type AuditEntry, type AuditSink } from '../audit/audit-log.js';
import type { CredentialLookup, Principal } from '../auth/credentials.js';
import { verifySigV4 } from '../auth/sigv4.js';
import { PERMISSIVE_SIGV4_OPTIONS, type AuthMode } from '../auth/permissive.js';
import type { Clock } from '../clock/clock.js';
import {
  THROTTLING_MESSAGE,
  ThrottlingException,
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
import type { AuditNotes, KeyStoreServicesOnDemand, OpContext } from '../ops/context.js';
import { handlerFor, isImplemented, type ImplementedOperation } from '../ops/operation-table.js';
import type { Authorizer, AuthzRequestInfo } from '../ops/authorize.js';
import { authorizeStage, decidedBy } from '../ops/policy-engine.js';
import { callerPrincipal } from '../records/caller-principal.js';
import { OPERATIONS as MODEL_OPERATIONS } from '../../common/model/model.js';
import { validateRequest, validateRequestLeakingValues } from '../validate/index.js';
import { CONTROL_OPERATIONS, isControlOperation, type ControlDeps } from './control.js';
import type { Admission } from '../quota/admission.js';
import type { KeyInfo } from '../../common/quota/classes.js';
import { parseCiphertextBlob } from '../hsm/blob.js';
import { protocolMsg } from './protocol-messages.js';
import { JsonText } from '../reply/json-text.js';
import { injectedError, type Injection, type Injector } from '../inject/injector.js';

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
  /** Reset the connection instead of answering (injected). */
  reset?: boolean;
}

export interface PipelineDeps {
  region: string;
  keyring: Keyring;
  credentials: CredentialLookup;
  clock: Clock;
  encodeContext: EncryptionContextEncoder;
  faults: FaultSet;
  audit: AuditSink;
  /** The quota stage; absent (or the `no-throttle` fault) means nothing is throttled. */
  admission?: Admission;
  control: ControlDeps;
  /** Custom key stores and their backends, created on first need (absent: none offered). */
  keyStores?: KeyStoreServicesOnDemand;
  /** Wall clock for SigV4 (never the controllable clock). */
  wallClock?: () => number;
  /**
   * Tells the server's other worker processes that this one wrote to the store; resolves once
   * they have all dropped their caches. The reply to a request that wrote waits for it, so no
   * worker can serve a stale key to a client that has seen the write acknowledged.
   */
  announceWrite?: () => Promise<void>;
  /** `--strict-aws`: no non-AWS conveniences (ops/custom-key-tags.ts). */
  strictAws?: boolean;
  /** `permissive`: signatures not checked (auth/permissive.ts; `credentials` then accepts any id). Default `sigv4`. */
  authMode?: AuthMode;
  /** The injection stage (latency and errors on purpose); absent: nothing is injected. */
  injection?: Injector;
  /** Seals grant tokens (hsm/master-key.ts deriveGrantTokenKey); a random key per pipeline when absent. */
  grantTokenKey?: Buffer;
}

const TRENT = 'TrentService.';
const isOperationName = (op: string): boolean => Object.hasOwn(MODEL_OPERATIONS, op);
const CONTROL = 'KmsBench.';
const JSON_TYPE = 'application/x-amz-json-1.1';

/** One request on its way through the stages. */
interface InFlight {
  req: RawRequest;
  started: number;
  requestId: string;
  operation: string;
  principal?: Principal;
  /** The Region the request is served in: its SigV4 credential scope's (the server's default for control calls). */
  region: string;
  notes: AuditNotes;
}

export class Pipeline {
  private readonly admission: Admission | undefined;
  private readonly validate: typeof validateRequest;
  /** The authorize stage, made when its module is loaded (on the first request that needs it). */
  private authorizer: Authorizer | undefined;
  private readonly grantTokenKey: Buffer;

  constructor(private readonly deps: PipelineDeps) {
    this.admission = deps.faults.has('no-throttle') ? undefined : deps.admission;
    this.validate = deps.faults.has('echo-plaintext') ? validateRequestLeakingValues : validateRequest;
    this.grantTokenKey = deps.grantTokenKey ?? randomBytes(32);
  }

  handle(req: RawRequest): RawResponse | Promise<RawResponse> {
    const writesBefore = this.deps.keyring.store.writeCount;
    const response = this.process(req);
    if (response instanceof Promise) return response.then((r) => this.afterWrites(writesBefore, r));
    return this.afterWrites(writesBefore, response);
  }

  private afterWrites(writesBefore: number, response: RawResponse): RawResponse | Promise<RawResponse> {
    if (this.deps.announceWrite && this.deps.keyring.store.writeCount !== writesBefore) {
      return this.deps.announceWrite().then(() => response);
    }
    return response;
  }

  /** target → auth → parse → validate → quota → operation; the quota stage may have to wait. */
  private process(req: RawRequest): RawResponse | Promise<RawResponse> {
    const r: InFlight = { req, started: performance.now(), requestId: randomUUID(), operation: 'Unknown', region: this.deps.region, notes: {} };
    try {
      const target = headerValue(req.headers['x-amz-target']);
      const dot = target?.indexOf('.') ?? -1;
      const prefix = target && dot > 0 ? target.slice(0, dot + 1) : '';
      r.operation = target && dot > 0 ? target.slice(dot + 1) : 'Unknown';
      const known =
        req.method === 'POST' &&
        isJsonContentType(headerValue(req.headers['content-type'])) &&
        ((prefix === TRENT && isOperationName(r.operation)) || (prefix === CONTROL && isControlOperation(r.operation)));
      if (!known) throw new UnknownOperationException(protocolMsg.unknownOperation);
      const { principal, region } = this.authenticate(req);
      r.principal = principal;
      // Every Region at one endpoint: the credential scope picks it (the `region-ignored` fault
      // serves everything in the default Region). Control calls are not regional.
      if (prefix !== CONTROL && !this.deps.faults.has('region-ignored')) r.region = region;
      this.deps.keyring.store.sync();
      const json = parseJson(req.body);
      if (prefix === CONTROL) {
        const result = CONTROL_OPERATIONS[r.operation as keyof typeof CONTROL_OPERATIONS](json, this.context(r), this.deps.control);
        if (result instanceof Promise) {
          return result.then(
            (out) => this.reply(r, JSON.stringify(out)),
            (e: unknown) => this.fail(r, e),
          );
        }
        return this.reply(r, JSON.stringify(result));
      }
      const input = this.validate(r.operation as never, json);
      const admitted = this.admission?.admit(principal.accountId, r.region, r.operation, this.keyInfo(r.operation, input, principal, r.region)) ?? true;
      if (admitted instanceof Promise) {
        return admitted.then(
          (ok) => this.run(r, input, ok),
          (e: unknown) => this.fail(r, e),
        );
      }
      return this.run(r, input, admitted);
    } catch (e) {
      return this.fail(r, e);
    }
  }

  /**
   * After the quota stage: what the operation needs loaded (on a server's first requests), the
   * authorize stage (IAM-only operations; key operations when the handler resolves its key), then
   * the injection stage, then the operation itself (a handler that generates a key pair or asks a
   * custom key store's backend answers later).
   */
  private run(r: InFlight, input: unknown, admitted: boolean): RawResponse | Promise<RawResponse> {
    try {
      if (!admitted) throw new ThrottlingException(THROTTLING_MESSAGE);
      const operation = r.operation;
      if (!isImplemented(operation)) throw new KmsError('UnsupportedOperationException', protocolMsg.notImplemented(operation));
      const loading = this.prerequisites(operation, input);
      if (loading !== undefined) {
        return loading.then(
          () => this.authorize(r, operation, input),
          (e: unknown) => this.fail(r, e),
        );
      }
      return this.authorize(r, operation, input);
    } catch (e) {
      return this.fail(r, e);
    }
  }

  /**
   * What must be loaded before `operation` runs, or undefined when it is (every request after the
   * first few): the authorize stage, always; custom key store services when this request may
   * touch a custom key store (ops/key-store-services.ts).
   */
  private prerequisites(operation: string, input: unknown): Promise<unknown> | undefined {
    let authorizing: Promise<unknown> | undefined;
    if (this.authorizer === undefined) {
      const stage = authorizeStage.current;
      if (stage !== undefined) this.authorizer = new stage.Authorizer(this.deps.keyring.store, this.deps.faults, this.grantTokenKey);
      else {
        authorizing = authorizeStage.load().then((m) => {
          this.authorizer ??= new m.Authorizer(this.deps.keyring.store, this.deps.faults, this.grantTokenKey);
        });
      }
    }
    const keyStores = this.deps.keyStores;
    const services = keyStores !== undefined && keyStores.current === undefined && keyStores.neededFor(operation, input) ? keyStores.load() : undefined;
    if (services === undefined) return authorizing;
    return authorizing === undefined ? services : Promise.all([authorizing, services]);
  }

  /** The authorize stage, then injection, then the operation. */
  private authorize(r: InFlight, operation: ImplementedOperation, input: unknown): RawResponse | Promise<RawResponse> {
    try {
      const principal = r.principal!;
      const authz: AuthzRequestInfo = {
        operation,
        input: input as Record<string, unknown>,
        caller: principal.caller ?? callerPrincipal(principal.arn),
        identityPolicies: principal.identityPolicies ?? [],
        notes: r.notes,
        region: r.region,
        ...(r.req.remoteAddress !== undefined ? { sourceIp: r.req.remoteAddress } : {}),
      };
      this.authorizer!.beforeOperation(authz);
      if (this.deps.injection?.active && r.notes.injected === undefined) {
        const injection = this.deps.injection.decide(r.operation);
        if (injection) return this.injected(r, operation, input, authz, injection);
      }
      return this.operate(r, operation, input, authz);
    } catch (e) {
      return this.fail(r, e);
    }
  }

  /** The operation itself; a handler may answer later (a Promise). */
  private operate(r: InFlight, operation: ImplementedOperation, input: unknown, authz: AuthzRequestInfo): RawResponse | Promise<RawResponse> {
    try {
      const result = handlerFor(operation)(input, this.context(r, authz));
      if (result instanceof Promise) {
        return result.then(
          (out) => this.reply(r, out instanceof JsonText ? out.text : JSON.stringify(out)),
          (e: unknown) => this.fail(r, e),
        );
      }
      return this.reply(r, result instanceof JsonText ? result.text : JSON.stringify(result));
    } catch (e) {
      return this.fail(r, e);
    }
  }

  /** An injected delay (a timer: the event loop runs on) and then the operation, or an injected error instead of it. */
  private injected(r: InFlight, operation: ImplementedOperation, input: unknown, authz: AuthzRequestInfo, injection: Injection): Promise<RawResponse> {
    r.notes.injected = injection.label;
    const wait = injection.delayMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, injection.delayMs)) : Promise.resolve();
    return wait.then(() => {
      if (injection.error === undefined) return this.operate(r, operation, input, authz);
      if (injection.error !== 'reset') return this.fail(r, injectedError(injection.error));
      this.record(r, 'ConnectionReset');
      return { status: 500, headers: baseHeaders(r.requestId), body: '', reset: true };
    });
  }

  private context(r: InFlight, authz?: AuthzRequestInfo): OpContext {
    const { keyring, clock, encodeContext, faults, keyStores } = this.deps;
    const principal = r.principal!;
    const notes = r.notes;
    const scope = { account: principal.accountId, region: r.region, principalArn: principal.arn, now: clock.now() };
    const ctx: OpContext =
      authz === undefined
        ? { scope, keyring, encodeContext, faults, audit: notes, requestId: r.requestId, strictAws: this.deps.strictAws }
        : {
            scope: { ...scope, authorize: this.authorizer!.keyAuthorizer(authz) },
            keyring,
            encodeContext,
            faults,
            audit: notes,
            caller: authz.caller,
            identityPolicies: authz.identityPolicies,
            grantTokenKey: this.grantTokenKey,
            requestId: r.requestId,
            strictAws: this.deps.strictAws,
          };
    const services = keyStores?.current;
    if (services) ctx.keyStores = services;
    return ctx;
  }

  /** What the quota stage needs to know about the key a request uses (its spec picks the class). */
  private keyInfo(operation: string, input: unknown, principal: Principal, region: string): KeyInfo | undefined {
    const i = input as { KeyId?: string; DestinationKeyId?: string; CiphertextBlob?: Buffer; KeyPairSpec?: string };
    if (i.KeyPairSpec !== undefined) return { keyPairSpec: i.KeyPairSpec };
    const keyIdText = operation === 'ReEncrypt' ? i.DestinationKeyId : i.KeyId;
    if (keyIdText === undefined && operation !== 'Decrypt') return undefined;
    const keySpec = this.deps.keyring.peekKeySpec(
      { account: principal.accountId, region },
      keyIdText ?? blobKeyId(i.CiphertextBlob),
    );
    return keySpec === undefined ? undefined : { keySpec };
  }

  private reply(r: InFlight, body: string): RawResponse {
    this.record(r, undefined);
    return { status: 200, headers: baseHeaders(r.requestId), body };
  }

  private fail(r: InFlight, e: unknown): RawResponse {
    const err = toKmsError(e);
    this.record(r, err.code);
    return { status: err.status, headers: baseHeaders(r.requestId), body: JSON.stringify(err.toJSON()) };
  }

  private record(r: InFlight, errorCode: string | undefined): void {
    try {
      this.deps.audit.record(
        auditEntry(this.deps, r, errorCode, performance.now() - r.started),
      );
    } catch (e) {
      // The request has been answered (and may have changed state): a failing audit write must
      // not turn its reply into an error. Report it where an operator will see it.
      process.emitWarning(`kmsbench: audit entry for request ${r.requestId} not written: ${(e as Error).message}`);
    }
  }

  /** The caller and the Region of its credential scope. */
  private authenticate(req: RawRequest): { principal: Principal; region: string } {
    const { credentials, region, faults } = this.deps;
    if (faults.has('no-sigv4')) {
      const scope = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)/.exec(headerValue(req.headers.authorization) ?? '');
      const record = scope ? credentials.lookup(scope[1]!) : undefined;
      if (!record) throw new UnrecognizedClientException(protocolMsg.unrecognizedClient);
      return { principal: record.principal, region: scope?.[2] ?? region };
    }
    const verified = verifySigV4(
      { method: req.method, rawUrl: req.url, headers: req.headers, body: req.body },
      credentials,
      (this.deps.wallClock ?? Date.now)(),
      this.deps.authMode === 'permissive' ? PERMISSIVE_SIGV4_OPTIONS : undefined,
    );
    return { principal: verified.principal, region: verified.region };
  }
}

/** The key id in a ciphertext blob's header, or undefined for anything that is not one of ours. */
function blobKeyId(blob: Buffer | undefined): string | undefined {
  if (!blob) return undefined;
  try {
    return parseCiphertextBlob(blob).keyId;
  } catch {
    return undefined;
  }
}

/**
 * AWS JSON services route only JSON bodies: any other (or no) content type is answered like an
 * unknown operation (observed on Kinesis and DynamoDB; not recorded for KMS itself).
 */
function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  return type === JSON_TYPE || type === 'application/x-amz-json-1.0' || type === 'application/json';
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

function auditEntry(deps: PipelineDeps, r: InFlight, errorCode: string | undefined, durationMs: number): AuditEntry {
  const { req, requestId, operation, principal, notes } = r;
  const entry: AuditEntry = {
    eventTime: isoTime(deps.clock.now()),
    requestId,
    ...(notes.eventId !== undefined ? { eventId: notes.eventId } : {}),
    eventName: operation,
    awsRegion: r.region,
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
  if (notes.authz) {
    entry.decision = notes.authz.decision;
    const by = decidedBy(notes);
    if (by !== undefined) entry.decidedBy = by;
  }
  if (errorCode) entry.errorCode = errorCode;
  entry.durationMs = Math.round(durationMs * 1000) / 1000;
  entry.authMode = deps.authMode ?? 'sigv4';
  if (notes.injected) entry.injected = notes.injected;
  return entry;
}
