export * from './catalogue';
export { STREAMS, type Stream } from './define';
