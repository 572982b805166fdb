import { invalidEnum } from './_create-key-invalid-enum.js';

export default invalidEnum({ member: 'KeyUsage', value: 'RANDOM', listed: 'ENCRYPT_DECRYPT', capture: 'V10' });
