import { describeStep } from './describe';
import type { RuleTraceStep } from './types';

/** A trace step as the engine concludes it; its staff sentence is added by `describedTrace`. */
export type EngineStep = Omit<RuleTraceStep, 'detail'>;

export function traceStep(rule: string, result: string, inputs: Record<string, unknown>, decisive = false): EngineStep {
  return { rule, inputs, result, decisive };
}

/** A step's staff sentence. */
export const stepDetail = (step: EngineStep): string => describeStep(step.rule, step.result, step.inputs, 'staff');

/** Each step with its staff sentence; every step has the same keys in the same order. */
export function describedTrace(steps: readonly EngineStep[]): RuleTraceStep[] {
  return steps.map((step) => ({
    rule: step.rule,
    inputs: step.inputs,
    result: step.result,
    detail: stepDetail(step),
    decisive: step.decisive,
  }));
}
