import { getAllowed } from './_key-policy.js';

export default getAllowed('Disabled');
