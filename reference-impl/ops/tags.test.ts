/**
 * Tags through the unmodified AWS SDK: TagResource, UntagResource, ListResourceTags and tags on
 * CreateKey — shape and order, tag rules (50 per key, 1..128 / 0..256, aws: prefix, duplicates),
 * id forms, key states, pagination.
 *
 * Sources: spec/aws-observed.md (4.3, 6.1 V17/V18, 6.3, KS-OLD table in 2.2) and spec/kms-facts.md.
 * Lines marked INFERRED assert our documented behaviour where AWS's answer is unknown.
 */
import {
  CreateAliasCommand,
  DisableKeyCommand,
  ListResourceTagsCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type Tag,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasArnOf, keyArnOf, members, refusal, startInProcessKms, type InProcessKms } from '../../test/support/in-process-kms.js';

let t: InProcessKms;
beforeAll(async () => {
  t = await startInProcessKms();
});
afterAll(async () => {
  await t?.close();
});

const ABSENT_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const tag = (TagKey: string, TagValue = `${TagKey}-value`): Tag => ({ TagKey, TagValue });
const tags = (count: number, prefix = 'k') => Array.from({ length: count }, (_, i) => tag(`${prefix}${String(i).padStart(2, '0')}`));

const tagResource = (KeyId: string, Tags: Tag[]) => t.kms.send(new TagResourceCommand({ KeyId, Tags }));
const untagResource = (KeyId: string, TagKeys: string[]) => t.kms.send(new UntagResourceCommand({ KeyId, TagKeys }));
const listTags = async (KeyId: string) => (await t.kms.send(new ListResourceTagsCommand({ KeyId }))).Tags!;

describe('TagResource / ListResourceTags', () => {
  it('TagResource returns an empty body; ListResourceTags returns exactly {Tags, Truncated: false} (4.3)', async () => {
    const key = await t.createKey();
    const out = await tagResource(key.KeyId!, [tag('Purpose', 'Test'), tag('CostCenter', '87654')]);
    expect(members(out)).toEqual([]);
    const list = await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }));
    expect(members(list)).toEqual(['Tags', 'Truncated']);
    expect(list.Truncated).toBe(false);
    expect(list.Tags).toEqual([tag('Purpose', 'Test'), tag('CostCenter', '87654')]);
  });

  it('returns Tags: [] for an untagged key', async () => {
    const key = await t.createKey();
    expect(await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).toMatchObject({ Tags: [], Truncated: false });
  });

  it('updates a value in place and appends new keys: tag1..tag5 stay in key order (LS-SNAP test_update_and_add_tags_on_tagged_key)', async () => {
    const key = await t.createKey({ Tags: [tag('tag1'), tag('tag2'), tag('tag3')] });
    await tagResource(key.KeyId!, [tag('tag2', 'updated'), tag('tag4'), tag('tag5')]);
    expect(await listTags(key.KeyId!)).toEqual([tag('tag1'), tag('tag2', 'updated'), tag('tag3'), tag('tag4'), tag('tag5')]);
  });

  it('treats tag keys case-sensitively and accepts an empty value (MODEL: value 0..256)', async () => {
    const key = await t.createKey();
    await tagResource(key.Arn!, [tag('Env', 'prod'), tag('env', '')]);
    expect(await listTags(key.KeyId!)).toEqual([tag('Env', 'prod'), tag('env', '')]);
  });

  it('accepts a 128-character key and a 256-character value', async () => {
    const key = await t.createKey();
    const long = tag('k'.repeat(128), 'v'.repeat(256));
    await tagResource(key.KeyId!, [long]);
    expect(await listTags(key.KeyId!)).toEqual([long]);
  });

  it('shows the tags given to CreateKey', async () => {
    const key = await t.createKey({ Tags: [tag('a', '1'), tag('b', '2')] });
    expect(await listTags(key.Arn!)).toEqual([tag('a', '1'), tag('b', '2')]);
  });
});

