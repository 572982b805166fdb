import { defineCase } from '../../../harness/conformance/case.js';
import { CLOUDHSM_KEYS_DOC, MODEL, expectStoreKeyRefused, inferred } from './_support.js';

export default defineCase({
  id: 'custom-key-store.cloudhsm-rsa-key-refused',
  title: 'CreateKey of an RSA_2048 ENCRYPT_DECRYPT key in a CloudHSM key store: UnsupportedOperationException',
  doc: CLOUDHSM_KEYS_DOC,
  source: inferred(`${CLOUDHSM_KEYS_DOC} ("AWS CloudHSM key stores support only symmetric encryption KMS keys"); ${MODEL('CreateKeyRequest.Origin')} (AWS_CLOUDHSM: "The KeySpec value must be SYMMETRIC_DEFAULT"); code per ${MODEL('UnsupportedOperationException')} ("a specified parameter is not supported"), no AWS answer recorded`),
  tags: ['custom-key-store', 'asymmetric'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    await expectStoreKeyRefused(t, 'AWS_CLOUDHSM', { KeySpec: 'RSA_2048', KeyUsage: 'ENCRYPT_DECRYPT' }, 'UnsupportedOperationException');
  },
});
