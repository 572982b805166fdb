/**
 * Decrypt's optional KeyId may name the encrypting key in any of the four forms (MODEL Decrypt
 * KeyId; aws-observed.md A10), and the answer's KeyId is always the key ARN.
 *
 * Shared by the decrypt key id forms cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { CreateAliasCommand, DecryptCommand, DescribeKeyCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasArn, b64, settle, unthrottled } from '../_lib/support.js';

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
      const key = await t.createKey();
      let name: string = form === 'key-id' ? key.KeyId : key.Arn;
      if (form.startsWith('alias')) {
        const alias = t.aliasName();
        await unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId })));
        await settle(() => t.kms.send(new DescribeKeyCommand({ KeyId: alias })).catch((e: unknown) => e), (r) => !(r instanceof Error));
        name = form === 'alias-name' ? alias : aliasArn(t, alias);
      }
      const plaintext = t.bytes(20);
      const enc = await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext }));
      const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: enc.CiphertextBlob, KeyId: name }));
      t.expectEqual(b64(out.Plaintext ?? new Uint8Array()), b64(plaintext), 'Plaintext (base64)');
      t.expectEqual(out.KeyId, key.Arn, 'Decrypt KeyId');
    },
  });
