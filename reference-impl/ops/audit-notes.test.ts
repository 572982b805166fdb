/**
 * What the handlers note for the audit log (`ctx.audit`): the key ARNs a request used, in order,
 * and the encryption context it was given — also when the request was refused after its key was
 * found. The pipeline copies the notes into each request's audit entry.
 */
import {
  CreateAliasCommand,
  DecryptCommand,
  DisableKeyCommand,
  EncryptCommand,
  ReEncryptCommand,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { beforeAll, describe, expect, it } from 'vitest';
import { aliasArnOf, inProcessKmsForFile } from '../../test/support/in-process-kms.js';

const t = inProcessKmsForFile({ audit: true });
let key: KeyMetadata;
let other: KeyMetadata;

beforeAll(async () => {
  key = await t.createKey();
  other = await t.createKey();
});

/** The request id of a call, whether it succeeded or was refused. */
async function requestIdOf(call: Promise<{ $metadata: { requestId?: string } }>): Promise<string> {
  const id = await call.then(
    (out) => out.$metadata.requestId,
    (e: { $metadata?: { requestId?: string } }) => e.$metadata?.requestId,
  );
  if (!id) throw new Error('the reply had no request id');
  return id;
}

const plaintext = Buffer.from('audited');

describe('audit notes', () => {
  it('Encrypt: the key ARN (even when named by alias) and the encryption context', async () => {
    await t.kms.send(new CreateAliasCommand({ AliasName: 'alias/audit-test/main', TargetKeyId: key.KeyId }));
    const id = await requestIdOf(
      t.kms.send(new EncryptCommand({ KeyId: 'alias/audit-test/main', Plaintext: plaintext, EncryptionContext: { tenant: 'a' } })),
    );
    const entry = await t.auditEntry(id);
    expect(entry).toMatchObject({ eventName: 'Encrypt', resources: [key.Arn], encryptionContext: { tenant: 'a' } });
    expect(entry.errorCode).toBeUndefined();
  });

  it('ReEncrypt: the source key, then the destination key, and the source context', async () => {
    const blob = (await t.kms.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext, EncryptionContext: { from: 'x' } })))
      .CiphertextBlob;
    const id = await requestIdOf(
      t.kms.send(new ReEncryptCommand({ CiphertextBlob: blob, SourceEncryptionContext: { from: 'x' }, DestinationKeyId: other.KeyId })),
    );
    expect(await t.auditEntry(id)).toMatchObject({ eventName: 'ReEncrypt', resources: [key.Arn, other.Arn], encryptionContext: { from: 'x' } });
  });

  it('a Decrypt refused for its key state still names the key, with the error code', async () => {
    const k = await t.createKey();
    const blob = (await t.kms.send(new EncryptCommand({ KeyId: k.KeyId, Plaintext: plaintext }))).CiphertextBlob;
    await t.kms.send(new DisableKeyCommand({ KeyId: k.KeyId }));
    const id = await requestIdOf(t.kms.send(new DecryptCommand({ CiphertextBlob: blob })));
    expect(await t.auditEntry(id)).toMatchObject({ eventName: 'Decrypt', resources: [k.Arn], errorCode: 'DisabledException' });
  });

  it('CreateAlias: the alias ARN, then the key ARN; a management call: the key ARN', async () => {
    const k = await t.createKey();
    const created = await requestIdOf(t.kms.send(new CreateAliasCommand({ AliasName: 'alias/audit-test/other', TargetKeyId: k.KeyId })));
    expect(await t.auditEntry(created)).toMatchObject({ eventName: 'CreateAlias', resources: [aliasArnOf('alias/audit-test/other'), k.Arn] });
    const disabled = await requestIdOf(t.kms.send(new DisableKeyCommand({ KeyId: k.KeyId })));
    expect(await t.auditEntry(disabled)).toMatchObject({ eventName: 'DisableKey', resources: [k.Arn] });
  });
});
