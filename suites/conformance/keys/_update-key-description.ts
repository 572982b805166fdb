/**
 * UpdateKeyDescription replaces a key's Description (DG/MODEL UpdateKeyDescription): a key made with
 * one text gets another, and DescribeKey then shows the new one.
 *
 * Shared by the update key description cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { DescribeKeyCommand, UpdateKeyDescriptionCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseSource, type ConformanceCase } from '../../../harness/conformance/case.js';
import { members, unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export interface DescriptionUpdate {
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
  /** The Description the key is created with, and the one UpdateKeyDescription sends. */
  before: string;
  after: string;
  /** How the request names the key (default: key id). */
  by?: 'KeyId' | 'Arn';
  /** Whether the case also checks that UpdateKeyDescription answers an empty result. */
  emptyResult?: boolean;
}

export const updateDescription = (row: DescriptionUpdate): ConformanceCase =>
  defineCase({
    id: `keys.update-key-description-${row.behaviour}`,
    title: row.title,
    doc: row.doc,
    source: row.source,
    tags: ['semantics'],
    ops: ['CreateKey', 'UpdateKeyDescription', 'DescribeKey'],
    async run(t) {
      const key = await givenKey(t, { Description: row.before });
      const out = await unthrottled(() => t.kms.send(new UpdateKeyDescriptionCommand({ KeyId: row.by === 'Arn' ? key.Arn : key.KeyId, Description: row.after })));
      if (row.emptyResult) t.expectEqual(members(out), [], 'UpdateKeyDescription output members');
      t.expectEqual((await t.kms.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata?.Description, row.after, 'Description');
    },
  });
