/**
 * The ARN partition of an AWS Region (`aws`, `aws-cn`, `aws-us-gov`, ...), for building ARNs the
 * way KMS does; shared by the reference server and the conformance cases.
 *
 * @module
 */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}
