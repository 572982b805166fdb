import { documented, expirationRefused, MODEL } from './_support.js';

/** "When value is KEY_MATERIAL_DOES_NOT_EXPIRE, you must omit the ValidTo parameter." */
export default expirationRefused({
  behaviour: 'valid-to-with-does-not-expire-refused',
  title: 'ValidTo with ExpirationModel KEY_MATERIAL_DOES_NOT_EXPIRE: ValidationException',
  source: documented(`${MODEL('ImportKeyMaterialRequest.ExpirationModel')} ("When value is KEY_MATERIAL_DOES_NOT_EXPIRE, you must omit the ValidTo parameter")`),
  model: 'KEY_MATERIAL_DOES_NOT_EXPIRE',
  validToDays: 10,
});
