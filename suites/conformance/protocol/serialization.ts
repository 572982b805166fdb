/**
 * Bodies that are not JSON, or JSON of the wrong types for the operation's members, are refused
 * with SerializationException (HTTP 400) before any validation (facts sheet; aws-observed.md P8:
 * KMS's messages are not recorded, so only the code is checked).
 */
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { expectRawError } from '../_lib/support.js';

const ROWS: Array<[slug: string, title: string, op: OperationName, body: string]> = [
  ['malformed-json', 'a body that is not valid JSON ({"Limit": )', 'ListKeys', '{"Limit": '],
  ['body-not-object', 'a JSON array instead of an object', 'ListKeys', '[]'],
  ['string-for-integer', 'a string where an integer belongs (NumberOfBytes: "sixteen")', 'GenerateRandom', '{"NumberOfBytes":"sixteen"}'],
  ['number-for-string', 'a number where a string belongs (KeyId: 12345)', 'DescribeKey', '{"KeyId":12345}'],
  ['object-for-string', 'an object where a string belongs (KeyId: {})', 'DescribeKey', '{"KeyId":{}}'],
  ['list-for-map', 'a list where a map belongs (EncryptionContext: [])', 'Encrypt', '{"KeyId":"alias/aws/s3","Plaintext":"AA==","EncryptionContext":[]}'],
  ['object-for-list', 'an object where a list belongs (Tags: {})', 'TagResource', '{"KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab","Tags":{}}'],
];

const cases: ConformanceCase[] = ROWS.map(([slug, title, op, body]) =>
  defineCase({
    id: `protocol.serialization-${slug}`,
    title: `${op} with ${title} is refused with SerializationException`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-ValidationError',
    tags: ['protocol'],
    ops: [op],
    async run(t) {
      expectRawError(t, await t.raw(op, body), { status: 400, code: 'SerializationException' }, 'the reply');
    },
  }),
);

export default cases;
