import { ecdhCase } from './_support.js';

export default ecdhCase('ECC_NIST_P521');
