import { damaged, flipBits } from './_decrypt-invalid-ciphertext.js';

export default damaged('flipped-body-byte', 'a real ciphertext with one bit flipped 20 bytes before its end', flipBits(20, 0x80));
