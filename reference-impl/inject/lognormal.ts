/**
 * Log-normal latency from two percentiles (pure). Service latencies are right-skewed and
 * positive; a log-normal is the usual two-parameter fit: its median is e^μ, so μ = ln p50, and its
 * p99 is e^(μ + z₀.₉₉·σ), so σ = ln(p99 / p50) / z₀.₉₉.
 *
 * @module
 */

/** The standard normal's 0.99 quantile. */
export const Z99 = 2.3263478740408408;

export interface LogNormal {
  mu: number;
  sigma: number;
}

/** The log-normal whose median is `p50` and 99th percentile `p99` (ms; 0 < p50 ≤ p99). */
export function fitLogNormal(p50: number, p99: number): LogNormal {
  if (!(p50 > 0) || !(p99 >= p50) || !Number.isFinite(p99)) throw new RangeError(`need 0 < p50 <= p99, got p50=${p50}, p99=${p99}`);
  return { mu: Math.log(p50), sigma: Math.log(p99 / p50) / Z99 };
}

/** The distribution's q-quantile (0 < q < 1), by the normal quantile `z`: e^(μ + zσ). */
export const logNormalAt = (d: LogNormal, z: number): number => Math.exp(d.mu + z * d.sigma);

/**
 * Standard normal numbers from uniform ones in [0, 1) (Box–Muller; both values of each pair are
 * used, so each normal costs one uniform on average).
 */
export function normals(uniform: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return z;
    }
    const u1 = 1 - uniform(); // (0, 1]: log never sees 0
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
}

/** Draws from `d` with the standard normals `normal`. */
export const sampleLogNormal = (d: LogNormal, normal: () => number): number => Math.exp(d.mu + d.sigma * normal());
