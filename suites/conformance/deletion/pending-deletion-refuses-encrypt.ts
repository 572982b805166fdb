/**
 * Every symmetric cryptographic operation on a key pending deletion: KMSInvalidStateException
 * (aws-observed.md S4, KS-OLD [3]; the message contains "is pending deletion", S5). ReEncrypt is
 * refused whether the key is the source or the destination.
 */
import { cryptoRefusalCase, STATES } from '../key-state/_support.js';

export default cryptoRefusalCase('deletion', 'deletion', STATES.PendingDeletion, 'encrypt');
