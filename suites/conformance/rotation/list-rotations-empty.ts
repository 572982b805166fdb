import { defineCase } from '../../../harness/conformance/case.js';
import { LIST_DOC } from './_support.js';

/** ROTATIONS_ONLY is the default: a key never rotated lists nothing (MODEL ListKeyRotations doc). */
export default defineCase({
  id: 'rotation.list-rotations-empty',
  title: 'ListKeyRotations of a key never rotated is {Rotations: [], Truncated: false}',
  doc: `${LIST_DOC}#KMS-ListKeyRotations-request-IncludeKeyMaterial`,
  tags: ['rotation'],
  ops: ['CreateKey', 'ListKeyRotations'],
  async run(t) {
    const key = await t.createKey();
    const reply = await t.raw('ListKeyRotations', { KeyId: key.KeyId });
    t.expectEqual(reply.status, 200, 'HTTP status');
    t.expectEqual(reply.json, { Rotations: [], Truncated: false }, 'response body');
  },
});
