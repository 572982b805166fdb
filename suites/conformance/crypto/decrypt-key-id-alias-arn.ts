/**
 * Decrypt's optional KeyId may name the encrypting key in any of the four forms (MODEL Decrypt
 * KeyId; aws-observed.md A10), and the answer's KeyId is always the key ARN.
 */
import { decryptBy } from './_decrypt-key-id-forms.js';

export default decryptBy('alias-arn');
