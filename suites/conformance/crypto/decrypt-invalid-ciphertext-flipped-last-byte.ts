import { damaged, flipBits } from './_decrypt-invalid-ciphertext.js';

export default damaged('flipped-last-byte', 'a real ciphertext with one bit of its last byte flipped', flipBits(1, 0x01));
