/**
 * DescribeKey of a key that does not exist, or of a malformed key id: NotFoundException (HTTP 400)
 * in AWS's wording for each form of the name (aws-observed.md §1, N1-N12).
 */
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type ConformanceCase } from '../../../harness/conformance/case.js';
import { absentKeyId, aliasArn, keyArn, otherRegion } from '../_lib/support.js';

interface Row {
  behaviour: string;
  title: string;
  /** The KeyId sent and the message expected (undefined: the message is not known for AWS, check the code only). */
  input(t: CaseContext): Promise<{ keyId: string; message?: string }> | { keyId: string; message?: string };
}


const notFound = (row: Row): ConformanceCase =>
  defineCase({
    id: `keys.describe-key-not-found-${row.behaviour}`,
    title: `DescribeKey refuses ${row.title}`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_DescribeKey.html#API_DescribeKey_Errors',
    tags: ['semantics'],
    ops: row.behaviour === 'key-arn-of-other-region' ? ['CreateKey', 'DescribeKey'] : ['DescribeKey'],
    async run(t) {
      const { keyId, message } = await row.input(t);
      await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: keyId })), {
        code: 'NotFoundException',
        status: 400,
        ...(message !== undefined ? { message } : {}),
      });
    },
  });

const cases: ConformanceCase[] = [
  notFound({
    behaviour: 'absent-key-id',
    title: "an absent key id: Key '<key ARN in the caller's Region and account>' does not exist (N1)",
    input: (t) => {
      const id = absentKeyId();
      return { keyId: id, message: `Key '${keyArn(t, id)}' does not exist` };
    },
  }),
  notFound({
    behaviour: 'absent-key-arn',
    title: "an absent key ARN of the caller's Region: Key '<key ARN>' does not exist (N2)",
    input: (t) => {
      const arn = keyArn(t, absentKeyId());
      return { keyId: arn, message: `Key '${arn}' does not exist` };
    },
  }),
  notFound({
    behaviour: 'absent-multi-region-key-id',
    title: "an absent mrk- key id: Key '<mrk key ARN>' does not exist (N3)",
    input: (t) => {
      const id = 'mrk-d3b95762d3b95762d3b95762d3b95762';
      return { keyId: id, message: `Key '${keyArn(t, id)}' does not exist` };
    },
  }),
  notFound({
    behaviour: 'malformed-key-id',
    title: "a key id that is not a UUID: Invalid keyId 'fake-key-id' (N4)",
    input: () => ({ keyId: 'fake-key-id', message: "Invalid keyId 'fake-key-id'" }),
  }),
  notFound({
    behaviour: 'uuid-without-dashes',
    title: "a UUID without its dashes: Invalid keyId '<text>' (N5)",
    input: () => ({ keyId: '134f2428cec14b25a1ae9048164dba47', message: "Invalid keyId '134f2428cec14b25a1ae9048164dba47'" }),
  }),
  notFound({
    behaviour: 'malformed-multi-region-key-id',
    title: "a malformed mrk- id: Invalid keyId 'mrk-fake-key-id' (N6)",
    input: () => ({ keyId: 'mrk-fake-key-id', message: "Invalid keyId 'mrk-fake-key-id'" }),
  }),
  notFound({
    behaviour: 'key-arn-of-other-region',
    title: 'a key ARN naming another Region: Invalid arn <that Region> (N9)',
    input: async (t) => {
      const key = await t.createKey();
      const region = otherRegion(t);
      return { keyId: keyArn(t, key.KeyId, region), message: `Invalid arn ${region}` };
    },
  }),
  notFound({
    behaviour: 'unknown-alias-name',
    title: 'an unknown alias name: Alias <alias ARN> is not found. (N11)',
    input: (t) => {
      const name = t.aliasName('never-created');
      return { keyId: name, message: `Alias ${aliasArn(t, name)} is not found.` };
    },
  }),
  notFound({
    behaviour: 'unknown-alias-arn',
    title: 'an unknown alias ARN (N12; message not known for AWS, code only)',
    input: (t) => ({ keyId: aliasArn(t, t.aliasName('never-created')) }),
  }),
];

export default cases;
