/**
 * CreateKey with a KeySpec or KeyUsage outside its enum: ValidationException in the Coral
 * enum-constraint form (aws-observed.md §6.1 V9, V10).
 *
 * Shared by the create key invalid enum cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { createKeyRaw } from '../_lib/support.js';
import { recorded } from '../_lib/sources.js';

export interface InvalidEnum {
  /** The CreateKey member sent; its wire name (`keySpec`, `keyUsage`) is what the message names. */
  member: 'KeySpec' | 'KeyUsage';
  /** The value outside the enum. */
  value: string;
  /** A member of the enum the message must list. */
  listed: string;
  /** The recording in spec/aws-observed.md §6.1. */
  capture: string;
}

export const invalidEnum = ({ member, value, listed, capture }: InvalidEnum): ConformanceCase => {
  const wire = `${member[0]!.toLowerCase()}${member.slice(1)}`;
  return defineCase({
    id: `keys.create-key-invalid-${member === 'KeySpec' ? 'key-spec' : 'key-usage'}`,
    title: `CreateKey refuses a ${member} outside the enum: Value '${value}' at '${wire}' ... enum value set: [...] (${capture})`,
    doc: `https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html#KMS-CreateKey-request-${member}`,
    source: recorded(`spec/aws-observed.md §6.1 ${capture}`),
    tags: ['semantics', 'limits'],
    ops: ['CreateKey'],
    async run(t) {
      const reply = await createKeyRaw(t, { [member]: value });
      t.expectEqual([reply.status, reply.errorCode], [400, 'ValidationException'], 'status and error code');
      // The enum grows over time (KEY_AGREEMENT was added after the 2023 recording): check the frame only.
      const m = new RegExp(
        `^1 validation error detected: Value '${value}' at '${wire}' failed to satisfy constraint: Member must satisfy enum value set: \\[(.*)\\]$`,
      ).exec(reply.errorMessage ?? '');
      t.check(m !== null, 'message has the Coral enum-constraint form', reply.errorMessage);
      t.check((m?.[1] ?? '').split(', ').includes(listed), `the enum value set lists ${listed}`, m?.[1]);
    },
  });
};
