export * from './formulas';
export * from './sales';
