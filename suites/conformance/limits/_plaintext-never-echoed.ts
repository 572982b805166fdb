/**
 * Validation messages never echo plaintext (facts sheet: "Never echo plaintext or key material in
 * any message"; V1: AWS leaves the value out for the sensitive Plaintext member).
 *
 * Shared by the plaintext never echoed cases beside it, one case per module. Not a case file: no default export.
 *
 * @module
 */

/** A recognisable plaintext: the marker text repeated to `bytes`. */
export const secret = (bytes: number) => Buffer.from('KMSBENCH-SECRET-'.repeat(Math.ceil(bytes / 16)).slice(0, bytes), 'utf8');

export function leaks(message: string, plaintext: Buffer): string[] {
  const b64 = plaintext.toString('base64');
  const found: string[] = [];
  if (message.includes('KMSBENCH-SECRET')) found.push('the plaintext text');
  if (message.includes(b64.slice(0, 24))) found.push('the plaintext in base64');
  if (message.includes(plaintext.toString('hex').slice(0, 24))) found.push('the plaintext in hex');
  return found;
}
