import { documented, expirationRefused, MODEL } from './_support.js';

/** ExpirationModel defaults to KEY_MATERIAL_EXPIRES, which needs ValidTo. */
export default expirationRefused({
  behaviour: 'valid-to-required-by-default',
  title: 'ImportKeyMaterial without ExpirationModel or ValidTo: ValidationException (the default expires)',
  source: documented(`${MODEL('ImportKeyMaterialRequest.ExpirationModel')} ("The default is KEY_MATERIAL_EXPIRES ... you must specify a value for the ValidTo parameter")`),
  model: undefined,
});
