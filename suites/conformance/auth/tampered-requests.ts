/**
 * A request that does not match its SigV4 signature is refused with InvalidSignatureException,
 * HTTP 400 (facts sheet "Wire protocol"; aws-observed.md P5 gives the Coral wording from Secrets
 * Manager, not recorded for KMS: code and status only). Each alteration is its own case.
 */
import { defineCase, type CaseContext, type ConformanceCase } from '../../../harness/conformance/case.js';
import { expectRawError } from '../_lib/support.js';
import { sendSigned, signedRequest, withBrokenSignature, type SignedHttp } from '../_lib/signing.js';

const DOC = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-troubleshooting.html#reference_sigv-troubleshooting';

const header = (req: SignedHttp, name: string) => Object.keys(req.headers).find((h) => h.toLowerCase() === name)!;

const mismatch = (slug: string, title: string, make: (t: CaseContext) => Promise<SignedHttp>): ConformanceCase =>
  defineCase({
    id: `auth.signature-mismatch-${slug}`,
    title: `InvalidSignatureException (400) for ${title}`,
    doc: DOC,
    tags: ['auth'],
    ops: ['ListKeys', 'GenerateRandom'],
    async run(t) {
      const reply = await sendSigned(t, await make(t));
      expectRawError(t, reply, { status: 400, code: 'InvalidSignatureException' }, 'the altered request');
    },
  });

const cases: ConformanceCase[] = [
  mismatch(
    'changed-signature',
    'a Signature with one hex digit changed',
    async (t) => withBrokenSignature(await signedRequest(t, { operation: 'ListKeys', body: '{}' })),
  ),
  mismatch(
    'changed-body',
    'a body changed after signing (NumberOfBytes 16 to 32)',
    async (t) => ({ ...(await signedRequest(t, { operation: 'GenerateRandom', body: '{"NumberOfBytes":16}' })), body: '{"NumberOfBytes":32}' }),
  ),
  mismatch(
    'changed-target',
    'X-Amz-Target changed after signing (ListKeys to GenerateRandom)',
    async (t) => {
      const req = await signedRequest(t, { operation: 'ListKeys', body: '{"NumberOfBytes":16}' });
      return { ...req, headers: { ...req.headers, [header(req, 'x-amz-target')]: 'TrentService.GenerateRandom' } };
    },
  ),
  mismatch(
    'changed-date',
    'an X-Amz-Date moved one second after signing',
    async (t) => {
      const req = await signedRequest(t, { operation: 'ListKeys', body: '{}' });
      const name = header(req, 'x-amz-date');
      const d = req.headers[name]!;
      const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`;
      const moved = new Date(Date.parse(iso) + 1000).toISOString().replace(/[-:]|\.\d{3}/g, '');
      return { ...req, headers: { ...req.headers, [name]: moved } };
    },
  ),
  mismatch(
    'wrong-secret',
    'a signature made with the right access key id and a wrong secret',
    (t) => signedRequest(t, { operation: 'ListKeys', body: '{}', credentials: { secretAccessKey: 'kmsbench-wrong-secret-key-0000000000000000' } }),
  ),
];

export default cases;
