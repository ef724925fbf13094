export { PolicyReplay, replayPage, STREAM_ORDER_SLACK_MS, simulatePolicy } from './simulate';
export type * from './types';
