export * from './catalogue';
export * from './formulas';
export * from './period';
export * from './sales';
export * from './sales-schema';
