/**
 * A request that does not match its SigV4 signature is refused with InvalidSignatureException,
 * HTTP 400 (facts sheet "Wire protocol"; aws-observed.md P5 gives the Coral wording from Secrets
 * Manager, not recorded for KMS: code and status only). Each alteration is its own case.
 *
 * Shared by the tampered requests cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type CaseContext, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { sendSigned, type SignedHttp } from '../_lib/signing.js';

export const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html#reference_sigv-troubleshooting';

export const header = (req: SignedHttp, name: string) => Object.keys(req.headers).find((h) => h.toLowerCase() === name)!;

export const mismatch = (slug: string, title: string, make: (t: CaseContext) => Promise<SignedHttp>, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `auth.signature-mismatch-${slug}`,
    title: `InvalidSignatureException (400) for ${title}`,
    doc: DOC,
    source,
    tags: ['auth'],
    ops: ['ListKeys', 'GenerateRandom'],
    async run(t) {
      const reply = await sendSigned(t, await make(t));
      expectRawError(t, reply, { status: 400, code: 'InvalidSignatureException' }, 'the altered request');
    },
  });
