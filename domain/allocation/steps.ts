import { describeStep } from './describe';
import type { RuleTraceStep } from './types';

/** A trace step with its staff sentence; every step has the same keys in the same order. */
export function traceStep(
  rule: string,
  result: string,
  inputs: Record<string, unknown>,
  decisive = false,
): RuleTraceStep {
  return { rule, inputs, result, detail: describeStep(rule, result, inputs, 'staff'), decisive };
}
