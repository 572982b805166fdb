import { invalidEnum } from './_create-key-invalid-enum.js';

export default invalidEnum({ member: 'KeySpec', value: 'HMAC_random', listed: 'SYMMETRIC_DEFAULT', capture: 'V9' });
