/**
 * `kmsbench inject ITEM… --endpoint URL`, `kmsbench inject --clear`, `kmsbench inject --show`:
 * change or read what a running reference server injects (`KmsBench.SetInjection`,
 * `KmsBench.GetInjection`), e.g. to start failing calls in the middle of an application's test.
 *
 * @module
 */
import { call } from '../harness/client/raw-client.js';
import { envCredentials } from '../harness/target/index.js';
import { clientRegion, parse, UsageError } from './args.js';
import { injectionOptions } from './inject-options.js';

export const injectUsage = `kmsbench inject ITEM... --endpoint URL [--latency-profile NAME] [--region R]
    replaces what the server injects (ITEM: latency=OP:p50=MS,p99=MS | error=CODE:RATE[,op=OP] | seed=N;
    see kmsbench serve --help)
kmsbench inject --clear --endpoint URL      stops injecting
kmsbench inject --show --endpoint URL       what is injected, and the calls injected so far
  credentials: $AWS_ACCESS_KEY_ID / $AWS_SECRET_ACCESS_KEY, else test/test`;

export async function inject(argv: string[]): Promise<void> {
  const { values, positionals } = parse(
    argv,
    {
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'latency-profile': { type: 'string' },
      clear: { type: 'boolean' },
      show: { type: 'boolean' },
    },
    true,
  );
  if (values.help) return void console.log(injectUsage);
  if (!values.endpoint) throw new UsageError('--endpoint URL is required');
  const setting = positionals.length > 0 || values['latency-profile'] !== undefined;
  if ([setting, values.clear, values.show].filter(Boolean).length !== 1) throw new UsageError(`give items, --clear or --show\n${injectUsage}`);
  let body: object = {};
  if (!values.show) {
    const settings = injectionOptions(positionals, values['latency-profile']).inject; // usage errors before any call
    body = { Inject: settings?.items ?? [], ...(settings?.latencyProfile ? { LatencyProfile: settings.latencyProfile } : {}) };
  }
  const target = values.show ? 'KmsBench.GetInjection' : 'KmsBench.SetInjection';
  const reply = await call({ endpoint: values.endpoint, region: clientRegion(values.region), credentials: envCredentials(), target, body });
  if (reply.status !== 200) throw new Error(`${target} failed: HTTP ${reply.status} ${reply.errorCode ?? ''} ${reply.errorMessage ?? reply.text.slice(0, 200)}`);
  const r = reply.json as { Inject: string[]; LatencyProfile?: string; Seed: number; Counts?: Record<string, number> };
  const what = [...(r.LatencyProfile ? [`latency profile ${r.LatencyProfile}`] : []), ...r.Inject];
  console.log(what.length ? `injecting: ${what.join('; ')}` : 'injecting nothing');
  if (r.Counts) for (const [k, n] of Object.entries(r.Counts).sort()) console.log(`  ${k.replace('|', ' ')}: ${n}`);
}
