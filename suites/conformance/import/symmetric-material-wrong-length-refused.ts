import { documented, importMaterial, importRefused } from './_support.js';

/** "Symmetric encryption key material: 256 bits (32 bytes)". */
export default importRefused({
  behaviour: 'symmetric-material-wrong-length-refused',
  title: 'Importing 16 bytes into a SYMMETRIC_DEFAULT key: IncorrectKeyMaterialException',
  doc: 'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-conceptual.html',
  source: documented('https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys-conceptual.html (symmetric encryption key material must be 256 bits); service model: IncorrectKeyMaterialException'),
  code: 'IncorrectKeyMaterialException',
  send: (t, key) => importMaterial(t, key.KeyId, t.bytes(16)),
});
