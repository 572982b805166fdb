/**
 * What `--endpoint` names: the embedded reference server (`embedded`, the default), real AWS
 * (`aws`: the Region's public KMS endpoint) or any http(s) URL. Each command says which of these
 * it accepts.
 *
 * @module
 */

export type TargetSpec =
  | { kind: 'embedded'; faults?: string[] }
  | { kind: 'aws' }
  | { kind: 'url'; endpoint: string };

export type TargetSpecKind = TargetSpec['kind'];

/** `--endpoint` is not one of the forms the command accepts (a usage error). */
export class TargetSpecError extends Error {
  override readonly name = 'TargetSpecError';
}

const ALL: readonly TargetSpecKind[] = ['embedded', 'url', 'aws'];

function expected(accept: readonly TargetSpecKind[]): string {
  if (accept.includes('aws')) return `a URL, 'embedded' or 'aws'`;
  if (accept.includes('embedded')) return `'embedded' or an http(s) URL`;
  return 'a URL';
}

/**
 * The endpoint the environment configures for KMS, as the AWS SDKs read it: `AWS_ENDPOINT_URL_KMS`,
 * else `AWS_ENDPOINT_URL`; none when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is `true`
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
export function configuredEndpoint(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined;
  return env.AWS_ENDPOINT_URL_KMS || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * Reads `--endpoint`: `embedded`, `aws`, or an http(s) URL (its trailing `/` dropped), among the
 * kinds in `accept` (default: all). Without `--endpoint`, the endpoint the environment configures
 * ({@link configuredEndpoint}) when the command takes URLs, else `embedded`. `faults` go with
 * `embedded`.
 */
export function parseTarget(
  text: string | undefined,
  options: { faults?: string[]; accept?: readonly TargetSpecKind[]; env?: NodeJS.ProcessEnv } = {},
): TargetSpec {
  const accept = options.accept ?? ALL;
  // Deliberate faults exist only in the embedded server: asking for them keeps it.
  const configured = text === undefined && accept.includes('url') && !options.faults?.length ? configuredEndpoint(options.env) : undefined;
  if (configured !== undefined) {
    return { kind: 'url', endpoint: parseEndpointUrl(configured, () => { throw new TargetSpecError(`AWS_ENDPOINT_URL(_KMS) must be an http(s) URL, got '${configured}'`); }) };
  }
  const fail = (): never => {
    throw new TargetSpecError(`--endpoint must be ${expected(accept)}, got '${text}'`);
  };
  if (text === undefined || text === 'embedded') {
    if (!accept.includes('embedded')) fail();
    return { kind: 'embedded', faults: options.faults ?? [] };
  }
  if (text === 'aws' && accept.includes('aws')) return { kind: 'aws' };
  if (!accept.includes('url')) fail();
  return { kind: 'url', endpoint: parseEndpointUrl(text, fail) };
}

/** An http(s) URL, normalised, without its trailing `/` (`--endpoint` where only a URL will do). */
export function parseEndpointUrl(text: string, fail = (): never => {
  throw new TargetSpecError(`--endpoint must be a URL, got '${text}'`);
}): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetSpecError(`--endpoint must be http(s), got '${text}'`);
  return url.toString().replace(/\/$/, '');
}

/** Is this an AWS endpoint (a `*.amazonaws.com` host)? */
export const isAwsHost = (endpoint: string): boolean => /\.amazonaws\.com(\.cn)?$/i.test(new URL(endpoint).hostname);

/** The public KMS endpoint of a Region (for raw calls against real AWS). */
export const awsEndpoint = (region: string): string =>
  `https://kms.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
