import { documented, expirationRefused, MODEL } from './_support.js';

/** "The maximum value is 365 days from the request date." */
export default expirationRefused({
  behaviour: 'valid-to-over-365-days-refused',
  title: 'ValidTo 400 days ahead: ValidationException (at most 365 days)',
  source: documented(`${MODEL('ImportKeyMaterialRequest.ValidTo')} ("The maximum value is 365 days from the request date")`),
  tags: ['limits'],
  model: 'KEY_MATERIAL_EXPIRES',
  validToDays: 400,
});
