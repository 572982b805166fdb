/**
 * Case factories for GenerateMac / VerifyMac per HMAC key spec. Not a case file: no default export.
 *
 * Sources: HMAC key specs and their one algorithm each, tag lengths = hash output (Key spec
 * reference, "HMAC key specs"); RFC 2104 HMAC.
 *
 * @module
 */
import { GenerateMacCommand, VerifyMacCommand, type KeySpec, type MacAlgorithmSpec } from '@aws-sdk/client-kms';
import { defineCase, type ConformanceCase } from '../../../harness/conformance/case.js';
import { documented, keyOf, KEY_SPEC_DOC } from '../_lib/asymmetric.js';
import { kebab } from '../asymmetric/_support.js';

export const HMAC_DOC = `${KEY_SPEC_DOC}#hmac-key-specs`;
export const MAC_OF: Record<string, { alg: MacAlgorithmSpec; bytes: number }> = {
  HMAC_224: { alg: 'HMAC_SHA_224', bytes: 28 },
  HMAC_256: { alg: 'HMAC_SHA_256', bytes: 32 },
  HMAC_384: { alg: 'HMAC_SHA_384', bytes: 48 },
  HMAC_512: { alg: 'HMAC_SHA_512', bytes: 64 },
};

/** GenerateMac then VerifyMac with the same key, algorithm and message: MacValid true. */
export function macRoundTripCase(spec: KeySpec): ConformanceCase {
  const { alg } = MAC_OF[spec]!;
  return defineCase({
    id: `hmac.${kebab(spec)}-round-trip`,
    title: `GenerateMac ${alg} with an ${spec} key makes a MAC that VerifyMac accepts`,
    doc: HMAC_DOC,
    source: documented(`${HMAC_DOC}; service model: VerifyMac ("MacValid ... true")`),
    tags: ['hmac'],
    ops: ['CreateKey', 'GenerateMac', 'VerifyMac'],
    async run(t) {
      const key = await keyOf(t, spec, 'GENERATE_VERIFY_MAC');
      const message = t.bytes(200);
      const made = await t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: message, MacAlgorithm: alg }));
      const checked = await t.kms.send(new VerifyMacCommand({ KeyId: key.KeyId, Message: message, Mac: made.Mac, MacAlgorithm: alg }));
      t.expectEqual([checked.MacValid, checked.MacAlgorithm, checked.KeyId], [true, alg, key.Arn], 'MacValid, MacAlgorithm, KeyId (ARN)');
    },
  });
}

/** The MAC is as long as the hash: 28, 32, 48 or 64 bytes. */
export function macLengthCase(spec: KeySpec): ConformanceCase {
  const { alg, bytes } = MAC_OF[spec]!;
  return defineCase({
    id: `hmac.${kebab(spec)}-mac-length`,
    title: `GenerateMac ${alg} returns a ${bytes}-byte MAC`,
    doc: HMAC_DOC,
    source: documented(`${HMAC_DOC} (HMAC with SHA-${alg.slice(-3)}; RFC 2104: the tag is the hash output)`),
    tags: ['hmac'],
    ops: ['CreateKey', 'GenerateMac'],
    async run(t) {
      const key = await keyOf(t, spec, 'GENERATE_VERIFY_MAC');
      const made = await t.kms.send(new GenerateMacCommand({ KeyId: key.KeyId, Message: t.bytes(10), MacAlgorithm: alg }));
      t.expectEqual(made.Mac?.length, bytes, 'MAC length in bytes');
    },
  });
}
