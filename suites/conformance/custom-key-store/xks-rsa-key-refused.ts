import { defineCase } from '../../../harness/conformance/case.js';
import { CREATE_XKS_KEYS_DOC, MODEL, expectStoreKeyRefused, inferred } from './_support.js';

export default defineCase({
  id: 'custom-key-store.xks-rsa-key-refused',
  title: 'CreateKey of an RSA_2048 SIGN_VERIFY key in an external key store: UnsupportedOperationException',
  doc: CREATE_XKS_KEYS_DOC,
  source: inferred(`${CREATE_XKS_KEYS_DOC} ("They must be symmetric encryption KMS keys ... You cannot create asymmetric KMS keys"); ${MODEL('CreateKeyRequest.Origin')} (EXTERNAL_KEY_STORE: "The KeySpec value must be SYMMETRIC_DEFAULT"); code per ${MODEL('UnsupportedOperationException')}, no AWS answer recorded`),
  tags: ['custom-key-store', 'sign-verify'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    await expectStoreKeyRefused(t, 'EXTERNAL_KEY_STORE', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }, 'UnsupportedOperationException');
  },
});
