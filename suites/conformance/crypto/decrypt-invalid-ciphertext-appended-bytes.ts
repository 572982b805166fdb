import { damaged } from './_decrypt-invalid-ciphertext.js';
import { recorded } from '../_lib/sources.js';

export default damaged('appended-bytes', 'a real ciphertext with bytes appended (C3)', (blob) => Buffer.concat([blob, Buffer.from('garbage')]), recorded('spec/aws-observed.md §5 C3'));
