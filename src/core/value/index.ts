// The Value Graph's pure core: hypothesis (Architect), commitment (Committer), realization (Executor), deal risk,
// business-case math.
export * from './benchmarks';
export * from './commitment';
export * from './format';
export * from './hypothesis';
export * from './model';
export * from './realization';
export * from './risk';
export * from './roi';
