/**
 * Custom key store fixtures: what a server started with `keyStoreFixtures` offers a conformance
 * run so it can create custom key stores without a real CloudHSM cluster or external key manager.
 *
 * - CloudHSM: every cluster id starting with {@link FIXTURE_CLUSTER_PREFIX} exists (a software
 *   cluster, made on first sight) with the fixture kmsuser password and trust anchor — so each
 *   case can use clusters of its own (cluster ids have 11 to 16 characters after `cluster-`). Ids
 *   continuing with `OFF` are inactive clusters; with `OTHER`, clusters with another trust anchor.
 * - XKS: the server runs a reference XKS proxy (software key manager) on loopback, reached through
 *   the endpoint {@link FIXTURE_XKS_ENDPOINT}, with the fixture credential and the external keys
 *   listed (one of them disabled).
 *
 * `KmsBench.GetKeyStoreFixtures` answers {@link fixtureDescription} so the harness can find them.
 * The password and secret are test data, not secrets.
 *
 * @module
 */
import { SoftwareCloudHsm } from './backends/software.js';
import type { ClusterInfo, ClusterLogin, ConnectOutcome } from './backends/types.js';

export const FIXTURE_CLUSTER_PREFIX = 'cluster-kmsb';
export const FIXTURE_KMSUSER_PASSWORD = 'kmsbench-kmsuser';
export const FIXTURE_TRUST_ANCHOR = '-----BEGIN CERTIFICATE-----\nMIIBkmsbenchFixtureTrustAnchor\n-----END CERTIFICATE-----';
const OTHER_TRUST_ANCHOR = '-----BEGIN CERTIFICATE-----\nMIIBkmsbenchOtherTrustAnchor\n-----END CERTIFICATE-----';

export const FIXTURE_XKS_ENDPOINT = 'https://xks.kmsbench.test';
export const FIXTURE_XKS_PATH = '/kms/xks/v1';
export const FIXTURE_XKS_CREDENTIAL = { accessKeyId: 'KMSBENCHXKSFIXTURE234', secretAccessKey: 'kmsbenchXksFixtureSecretAccessKey0123456789ab' } as const;
export const FIXTURE_XKS_KEYS = ['kmsbench-xks-1', 'kmsbench-xks-2', 'kmsbench-xks-3'] as const;
export const FIXTURE_XKS_DISABLED_KEY = 'kmsbench-xks-disabled';

/** What `KmsBench.GetKeyStoreFixtures` answers. */
export function fixtureDescription(): Record<string, unknown> {
  return {
    CloudHsm: {
      ClusterIdPrefix: FIXTURE_CLUSTER_PREFIX,
      InactiveClusterIdPrefix: `${FIXTURE_CLUSTER_PREFIX}OFF`,
      UnrelatedClusterIdPrefix: `${FIXTURE_CLUSTER_PREFIX}OTHER`,
      KeyStorePassword: FIXTURE_KMSUSER_PASSWORD,
      TrustAnchorCertificate: FIXTURE_TRUST_ANCHOR,
    },
    Xks: {
      UriEndpoint: FIXTURE_XKS_ENDPOINT,
      UriPath: FIXTURE_XKS_PATH,
      AccessKeyId: FIXTURE_XKS_CREDENTIAL.accessKeyId,
      SecretAccessKey: FIXTURE_XKS_CREDENTIAL.secretAccessKey,
      KeyIds: [...FIXTURE_XKS_KEYS],
      DisabledKeyId: FIXTURE_XKS_DISABLED_KEY,
    },
  };
}

/** The software cluster backend with the fixture clusters (see the module doc). */
export class FixtureCloudHsm extends SoftwareCloudHsm {
  private ensure(clusterId: string): void {
    if (!clusterId.startsWith(FIXTURE_CLUSTER_PREFIX) || super.describeCluster(clusterId)) return;
    const rest = clusterId.slice(FIXTURE_CLUSTER_PREFIX.length);
    this.addCluster(clusterId, {
      kmsuserPassword: FIXTURE_KMSUSER_PASSWORD,
      trustAnchorCertificate: rest.startsWith('OTHER') ? OTHER_TRUST_ANCHOR : FIXTURE_TRUST_ANCHOR,
      active: !rest.startsWith('OFF'),
    });
  }

  override describeCluster(clusterId: string): ClusterInfo | undefined {
    this.ensure(clusterId);
    return super.describeCluster(clusterId);
  }

  override connect(login: ClusterLogin): Promise<ConnectOutcome> {
    this.ensure(login.clusterId);
    return super.connect(login);
  }
}
