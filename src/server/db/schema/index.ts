export * from './platform';
export * from './accounts';
export * from './leads';
export * from './pipeline';
export * from './value';
export * from './imports';
export * from './content';