describe('UntagResource', () => {
  it('returns an empty body and removes only the named keys', async () => {
    const key = await t.createKey({ Tags: [tag('a'), tag('b'), tag('c')] });
    const out = await untagResource(key.KeyId!, ['b']);
    expect(members(out)).toEqual([]);
    expect(await listTags(key.KeyId!)).toEqual([tag('a'), tag('c')]);
  });

  it('succeeds silently for a key that has no such tag (MODEL UntagResource doc)', async () => {
    const key = await t.createKey({ Tags: [tag('a')] });
    await untagResource(key.Arn!, ['not-there']);
    expect(await listTags(key.KeyId!)).toEqual([tag('a')]);
  });

  it('leaves Tags: [] after removing all tags (LS-SNAP test_tag_existing_key_and_untag)', async () => {
    const key = await t.createKey({ Tags: [tag('a'), tag('b')] });
    await untagResource(key.KeyId!, ['a', 'b']);
    expect(await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).toMatchObject({ Tags: [], Truncated: false });
  });
});

describe('tag rules (6.3, V17, V18)', () => {
  it('refuses 51 tags on CreateKey with TagException "Too many tags"', async () => {
    expect(await refusal(t.createKey({ Tags: tags(51) }))).toEqual({ name: 'TagException', message: 'Too many tags', status: 400 });
  });

  it('accepts 50 tags and refuses a TagResource that would make 51 (facts sheet: 50 per key; message as CreateKey)', async () => {
    const key = await t.createKey({ Tags: tags(50) });
    expect(await listTags(key.KeyId!)).toHaveLength(50);
    expect(await refusal(tagResource(key.KeyId!, [tag('one-more')]))).toEqual({ name: 'TagException', message: 'Too many tags', status: 400 });
    // Re-tagging an existing key does not count as a new tag.
    await tagResource(key.KeyId!, [tag('k00', 'changed')]);
    expect((await listTags(key.KeyId!))[0]).toEqual(tag('k00', 'changed'));
  });

  it('refuses the same TagKey twice in one request with "Duplicate tag keys"', async () => {
    const key = await t.createKey();
    expect(await refusal(tagResource(key.KeyId!, [tag('dup', '1'), tag('dup', '2')]))).toEqual({
      name: 'TagException',
      message: 'Duplicate tag keys',
      status: 400,
    });
    expect(await listTags(key.KeyId!)).toEqual([]);
  });

  it.each(['aws:key1', 'AWS:key1'])('refuses the reserved prefix in %s on CreateKey and TagResource', async (reserved) => {
    const expected = { name: 'TagException', message: 'Tags beginning with aws: are reserved', status: 400 };
    expect(await refusal(t.createKey({ Tags: [tag(reserved)] }))).toEqual(expected);
    const key = await t.createKey();
    expect(await refusal(tagResource(key.KeyId!, [tag('fine'), tag(reserved)]))).toEqual(expected);
    expect(await listTags(key.KeyId!)).toEqual([]);
  });

  it('refuses a 129-character tag key with ValidationException naming the list index (V18)', async () => {
    const key = await t.createKey();
    const longKey = 'a'.repeat(129);
    expect(await refusal(tagResource(key.KeyId!, [tag('ok'), tag(longKey, 'v')]))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${longKey}' at 'tags.2.member.tagKey' failed to satisfy constraint: Member must have length less than or equal to 128`,
      status: 400,
    });
  });

  it('refuses a 257-character tag value, echoing it in full (V17)', async () => {
    const longValue = 'v'.repeat(257);
    expect(await refusal(t.createKey({ Tags: [tag('k', longValue)] }))).toEqual({
      name: 'ValidationException',
      message: `1 validation error detected: Value '${longValue}' at 'tags.1.member.tagValue' failed to satisfy constraint: Member must have length less than or equal to 256`,
      status: 400,
    });
  });
});

