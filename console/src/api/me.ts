import { getJson } from './client';
import type { AnswerOf, Me } from './types';

/** Who is signed in: the person (or staff key) and role; the role decides what the console offers. */
export const identify = (csrf: string): Promise<Me> => getJson<AnswerOf<'getMe'>>(csrf, '/me');
