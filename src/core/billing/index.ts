// Billing and collection (000 §1 stage 8): pure rules and formulas.
export * from './aging';
export * from './dates';
export * from './dunning';
export * from './invoice';
export * from './schemas';
export * from './subscription';
