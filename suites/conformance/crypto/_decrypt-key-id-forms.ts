/**
 * Decrypt's optional KeyId may name the encrypting key in any of the four forms (MODEL Decrypt
 * KeyId; aws-observed.md A10), and the answer's KeyId is always the key ARN.
 *
 * Shared by the decrypt key id forms cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DecryptCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasArn, b64 } from '../_lib/support.js';
import { givenAlias, givenCiphertext, givenKey } from '../_lib/prerequisites.js';

export type Form = 'key-id' | 'key-arn' | 'alias-name' | 'alias-arn';

export const decryptBy = (form: Form, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `crypto.decrypt-key-id-${form}`,
    title: `Decrypt accepts its KeyId as the ${form.replace('-', ' ')} of the encrypting key`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-KeyId',
    source,
    tags: form.startsWith('alias') ? ['semantics', 'aliases'] : ['semantics'],
    ops: form.startsWith('alias') ? ['CreateKey', 'CreateAlias', 'Encrypt', 'Decrypt'] : ['CreateKey', 'Encrypt', 'Decrypt'],
    async run(t) {
      const key = await givenKey(t);
      let name: string = form === 'key-id' ? key.KeyId : key.Arn;
      if (form.startsWith('alias')) {
        const alias = await givenAlias(t, key.KeyId, { wait: true });
        name = form === 'alias-name' ? alias : aliasArn(t, alias);
      }
      const plaintext = t.bytes(20);
      const blob = await givenCiphertext(t, key.KeyId, { plaintext });
      const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: name }));
      t.expectEqual(b64(out.Plaintext ?? new Uint8Array()), b64(plaintext), 'Plaintext (base64)');
      t.expectEqual(out.KeyId, key.Arn, 'Decrypt KeyId');
    },
  });
