export * from './platform';
export * from './accounts';
export * from './leads';
export * from './pipeline';
