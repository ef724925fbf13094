export { simulatePolicy } from './simulate';
export type * from './types';
