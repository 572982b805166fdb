import { GetPublicKeyCommand } from '@aws-sdk/client-kms';
import { stateRefusal } from '../_lib/asymmetric.js';

export default stateRefusal({
  area: 'asymmetric',
  tags: ['asymmetric'],
  state: 'PendingDeletion',
  op: 'get-public-key',
  ops: ['GetPublicKey'],
  spec: 'ECC_NIST_P256' as never,
  usage: 'SIGN_VERIFY',
  call: (t, key) => t.kms.send(new GetPublicKeyCommand({ KeyId: key.KeyId })),
});
