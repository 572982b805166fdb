/**
 * TagException rules (aws-observed.md §6.3, recorded on AWS): duplicate keys, reserved aws: prefix.
 *
 * Shared by the tag rules cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { ListResourceTagsCommand, TagResourceCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { refused, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export const TAG_DOC = 'https://docs.aws.amazon.com/kms/latest/APIReference/API_TagResource.html#API_TagResource_Errors';

export const RESERVED = { code: 'TagException', status: 400, message: 'Tags beginning with aws: are reserved' };

export const reservedOnCreate = (prefix: 'aws' | 'AWS', source: CaseSource): ConformanceCase =>
  defineCase({
    id: `tags.create-key-reserved-prefix-${prefix === 'aws' ? 'lower-case' : 'upper-case'}`,
    title: `CreateKey refuses tag key ${prefix}:key1: TagException "Tags beginning with aws: are reserved"`,
    doc: 'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#API_CreateKey_Errors',
    source,
    tags: ['tags'],
    ops: ['CreateKey'],
    async run(t) {
      const r = await refused(t, t.createKey({ Tags: [{ TagKey: `${prefix}:key1`, TagValue: 'v' }] }), 'CreateKey');
      t.expectEqual(r, RESERVED, 'refusal');
    },
  });

export const reservedOnTag = (prefix: 'aws' | 'AWS', source: CaseSource): ConformanceCase =>
  defineCase({
    id: `tags.tag-resource-reserved-prefix-${prefix === 'aws' ? 'lower-case' : 'upper-case'}`,
    title: `TagResource refuses tag key ${prefix}:key1 with TagException, adding none of the request's tags`,
    doc: TAG_DOC,
    source,
    tags: ['tags'],
    ops: ['CreateKey', 'TagResource', 'ListResourceTags'],
    async run(t) {
      const key = await givenKey(t);
      await t.expectError(
        unthrottled(() => t.kms.send(new TagResourceCommand({ KeyId: key.KeyId, Tags: [{ TagKey: 'fine', TagValue: 'v' }, { TagKey: `${prefix}:key1`, TagValue: 'v' }] }))),
        RESERVED,
      );
      t.expectEqual((await t.kms.send(new ListResourceTagsCommand({ KeyId: key.KeyId }))).Tags, [], 'Tags');
    },
  });
