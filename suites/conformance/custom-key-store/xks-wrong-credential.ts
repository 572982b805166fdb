import { MODEL, XKS_DOC, createStoreRefusalCase, documented, xksInput } from './_support.js';

export default createStoreRefusalCase({
  id: 'custom-key-store.xks-wrong-credential',
  title: 'An external key store whose credential the proxy rejects: XksProxyIncorrectAuthenticationCredentialException',
  doc: XKS_DOC,
  source: documented(`${MODEL('XksProxyIncorrectAuthenticationCredentialException')} ("the proxy credential ... is not valid")`),
  input: (_t, f) => xksInput(f, 'kmsbench-bad-secret', 'WrongSecretAccessKeyWrongSecretAccessKey0123'),
  code: 'XksProxyIncorrectAuthenticationCredentialException',
});
