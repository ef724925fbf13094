import { getJson } from './client';
import type { AnswerOf, Me } from './types';

/** Who is asking: `GET /me` tells the key's role, and the role decides what the console offers. */
export const identify = (key: string): Promise<Me> => getJson<AnswerOf<'getMe'>>(key, '/me');
