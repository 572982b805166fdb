import { documented, expirationRefused, MODEL } from './_support.js';

/** "The value of this parameter must be a future date and time." */
export default expirationRefused({
  behaviour: 'valid-to-in-past-refused',
  title: 'ValidTo in the past: ValidationException',
  source: documented(`${MODEL('ImportKeyMaterialRequest.ValidTo')} ("must be a future date and time")`),
  model: 'KEY_MATERIAL_EXPIRES',
  validToDays: -1,
});
