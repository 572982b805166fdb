/**
 * Encrypt and Decrypt take the key in any of the four forms (MODEL Encrypt KeyId, Decrypt KeyId;
 * aws-observed.md A10 LS-TEST test_all_types_of_key_id_can_be_used_for_encryption) and always
 * answer KeyId = the key ARN (§4.2).
 *
 * Shared by the encrypt-by and decrypt key id forms cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type CaseTag, type ConformanceCase } from '../../../harness/conformance/case.js';
import type { OperationName } from '../../../common/model/model.js';
import { aliasArn, b64 } from '../_lib/support.js';
import { givenAlias, givenCiphertext, givenKey } from '../_lib/prerequisites.js';

export type Form = 'key-id' | 'key-arn' | 'alias-name' | 'alias-arn';

const isAlias = (form: Form) => form.startsWith('alias');

/** The case's tags: an alias form is an aliases case too. */
const tagsFor = (form: Form): CaseTag[] => (isAlias(form) ? ['semantics', 'aliases'] : ['semantics']);

/** The case's operations: `ops` after CreateKey (and CreateAlias for an alias form). */
const opsFor = (form: Form, ops: OperationName[]): OperationName[] => (isAlias(form) ? ['CreateKey', 'CreateAlias', ...ops] : ['CreateKey', ...ops]);

/** A fresh key and the name of it in `form` (an alias made for it first, for an alias form): prerequisites. */
async function keyNamedAs(t: CaseContext, form: Form) {
  const key = await givenKey(t);
  let name: string = form === 'key-id' ? key.KeyId : key.Arn;
  if (isAlias(form)) {
    const alias = await givenAlias(t, key.KeyId, { wait: true });
    name = form === 'alias-name' ? alias : aliasArn(t, alias);
  }
  return { key, name };
}

export const encryptBy = (form: Form, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `crypto.encrypt-by-${form}`,
    title: `Encrypt accepts the ${form.replace('-', ' ')} and answers KeyId = the key ARN`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html#KMS-Encrypt-request-KeyId',
    source,
    tags: tagsFor(form),
    ops: opsFor(form, ['Encrypt']),
    async run(t) {
      const { key, name } = await keyNamedAs(t, form);
      const out = await t.kms.send(new EncryptCommand({ KeyId: name, Plaintext: t.bytes(16) }));
      t.expectEqual(out.KeyId, key.Arn, 'Encrypt KeyId');
    },
  });

export const decryptBy = (form: Form, source: CaseSource): ConformanceCase =>
  defineCase({
    id: `crypto.decrypt-key-id-${form}`,
    title: `Decrypt accepts its KeyId as the ${form.replace('-', ' ')} of the encrypting key`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_Decrypt.html#KMS-Decrypt-request-KeyId',
    source,
    tags: tagsFor(form),
    ops: opsFor(form, ['Encrypt', 'Decrypt']),
    async run(t) {
      const { key, name } = await keyNamedAs(t, form);
      const plaintext = t.bytes(20);
      const blob = await givenCiphertext(t, key.KeyId, { plaintext });
      const out = await t.kms.send(new DecryptCommand({ CiphertextBlob: blob, KeyId: name }));
      t.expectEqual(b64(out.Plaintext ?? new Uint8Array()), b64(plaintext), 'Plaintext (base64)');
      t.expectEqual(out.KeyId, key.Arn, 'Decrypt KeyId');
    },
  });
