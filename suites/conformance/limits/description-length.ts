/** Description is 0..8192 characters (facts sheet; MODEL DescriptionType). */
import { DescribeKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { refused, unthrottled } from '../_lib/support.js';

const CREATE_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-Description';
const UPDATE_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html#KMS-UpdateKeyDescription-request-Description';
const text = (n: number) => 'd'.repeat(n);

const cases: ConformanceCase[] = [
  defineCase({
    id: 'limits.create-key-description-8192',
    title: 'CreateKey accepts an 8192-character Description and keeps all of it',
    doc: CREATE_DOC,
    tags: ['limits'],
    ops: ['CreateKey', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey({ Description: text(8192) });
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
      t.expectEqual(m?.Description?.length, 8192, 'Description length');
    },
  }),
  defineCase({
    id: 'limits.create-key-description-8193',
    title: 'CreateKey refuses an 8193-character Description with ValidationException',
    doc: CREATE_DOC,
    tags: ['limits'],
    ops: ['CreateKey'],
    async run(t) {
      // Wording INFERRED (aws-observed.md §6.2): code only.
      const r = await refused(t, t.createKey({ Description: text(8193) }), 'CreateKey');
      t.expectEqual([r.code, r.status], ['ValidationException', 400], 'error code and status');
    },
  }),
  defineCase({
    id: 'limits.update-key-description-8192',
    title: 'UpdateKeyDescription accepts an 8192-character Description',
    doc: UPDATE_DOC,
    tags: ['limits'],
    ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey();
      await unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: text(8192) })));
      const m = (await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
      t.expectEqual(m?.Description?.length, 8192, 'Description length');
    },
  }),
  defineCase({
    id: 'limits.update-key-description-8193',
    title: 'UpdateKeyDescription refuses 8193 characters with ValidationException and keeps the old text',
    doc: UPDATE_DOC,
    tags: ['limits'],
    ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey({ Description: 'unchanged' });
      await t.expectError(unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: text(8193) }))), {
        code: 'ValidationException',
        status: 400,
      });
      t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.Description, 'unchanged', 'Description');
    },
  }),
];

export default cases;
