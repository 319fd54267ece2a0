import type { z } from 'zod';
import { HttpError } from '../http-error';

/** Checks a request part against the sync contract: 400 with the reasons, nothing written. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const reasons = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || what}: ${i.message}`);
    throw new HttpError(400, 'INVALID_REQUEST', `The ${what} is not valid: ${reasons.join('; ')}`);
  }
  return parsed.data;
}