describe('key id forms', () => {
  it('accepts key id and key ARN on all three calls', async () => {
    const key = await t.createKey();
    await tagResource(key.Arn!, [tag('a')]);
    await tagResource(key.KeyId!, [tag('b')]);
    expect(await listTags(key.Arn!)).toEqual([tag('a'), tag('b')]);
    await untagResource(key.Arn!, ['a']);
    expect(await listTags(key.KeyId!)).toEqual([tag('b')]);
  });

  it('refuses alias names and alias ARNs (MODEL: key id or key ARN; wording INFERRED from N4)', async () => {
    const key = await t.createKey();
    const alias = 'alias/tags-test/forms';
    await t.kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: key.KeyId }));
    for (const id of [alias, aliasArnOf(alias)]) {
      const expected = { name: 'NotFoundException', message: `Invalid keyId '${id}'`, status: 400 };
      expect(await refusal(tagResource(id, [tag('a')]))).toEqual(expected);
      expect(await refusal(untagResource(id, ['a']))).toEqual(expected);
      expect(await refusal(listTags(id))).toEqual(expected);
    }
  });

  it('answers an absent key with NotFoundException (N1)', async () => {
    expect(await refusal(listTags(ABSENT_ID))).toEqual({
      name: 'NotFoundException',
      message: `Key '${keyArnOf(ABSENT_ID)}' does not exist`,
      status: 400,
    });
  });
});

describe('key states (KS-OLD)', () => {
  it('PendingDeletion: TagResource and UntagResource → "<arn> is pending deletion." [3]; ListResourceTags works', async () => {
    const key = await t.createKey({ Tags: [tag('keep')] });
    await t.kms.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    const expected = { name: 'KMSInvalidStateException', message: `${key.Arn} is pending deletion.`, status: 400 };
    expect(await refusal(tagResource(key.KeyId!, [tag('new')]))).toEqual(expected);
    expect(await refusal(untagResource(key.KeyId!, ['keep']))).toEqual(expected);
    expect(await listTags(key.KeyId!)).toEqual([tag('keep')]);
  });

  it('Disabled and PendingImport: all three succeed (KS-OLD ✓)', async () => {
    const disabled = await t.createKey();
    await t.kms.send(new DisableKeyCommand({ KeyId: disabled.KeyId }));
    const pendingImport = await t.createKey({ Origin: 'EXTERNAL' });
    for (const key of [disabled, pendingImport]) {
      await tagResource(key.KeyId!, [tag('a'), tag('b')]);
      await untagResource(key.KeyId!, ['a']);
      expect(await listTags(key.KeyId!), key.KeyState).toEqual([tag('b')]);
    }
  });
});

describe('ListResourceTags pagination', () => {
  it('pages with Limit / Marker / Truncated / NextMarker in tag order', async () => {
    const all = tags(12, 't');
    const key = await t.createKey({ Tags: all });
    const seen: Tag[] = [];
    const sizes: number[] = [];
    let marker: string | undefined;
    do {
      const page = await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Limit: 5, Marker: marker }));
      sizes.push(page.Tags!.length);
      seen.push(...page.Tags!);
      expect(page.Truncated).toBe(page.NextMarker !== undefined);
      marker = page.NextMarker;
    } while (marker);
    expect(sizes).toEqual([5, 5, 2]);
    expect(seen).toEqual(all);
  });

  it('returns all 50 tags on one page by default (MODEL: default 50)', async () => {
    const key = await t.createKey({ Tags: tags(50) });
    const page = await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }));
    expect(page.Tags).toHaveLength(50);
    expect(page.Truncated).toBe(false);
  });

  it('refuses a marker it did not issue with InvalidMarkerException (MODEL; message unknown)', async () => {
    const key = await t.createKey({ Tags: tags(3) });
    const r = await refusal(t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId, Marker: 'bogus' })));
    expect([r.name, r.status]).toEqual(['InvalidMarkerException', 400]);
  });
});
