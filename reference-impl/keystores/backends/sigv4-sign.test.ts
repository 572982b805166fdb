import { describe, expect, it } from 'vitest';
import type { CredentialLookup, CredentialRecord } from '../../auth/credentials.js';
import { verifySigV4 } from '../../auth/sigv4.js';
import { signXksRequest, XKS_SERVICE } from './sigv4-sign.js';

const NOW = Date.UTC(2024, 4, 17, 10, 30, 15);
const CRED = { accessKeyId: 'XKSACCESSKEYID000001', secretAccessKey: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=' };

function signed(path: string, body: Buffer, secret = CRED.secretAccessKey) {
  const host = 'xks.example.test:8443';
  const headers = signXksRequest({ host, path, body, accessKeyId: CRED.accessKeyId, secretAccessKey: secret, region: 'eu-west-1', nowMs: NOW });
  return { method: 'POST', rawUrl: path, headers: { host, 'content-type': 'application/json', ...headers }, body };
}

describe('signXksRequest', () => {
  const record: CredentialRecord = {
    ...CRED,
    sessionToken: undefined,
    principal: { accountId: '111122223333', arn: 'arn:aws:iam::111122223333:user/xks', accessKeyId: CRED.accessKeyId },
  };
  const store: CredentialLookup = { lookup: (id) => (id === CRED.accessKeyId ? record : undefined) };

  it('writes the Appendix A header layout, checked by the server’s own verifier', () => {
    const req = signed('/tenant-a/kms/xks/v1/keys/key-1/encrypt', Buffer.from('{"plaintext":"AA=="}'));
    expect(req.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=XKSACCESSKEYID000001\/20240517\/eu-west-1\/kms-xks-proxy\/aws4_request, SignedHeaders=host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(req.headers['x-amz-date']).toBe('20240517T103015Z');
    expect(verifySigV4(req, store, NOW, { service: XKS_SERVICE }).region).toBe('eu-west-1');
  });

  it('a wrong secret or a changed body fails verification', () => {
    expect(() => verifySigV4(signed('/kms/xks/v1/health', Buffer.from('{}'), 'wrong'), store, NOW, { service: XKS_SERVICE })).toThrow();
    const req = signed('/kms/xks/v1/health', Buffer.from('{}'));
    expect(() => verifySigV4({ ...req, body: Buffer.from('{ }') }, store, NOW, { service: XKS_SERVICE })).toThrow();
  });
});
