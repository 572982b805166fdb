import { CREATE_XKS_KEYS_DOC, inferred, storeKeyRefusalCase } from './_support.js';

export default storeKeyRefusalCase({
  id: 'custom-key-store.imported-origin-refused',
  title: 'CreateKey with Origin EXTERNAL (imported key material) in an external key store is refused',
  doc: CREATE_XKS_KEYS_DOC,
  source: inferred(`${CREATE_XKS_KEYS_DOC} ("You cannot create ... KMS keys with imported key material in a custom key store"); code ValidationException not recorded`),
  tags: ['custom-key-store', 'import'],
  type: 'EXTERNAL_KEY_STORE',
  input: { Origin: 'EXTERNAL' },
  code: 'ValidationException',
});
