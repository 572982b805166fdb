import { describe, expect, it } from 'vitest';
import type { Observation } from './execute.js';
import { normalise, type Names } from './normalise.js';
import { blobNames, newSession, symbolicNames } from './session.js';

function namesFor(account: string, id: string): Names {
  const s = newSession('kdabcdef01-3', account);
  s.keys.push({ id, arn: `arn:aws:kms:us-east-1:${account}:key/${id}` });
  s.ciphertexts.push({ blob: Buffer.from(`ct-${id}`).toString('base64'), plaintext: Buffer.from('hello').toString('base64') });
  return { strings: symbolicNames(s), blobs: blobNames(s) };
}

const A = namesFor('111122223333', '11111111-1111-4111-8111-111111111111');
const B = namesFor('123456789012', '22222222-2222-4222-8222-222222222222');

const describeKey = (account: string, id: string, extra: Record<string, unknown> = {}): Observation => ({
  status: 200,
  body: {
    KeyMetadata: {
      AWSAccountId: account,
      KeyId: id,
      Arn: `arn:aws:kms:us-east-1:${account}:key/${id}`,
      CreationDate: account === '111122223333' ? 1700000000.5 : 1800000000,
      Description: 'kdabcdef01-3 key',
      EncryptionAlgorithms: account === '111122223333' ? ['SYMMETRIC_DEFAULT', 'RSAES_OAEP_SHA_1'] : ['RSAES_OAEP_SHA_1', 'SYMMETRIC_DEFAULT'],
      ...extra,
    },
  },
});

describe('normalise', () => {
  it('gives two endpoints’ replies about the same symbolic key the same view (ids, ARNs, account, dates, prefix, unordered lists)', () => {
    const a = normalise('DescribeKey', describeKey('111122223333', '11111111-1111-4111-8111-111111111111'), A);
    const b = normalise('DescribeKey', describeKey('123456789012', '22222222-2222-4222-8222-222222222222'), B);
    expect(a).toEqual(b);
    expect(a.body).toEqual({
      KeyMetadata: {
        AWSAccountId: '<account>',
        Arn: '<key#0.arn>',
        CreationDate: '<date>',
        Description: '<run> key',
        EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'SYMMETRIC_DEFAULT'],
        KeyId: '<key#0>',
      },
    });
  });

  it('keeps a date that is not a number apart, drops null members, keeps unknown members', () => {
    const obs = describeKey('111122223333', '11111111-1111-4111-8111-111111111111', { CreationDate: '2024-01-01T00:00:00Z', KeyUsage: null, Extra: 'x' });
    const meta = normalise('DescribeKey', obs, A).body!.KeyMetadata as Record<string, unknown>;
    expect(meta.CreationDate).toBe('<date:string>');
    expect('KeyUsage' in meta).toBe(false);
    expect(meta.Extra).toBe('x');
  });

  it('names blobs this sequence made and sizes the others', () => {
    const known = normalise('Decrypt', { status: 200, body: { Plaintext: Buffer.from('hello').toString('base64') } }, A);
    expect(known.body!.Plaintext).toBe('<plaintext#0>');
    const other = normalise('GenerateRandom', { status: 200, body: { Plaintext: Buffer.alloc(32).toString('base64') } }, A);
    expect(other.body!.Plaintext).toBe('<blob:32 bytes>');
    const ct = normalise('Encrypt', { status: 200, body: { CiphertextBlob: Buffer.from('ct-11111111-1111-4111-8111-111111111111').toString('base64') }, roundTrip: 'ok' }, A);
    expect(ct.body).toEqual({ CiphertextBlob: '<ciphertext#0>', $roundTrip: 'ok' });
  });

  it('compares key policies as parsed JSON, not as text', () => {
    const text = (account: string, spaced: boolean) =>
      JSON.stringify({ Statement: [{ Principal: { AWS: `arn:aws:iam::${account}:root` } }] }, null, spaced ? 2 : 0);
    const a = normalise('GetKeyPolicy', { status: 200, body: { Policy: text('111122223333', true) } }, A);
    const b = normalise('GetKeyPolicy', { status: 200, body: { Policy: text('123456789012', false) } }, B);
    expect(a).toEqual(b);
  });

  it('keeps only this sequence’s own entries of account-wide listings', () => {
    const view = normalise(
      'ListKeys',
      { status: 200, body: { Keys: [{ KeyId: 'someone-elses' }, { KeyId: '11111111-1111-4111-8111-111111111111' }] } },
      A,
    );
    expect(view.body!.Keys).toEqual([{ KeyId: '<key#0>' }]);
  });

  it('reports an error by code and normalised message, with no body', () => {
    const view = normalise('DescribeKey', { status: 400, errorCode: 'NotFoundException', message: 'Key arn:aws:kms:us-east-1:111122223333:key/11111111-1111-4111-8111-111111111111 does not exist' }, A);
    expect(view).toEqual({ status: 400, error: { code: 'NotFoundException', message: 'Key <key#0.arn> does not exist' } });
  });

  it('never keeps a plaintext of the sequence that an error message echoes', () => {
    const plaintext = Buffer.from('hello').toString('base64');
    const view = normalise('Encrypt', { status: 400, errorCode: 'ValidationException', message: `bad plaintext ${plaintext}` }, A);
    expect(view.error!.message).toBe('bad plaintext <plaintext#0>');
  });
});
