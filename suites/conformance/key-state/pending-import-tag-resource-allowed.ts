import { allowed } from './_tags.js';

export default allowed('PendingImport');
