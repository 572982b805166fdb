/**
 * AWS behaviour that changed over time, by date, for cases whose expectation depends on the
 * `--aws-as-of` profile (`t.awsAsOf`). A case whose whole subject is newer than a date says so in
 * `source.since` (the runner skips it for earlier profiles); a case whose subject is older but
 * whose exact answer changed reads the profile here. Dates: spec/aws-observed.md §13 (SDK-CL:
 * aws-sdk-go-v2 service/kms CHANGELOG, the release that changed the model).
 *
 * Not a case file: no default export.
 *
 * @module
 */
import type { CaseContext } from '../../../harness/conformance/case.js';

export const AWS_CHANGES = {
  /** GetKeyPolicy / PutKeyPolicy: PolicyName optional, defaulting to `default` (v1.30.0). */
  policyNameOptional: '2024-03-18',
  /** RotationPeriodInDays, RotateKeyOnDemand, ListKeyRotations; KeyId in GetKeyRotationStatus (inferred to be this release) (v1.31.0). */
  rotationRelease: '2024-04-12',
  /** KeyMaterialId (Decrypt, GenerateDataKey*), Source/DestinationKeyMaterialId (ReEncrypt), CurrentKeyMaterialId (KeyMetadata) (v1.39.0). */
  keyMaterialIds: '2025-06-05',
  /**
   * On-demand rotations per key 10 → 25. The date of the change was not found: it came after the
   * 2025-04-03 recording of the limit at 10 (aws-observed.md R4), so a profile after that date
   * judges by 25 — a profile between 2025-04-04 and the real, unknown date may judge wrongly.
   */
  onDemandRotationLimit25: '2025-04-04',
} as const;

/** Whether AWS, as of the run's profile, behaves as it has since `change`. */
export const awsHas = (t: Pick<CaseContext, 'awsAsOf'>, change: keyof typeof AWS_CHANGES): boolean => t.awsAsOf >= AWS_CHANGES[change];

const KEY_MATERIAL_MEMBERS = new Set(['KeyMaterialId', 'SourceKeyMaterialId', 'DestinationKeyMaterialId', 'CurrentKeyMaterialId']);

/** A response's member list as of the profile: without the key-material ids before they existed. */
export const membersAsOf = (t: Pick<CaseContext, 'awsAsOf'>, members: readonly string[]): string[] =>
  awsHas(t, 'keyMaterialIds') ? [...members] : members.filter((m) => !KEY_MATERIAL_MEMBERS.has(m));

/** How many on-demand rotations a key allows as of the profile. */
export const onDemandRotationLimit = (t: Pick<CaseContext, 'awsAsOf'>): number => (awsHas(t, 'onDemandRotationLimit25') ? 25 : 10);
