import { getJson } from './client';
import type { Me } from './types';

/** Who is asking: `GET /me` tells the key's role, and the role decides what the console offers. */
export const identify = (key: string): Promise<Me> => getJson<Me>(key, '/me');
