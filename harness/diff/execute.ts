/**
 * Runs one step on one endpoint: resolves its symbolic input, sends it (walking every page of a
 * listing that was asked without a Marker), records what it made in the session and checks each
 * new ciphertext by decrypting it on the same endpoint (the round trip stands in for comparing
 * ciphertext bytes, which legitimately differ).
 *
 * @module
 */
import { errorCodeOf, errorMessageOf, type DiffEndpoint } from './endpoint.js';
import { resolveInput, sourceCiphertext, type CiphertextRecord, type Session } from './session.js';
import type { Step } from './steps.js';

export interface Observation {
  status: number;
  errorCode?: string;
  message?: string;
  /** The success body (a walked listing: every page's entries in one list, plus `$paging`). */
  body?: Record<string, unknown>;
  /** Decrypting a new ciphertext on the same endpoint: `ok`, `wrong-plaintext` or the error code. */
  roundTrip?: string;
}

/** Listings and the member holding their entries. */
export const PAGED: Readonly<Record<string, string>> = {
  ListKeys: 'Keys',
  ListAliases: 'Aliases',
  ListResourceTags: 'Tags',
  ListGrants: 'Grants',
  ListKeyRotations: 'Rotations',
};

export const MAX_PAGES = 100;

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

async function sendOnce(ep: DiffEndpoint, op: string, input: Record<string, unknown>): Promise<Observation> {
  const reply = await ep.send(op, input);
  if (reply.status >= 200 && reply.status < 300) return { status: reply.status, body: asRecord(reply.body) };
  const code = errorCodeOf(reply.body);
  const message = errorMessageOf(reply.body);
  return { status: reply.status, ...(code ? { errorCode: code } : {}), ...(message !== undefined ? { message } : {}) };
}

/** Every page of a listing: entries concatenated, with what the pages said about paging. */
async function walk(ep: DiffEndpoint, op: string, input: Record<string, unknown>, member: string): Promise<Observation> {
  const entries: unknown[] = [];
  const limit = typeof input.Limit === 'number' ? input.Limit : undefined;
  let limitRespected = true;
  let markersConsistent = true;
  let marker: string | undefined;
  let last: Observation | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    last = await sendOnce(ep, op, marker === undefined ? input : { ...input, Marker: marker });
    if (!last.body) return last;
    const list = Array.isArray(last.body[member]) ? (last.body[member] as unknown[]) : [];
    entries.push(...list);
    if (limit !== undefined && list.length > limit) limitRespected = false;
    const next = last.body.NextMarker;
    const truncated = last.body.Truncated === true;
    if (truncated !== (typeof next === 'string' && next.length > 0)) markersConsistent = false;
    if (!truncated || typeof next !== 'string' || !next) {
      marker = undefined;
      break;
    }
    marker = next;
  }
  const { NextMarker: _n, Truncated: _t, ...rest } = last!.body!;
  return {
    status: last!.status,
    body: { ...rest, [member]: entries, $paging: { ...(limit !== undefined ? { limitRespected } : {}), markersConsistent, complete: marker === undefined } },
  };
}

/** Where each ciphertext-making operation puts the ciphertext, its context and its plaintext. */
export const MAKES_CIPHERTEXT: Readonly<Record<string, { blob: string; context: string; plaintext: 'input' | 'body' | 'source'; plaintextMember: string }>> = {
  Encrypt: { blob: 'CiphertextBlob', context: 'EncryptionContext', plaintext: 'input', plaintextMember: 'Plaintext' },
  GenerateDataKey: { blob: 'CiphertextBlob', context: 'EncryptionContext', plaintext: 'body', plaintextMember: 'Plaintext' },
  GenerateDataKeyWithoutPlaintext: { blob: 'CiphertextBlob', context: 'EncryptionContext', plaintext: 'body', plaintextMember: 'Plaintext' },
  GenerateDataKeyPair: { blob: 'PrivateKeyCiphertextBlob', context: 'EncryptionContext', plaintext: 'body', plaintextMember: 'PrivateKeyPlaintext' },
  ReEncrypt: { blob: 'CiphertextBlob', context: 'DestinationEncryptionContext', plaintext: 'source', plaintextMember: '' },
};

/** The ciphertext a successful step made, if it makes one. */
function madeCiphertext(step: Step, input: Record<string, unknown>, body: Record<string, unknown>, s: Session): CiphertextRecord | undefined {
  const how = MAKES_CIPHERTEXT[step.op];
  const blob = how && body[how.blob];
  if (!how || typeof blob !== 'string') return undefined;
  const context = input[how.context];
  const plaintext =
    how.plaintext === 'input' ? input[how.plaintextMember] : how.plaintext === 'body' ? body[how.plaintextMember] : sourceCiphertext(step, s)?.plaintext;
  return {
    blob,
    ...(context && typeof context === 'object' ? { context: context as Record<string, string> } : {}),
    ...(typeof plaintext === 'string' ? { plaintext } : {}),
  };
}

async function roundTrip(ep: DiffEndpoint, record: CiphertextRecord, body: Record<string, unknown>): Promise<string> {
  const algorithm = body.EncryptionAlgorithm ?? body.DestinationEncryptionAlgorithm;
  const reply = await sendOnce(ep, 'Decrypt', {
    CiphertextBlob: record.blob,
    ...(record.context ? { EncryptionContext: record.context } : {}),
    ...(typeof body.KeyId === 'string' ? { KeyId: body.KeyId } : {}),
    ...(typeof algorithm === 'string' ? { EncryptionAlgorithm: algorithm } : {}),
  });
  if (!reply.body) return reply.errorCode ?? `HTTP ${reply.status}`;
  const plaintext = reply.body.Plaintext;
  if (typeof plaintext !== 'string') return 'no-plaintext';
  if (record.plaintext === undefined) record.plaintext = plaintext;
  return plaintext === record.plaintext ? 'ok' : 'wrong-plaintext';
}

/** Runs `step` on `ep`, updating `s` with what it made. */
export async function runStep(ep: DiffEndpoint, step: Step, s: Session): Promise<Observation> {
  const input = resolveInput(step, s);
  if (step.op === 'CreateAlias' && typeof input.AliasName === 'string') s.aliases.add(input.AliasName);
  const member = PAGED[step.op];
  const obs = member && input.Marker === undefined ? await walk(ep, step.op, input, member) : await sendOnce(ep, step.op, input);
  const body = obs.body;
  if (!body) return obs;
  if (step.op === 'CreateKey') {
    const meta = asRecord(body.KeyMetadata);
    if (typeof meta.KeyId === 'string') s.keys.push({ id: meta.KeyId, arn: typeof meta.Arn === 'string' ? meta.Arn : meta.KeyId });
  }
  if (step.op === 'CreateGrant' && typeof body.GrantId === 'string') {
    s.grants.push({ id: body.GrantId, ...(typeof body.GrantToken === 'string' ? { token: body.GrantToken } : {}) });
  }
  const made = madeCiphertext(step, input, body, s);
  if (made) {
    s.ciphertexts.push(made);
    obs.roundTrip = await roundTrip(ep, made, body);
  }
  return obs;
}
