import { getJson, query } from './client';
import type { AnswerOf, InsightsQuery } from './types';

/** Program health over a period of UTC days, from the measures the service keeps as decisions happen. */
export const getInsights = (csrf: string, params: InsightsQuery, signal?: AbortSignal) =>
  getJson<AnswerOf<'getInsights'>>(csrf, `/insights${query({ ...params })}`, signal);
