import { CreateCustomKeyStoreCommand } from '@aws-sdk/client-kms';
import { defineCase } from '../../../harness/conformance/case.js';
import { MODEL, documented, fixtures, storeKms, xksInput } from './_support.js';

export default defineCase({
  id: 'custom-key-store.xks-wrong-credential',
  title: 'An external key store whose credential the proxy rejects: XksProxyIncorrectAuthenticationCredentialException',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/keystore-external.html',
  source: documented(`${MODEL('XksProxyIncorrectAuthenticationCredentialException')} ("the proxy credential ... is not valid")`),
  tags: ['custom-key-store'],
  ops: ['CreateCustomKeyStore'],
  needs: ['key-store-fixtures'],
  timeoutMs: 60_000,
  async run(t) {
    const f = await fixtures(t);
    const wrong = 'WrongSecretAccessKeyWrongSecretAccessKey0123';
    await t.expectError(storeKms(t).send(new CreateCustomKeyStoreCommand(xksInput(f, 'kmsbench-bad-secret', wrong))), { code: 'XksProxyIncorrectAuthenticationCredentialException', status: 400 });
  },
});
