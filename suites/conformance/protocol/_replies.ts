/**
 * What every reply carries, and the replies the protocol cases read: an error reply to DescribeKey
 * of a key that does not exist, and a signed call to an operation KMS does not have.
 *
 * Every reply carries x-amzn-RequestId and Content-Type application/x-amz-json-1.1, successes
 * and errors alike (facts sheet "Wire protocol"; aws-observed.md §0, AWS's GetKeyPolicy example).
 *
 * Shared by the reply cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { RawReply } from '../../../harness/client/raw-client.js';
import { absentKeyId, expectRawError } from '../_lib/support.js';
import { documented } from '../_lib/sources.js';

/** AWS's GetKeyPolicy example: the HTTP reply with its headers. */
export const HEADERS_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyPolicy.html#API_GetKeyPolicy_Examples';

/** The reply's media type (parameters dropped) is AWS JSON 1.1. */
export function expectJsonContentType(t: CaseContext, reply: RawReply): void {
  t.expectEqual((reply.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(), 'application/x-amz-json-1.1', 'Content-Type');
}

/** The reply has a non-empty x-amzn-RequestId header. */
export function expectRequestId(t: CaseContext, reply: RawReply): void {
  t.check((reply.headers['x-amzn-requestid'] ?? '').length > 0, 'x-amzn-RequestId is present', reply.headers);
}

export interface ReplyCase {
  /** Behaviour part of the id (`protocol.<behaviour>`). */
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
}

/** A case about the error reply (HTTP 400) to DescribeKey of a key id that names no key: `check` reads it. */
export const errorReplyCase = (about: ReplyCase, check: (t: CaseContext, reply: RawReply) => void): ConformanceCase =>
  defineCase({
    id: `protocol.${about.behaviour}`,
    title: about.title,
    doc: about.doc,
    source: about.source,
    tags: ['protocol'],
    ops: ['DescribeKey'],
    async run(t) {
      const reply = await t.raw('DescribeKey', { KeyId: absentKeyId() });
      t.expectEqual(reply.status, 400, 'HTTP status');
      check(t, reply);
    },
  });

/** A case: the signed call `send` makes names an operation KMS does not have, and is refused with UnknownOperationException. */
export const unknownOperationCase = (about: Omit<ReplyCase, 'doc' | 'source'>, send: (t: CaseContext) => Promise<RawReply>): ConformanceCase =>
  defineCase({
    id: `protocol.${about.behaviour}`,
    title: about.title,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-UnknownOperationException',
    source: documented('https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-UnknownOperationException (code; the status is not checked)'),
    tags: ['protocol'],
    ops: ['ListKeys'],
    async run(t) {
      expectRawError(t, await send(t), { code: 'UnknownOperationException' }, 'the reply');
    },
  });
