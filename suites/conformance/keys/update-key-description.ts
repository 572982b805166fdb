import { DescribeKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { members, unthrottled } from '../_lib/support.js';

const DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_UpdateKeyDescription.html';

const cases: ConformanceCase[] = [
  defineCase({
    id: 'keys.update-key-description-shows-new-text',
    title: 'UpdateKeyDescription answers an empty result and DescribeKey then shows the new Description',
    doc: `${DOC}#API_UpdateKeyDescription_ResponseElements`,
    tags: ['semantics'],
    ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey({ Description: 'old text' });
      const out = await unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: 'new text' })));
      t.expectEqual(members(out), [], 'UpdateKeyDescription output members');
      t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.Description, 'new text', 'Description');
    },
  }),
  defineCase({
    id: 'keys.update-key-description-to-empty',
    title: 'UpdateKeyDescription accepts an empty Description (length 0..8192) and DescribeKey shows ""',
    doc: `${DOC}#KMS-UpdateKeyDescription-request-Description`,
    tags: ['semantics'],
    ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey({ Description: 'something' });
      await unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.KeyId, Description: '' })));
      t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.Description, '', 'Description');
    },
  }),
  defineCase({
    id: 'keys.update-key-description-by-key-arn',
    title: 'UpdateKeyDescription accepts the key ARN',
    doc: `${DOC}#KMS-UpdateKeyDescription-request-KeyId`,
    tags: ['semantics'],
    ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
    async run(t) {
      const key = await t.createKey({ Description: 'before' });
      await unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: key.Arn, Description: 'after, by ARN' })));
      t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.Description, 'after, by ARN', 'Description');
    },
  }),
];

export default cases;
