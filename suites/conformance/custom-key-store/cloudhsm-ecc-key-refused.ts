import { defineCase } from '../../../harness/conformance/case.js';
import { CLOUDHSM_KEYS_DOC, MODEL, expectStoreKeyRefused, inferred } from './_support.js';

export default defineCase({
  id: 'custom-key-store.cloudhsm-ecc-key-refused',
  title: 'CreateKey of an ECC_NIST_P256 SIGN_VERIFY key in a CloudHSM key store: UnsupportedOperationException',
  doc: CLOUDHSM_KEYS_DOC,
  source: inferred(`${CLOUDHSM_KEYS_DOC} ("You cannot create ... asymmetric KMS keys" in a CloudHSM key store); ${MODEL('CreateKeyRequest.CustomKeyStoreId')} ("You cannot create any other type of KMS key in a custom key store"); code per ${MODEL('UnsupportedOperationException')}, no AWS answer recorded`),
  tags: ['custom-key-store', 'sign-verify'],
  ops: ['CreateCustomKeyStore', 'ConnectCustomKeyStore', 'DescribeCustomKeyStores', 'CreateKey', 'ListKeys', 'DescribeKey'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    await expectStoreKeyRefused(t, 'AWS_CLOUDHSM', { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }, 'UnsupportedOperationException');
  },
});
