/** How surprising a failure count is: the binomial upper tail, via its Poisson approximation. */

/**
 * P(X ≥ failures) for X ~ Poisson(calls × baseline), in log space so that very small
 * probabilities stay exact enough to compare. Returns the natural log of the p-value.
 */
export function logTailProbability(failures: number, calls: number, baseline: number): number {
  const lambda = Math.max(calls * baseline, 1e-9);
  if (failures <= lambda) return 0;
  // log P(X = k) = -λ + k log λ - log k!
  let logTerm = -lambda + failures * Math.log(lambda) - logFactorial(failures);
  let logSum = logTerm;
  for (let k = failures + 1; k < failures + 1000; k++) {
    logTerm += Math.log(lambda) - Math.log(k);
    if (logTerm < logSum - 40) break;
    logSum = logSum + Math.log1p(Math.exp(logTerm - logSum));
  }
  return Math.min(0, logSum);
}

const LOG_FACTORIALS: number[] = [0];

function logFactorial(n: number): number {
  for (let k = LOG_FACTORIALS.length; k <= n && k < 4096; k++) {
    LOG_FACTORIALS.push(LOG_FACTORIALS[k - 1]! + Math.log(k));
  }
  if (n < LOG_FACTORIALS.length) return LOG_FACTORIALS[n]!;
  // Stirling for large n
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n);
}
