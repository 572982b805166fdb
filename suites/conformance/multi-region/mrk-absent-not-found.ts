import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { MRK_DOC, mrkCase } from './_support.js';
import { absentKeyId, keyArn } from '../_lib/support.js';
import { recorded } from '../_lib/sources.js';

export default mrkCase({
  behaviour: 'mrk-absent-not-found',
  title: 'DescribeKey of an mrk- id that exists nowhere: NotFoundException with the mrk ARN',
  doc: MRK_DOC,
  source: recorded('spec/aws-observed.md §1 N3 (LS-SNAP test_get_key_does_not_exist describe-key-with-valid-id-mrk)', { verifiedAt: '2025-09-08' }),
  tags: ['semantics'],
  ops: ['DescribeKey'],
  async run(t) {
    const id = `mrk-${absentKeyId().replace(/-/g, '')}`;
    await t.expectError(t.kms.send(new DescribeKeyCommand({ KeyId: id })), { code: 'NotFoundException', message: `Key '${keyArn(t, id)}' does not exist` });
  },
});
