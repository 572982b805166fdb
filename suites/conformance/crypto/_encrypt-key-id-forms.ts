/**
 * Encrypt takes the key in any of the four forms and always answers KeyId = the key ARN
 * (aws-observed.md A10 LS-TEST test_all_types_of_key_id_can_be_used_for_encryption; §4.2).
 *
 * Shared by the encrypt key id forms cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { aliasArn } from '../_lib/support.js';
import { givenAlias, givenKey } from '../_lib/prerequisites.js';

export type Form = 'key-id' | 'key-arn' | 'alias-name' | 'alias-arn';

export const encryptBy = (form: Form, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `crypto.encrypt-by-${form}`,
    title: `Encrypt accepts the ${form.replace('-', ' ')} and answers KeyId = the key ARN`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-KeyId',
    source,
    tags: form.startsWith('alias') ? ['semantics', 'aliases'] : ['semantics'],
    ops: form.startsWith('alias') ? ['CreateKey', 'CreateAlias', 'Encrypt'] : ['CreateKey', 'Encrypt'],
    async run(t) {
      const key = await givenKey(t);
      let name: string = form === 'key-id' ? key.KeyId : key.Arn;
      if (form.startsWith('alias')) {
        const alias = await givenAlias(t, key.KeyId, { wait: true });
        name = form === 'alias-name' ? alias : aliasArn(t, alias);
      }
      const out = await t.kms.send(new EncryptCommand({ KeyId: name, Plaintext: t.bytes(16) }));
      t.expectEqual(out.KeyId, key.Arn, 'Encrypt KeyId');
    },
  });
