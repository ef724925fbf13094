import { describeStep } from './describe';
import type { RuleTraceStep } from './types';

/** A trace step as the engine concludes it; its staff sentence is added by `describedTrace`. */
export type EngineStep = Omit<RuleTraceStep, 'detail'>;

export function traceStep(rule: string, result: string, inputs: Record<string, unknown>, decisive = false): EngineStep {
  return { rule, inputs, result, decisive };
}

/** Each step with its staff sentence; every step has the same keys in the same order. */
export function describedTrace(steps: readonly EngineStep[]): RuleTraceStep[] {
  return steps.map(({ rule, inputs, result, decisive }) => ({
    rule,
    inputs,
    result,
    detail: describeStep(rule, result, inputs, 'staff'),
    decisive,
  }));
}
