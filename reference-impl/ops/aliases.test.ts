/**
 * The alias handlers in-process, for what the conformance suite (suites/conformance/aliases,
 * key-state, limits) does not pin down: the 50-aliases count the store keeps per key across
 * UpdateAlias and DeleteAlias, DeleteAlias of an AWS managed alias, ListAliases' KeyId forms and
 * default page size.
 *
 * Sources: spec/aws-observed.md (4.5, section 7) and spec/kms-facts.md. Lines marked INFERRED
 * assert our documented behaviour where AWS's answer is unknown.
 */
import {
  CreateAliasCommand,
  DeleteAliasCommand,
  ListAliasesCommand,
  UpdateAliasCommand,
  type AliasListEntry,
  type KeyMetadata,
} from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { keyArnOf, refusal, inProcessKmsForFile } from '../../test/support/in-process-kms.js';

const t = inProcessKmsForFile();

const ABSENT_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
let n = 0;
const fresh = (base = 'a') => `alias/aliases-test/${base}-${++n}`;

const createAlias = (AliasName: string, TargetKeyId: string) => t.kms.send(new CreateAliasCommand({ AliasName, TargetKeyId }));
const updateAlias = (AliasName: string, TargetKeyId: string) => t.kms.send(new UpdateAliasCommand({ AliasName, TargetKeyId }));
const deleteAlias = (AliasName: string) => t.kms.send(new DeleteAliasCommand({ AliasName }));

async function allAliases(keyId?: string, limit?: number): Promise<AliasListEntry[]> {
  const out: AliasListEntry[] = [];
  let marker: string | undefined;
  do {
    const page = await t.kms.send(new ListAliasesCommand({ KeyId: keyId, Limit: limit, Marker: marker }));
    out.push(...page.Aliases!);
    marker = page.NextMarker;
  } while (marker);
  return out;
}

const entry = async (name: string) => (await allAliases(undefined, 100)).find((a) => a.AliasName === name);

describe('50 aliases per key (facts sheet; A8)', () => {
  let full: KeyMetadata;

  it('accepts 50 aliases on one key and refuses the 51st with LimitExceededException (message INFERRED)', async () => {
    full = await t.createKey();
    for (let i = 0; i < 50; i++) await createAlias(`alias/aliases-test/limit/${String(i).padStart(2, '0')}`, full.KeyId!);
    expect(await allAliases(full.KeyId, 100)).toHaveLength(50);
    expect(await refusal(createAlias('alias/aliases-test/limit/50', full.KeyId!))).toEqual({
      name: 'LimitExceededException',
      message: `Too many aliases for ${full.Arn}`,
      status: 400,
    });
    expect(await entry('alias/aliases-test/limit/50')).toBeUndefined();
  });

  it('refuses UpdateAlias onto a key that already has 50', async () => {
    const elsewhere = await t.createKey();
    const name = fresh();
    await createAlias(name, elsewhere.KeyId!);
    expect((await refusal(updateAlias(name, full.KeyId!))).name).toBe('LimitExceededException');
    expect((await entry(name))?.TargetKeyId).toBe(elsewhere.KeyId);
  });

  it('makes room again after DeleteAlias', async () => {
    await deleteAlias('alias/aliases-test/limit/00');
    await createAlias('alias/aliases-test/limit/50', full.KeyId!);
    expect(await allAliases(full.KeyId, 100)).toHaveLength(50);
  });
});

describe('DeleteAlias', () => {
  it('refuses AWS managed aliases (reserved prefix; INFERRED)', async () => {
    expect((await refusal(deleteAlias('alias/aws/s3'))).name).toBe('InvalidAliasNameException');
  });
});

describe('ListAliases', () => {
  it('answers an absent KeyId with NotFoundException and refuses an alias as KeyId (MODEL: key id or ARN; wording INFERRED)', async () => {
    expect((await refusal(t.kms.send(new ListAliasesCommand({ KeyId: ABSENT_ID })))).message).toBe(`Key '${keyArnOf(ABSENT_ID)}' does not exist`);
    expect(await refusal(t.kms.send(new ListAliasesCommand({ KeyId: 'alias/aws/s3' })))).toEqual({
      name: 'NotFoundException',
      message: "Invalid keyId 'alias/aws/s3'",
      status: 400,
    });
  });

  it('returns 50 entries by default (MODEL: default 50)', async () => {
    const page = await t.kms.send(new ListAliasesCommand({}));
    expect(page.Aliases).toHaveLength(50);
    expect(page.Truncated).toBe(true);
  });
});
