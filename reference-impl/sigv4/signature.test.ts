import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { credentialScope, deriveSigningKey, stringToSign } from './signature.js';

// AWS's worked example (General Reference, "Signature Version 4 signing process", tasks 2 and 3):
// secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 20150830, us-east-1, iam.
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('SigV4 signature parts', () => {
  it('derive the signing key and the signature of AWS’s worked example', () => {
    const key = deriveSigningKey(SECRET, '20150830', 'us-east-1', 'iam');
    expect(key.toString('hex')).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
    const scope = credentialScope('20150830', 'us-east-1', 'iam');
    expect(scope).toBe('20150830/us-east-1/iam/aws4_request');
    const sts = stringToSign('20150830T123600Z', scope, 'f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
    expect(sts).toBe('AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
    expect(createHmac('sha256', key).update(sts).digest('hex')).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
  });

  it('a different date, Region or service gives a different key', () => {
    const base = deriveSigningKey(SECRET, '20150830', 'us-east-1', 'iam');
    expect(deriveSigningKey(SECRET, '20150831', 'us-east-1', 'iam').equals(base)).toBe(false);
    expect(deriveSigningKey(SECRET, '20150830', 'us-west-2', 'iam').equals(base)).toBe(false);
    expect(deriveSigningKey(SECRET, '20150830', 'us-east-1', 'kms').equals(base)).toBe(false);
  });
});
