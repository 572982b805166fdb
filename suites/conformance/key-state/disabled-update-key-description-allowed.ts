import { allowed } from './_description.js';

export default allowed('Disabled');
