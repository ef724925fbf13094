import { z } from 'zod';
import { actorKinds } from '../../domain/actor';

/** Who did something, with the name looked up when read (never stored with the record). */
export const actorViewSchema = z
  .strictObject({
    kind: z.enum(actorKinds),
    id: z.string().optional(),
    name: z.string().optional().describe("the person's name, or the key's label; looked up when read"),
  })
  .meta({ id: 'Actor' });
export type ActorView = z.infer<typeof actorViewSchema>;
