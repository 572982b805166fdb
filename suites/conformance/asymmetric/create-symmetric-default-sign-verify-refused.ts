import { usageMismatchCase } from './_support.js';

export default usageMismatchCase('SYMMETRIC_DEFAULT', 'SIGN_VERIFY', ['asymmetric']);
