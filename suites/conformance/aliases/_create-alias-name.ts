/**
 * CreateAlias name rules: the alias/ prefix, the character set, a name already taken. A fresh key,
 * then CreateAlias with the name the case makes, refused with the error it names.
 *
 * Shared by the create alias name cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { CreateAliasCommand } from '@aws-sdk/client-kms';
import { defineCase, type CaseContext, type CaseSource, type CaseTag, type ConformanceCase, type ExpectedError } from '../../../harness/conformance/case.js';
import { unthrottled } from '../_lib/support.js';
import { givenKey } from '../_lib/prerequisites.js';

export interface NameRefused {
  behaviour: string;
  title: string;
  doc: string;
  source: CaseSource;
  tags: CaseTag[];
  /** The AliasName sent for the key (a name that must exist already is made here, as a prerequisite). */
  name(t: CaseContext, keyId: string): string | Promise<string>;
  /** What CreateAlias answers for it. */
  error(t: CaseContext, name: string): ExpectedError;
}

export const nameRefused = (row: NameRefused): ConformanceCase =>
  defineCase({
    id: `aliases.create-alias-${row.behaviour}`,
    title: row.title,
    doc: row.doc,
    source: row.source,
    tags: row.tags,
    ops: ['CreateKey', 'CreateAlias'],
    async run(t) {
      const key = await givenKey(t);
      const name = await row.name(t, key.KeyId);
      await t.expectError(unthrottled(() => t.kms.send(new CreateAliasCommand({ AliasName: name, TargetKeyId: key.KeyId }))), row.error(t, name));
    },
  });
