export * from './platform';
export * from './accounts';
export * from './sales';
