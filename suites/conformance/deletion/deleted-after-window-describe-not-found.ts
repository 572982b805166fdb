import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { notFoundOnceDeleted } from './_deletion-date.js';

/** After the waiting period KMS deletes the key: DescribeKey then answers NotFoundException. */
export default notFoundOnceDeleted('describe-not-found', 'DescribeKey of the key', 'DescribeKey', (t, key) =>
  t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId })),
);
