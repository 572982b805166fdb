import { createAllowed } from './_aliases.js';

export default createAllowed('Disabled');
