import { wrappingKeySpecCase } from './_support.js';

export default wrappingKeySpecCase(3072);
