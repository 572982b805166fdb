/**
 * Bodies that are not JSON, or JSON of the wrong types for the operation's members, are refused
 * with SerializationException (HTTP 400) before any validation (facts sheet; aws-observed.md P8:
 * KMS's messages are not recorded, so only the code is checked).
 */
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { expectRawError } from '../_lib/support.js';


const serialization = (slug: string, title: string, op: OperationName, body: string): ConformanceCase =>
  defineCase({
    id: `protocol.serialization-${slug}`,
    title: `${op} with ${title} is refused with SerializationException`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html#CommonErrors-ValidationError',
    tags: ['protocol'],
    ops: [op],
    async run(t) {
      expectRawError(t, await t.raw(op, body), { status: 400, code: 'SerializationException' }, 'the reply');
    },
  });

const cases: ConformanceCase[] = [
  serialization('malformed-json', 'a body that is not valid JSON ({"Limit": )', 'ListKeys', '{"Limit": '),
  serialization('body-not-object', 'a JSON array instead of an object', 'ListKeys', '[]'),
  serialization('string-for-integer', 'a string where an integer belongs (NumberOfBytes: "sixteen")', 'GenerateRandom', '{"NumberOfBytes":"sixteen"}'),
  serialization('number-for-string', 'a number where a string belongs (KeyId: 12345)', 'DescribeKey', '{"KeyId":12345}'),
  serialization('object-for-string', 'an object where a string belongs (KeyId: {})', 'DescribeKey', '{"KeyId":{}}'),
  serialization('list-for-map', 'a list where a map belongs (EncryptionContext: [])', 'Encrypt', '{"KeyId":"alias/aws/s3","Plaintext":"AA==","EncryptionContext":[]}'),
  serialization('object-for-list', 'an object where a list belongs (Tags: {})', 'TagResource', '{"KeyId":"1234abcd-12ab-34cd-56ef-1234567890ab","Tags":{}}'),
];

export default cases;
