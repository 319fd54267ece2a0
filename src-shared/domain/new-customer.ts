import { z } from 'zod';
import { Locale } from './screen-pop';

/**
 * A caller not yet in the records, created from the 'new caller' pop. Messages are keys (customer.error.*) shown
 * in the agent's language; main validates the same schema and checks the number can be normalised.
 */
export const NewCustomer = z
  .object({
    name: z.string().trim().min(1, 'customer.error.name').max(100, 'customer.error.tooLong'),
    number: z.string().trim().regex(/^\+?[0-9 ()-]{5,30}$/, 'customer.error.number'),
    preferredLanguage: Locale.nullable(),
    notes: z.string().trim().max(1000, 'customer.error.tooLong').default(''),
  })
  .strict();
export type NewCustomer = z.infer<typeof NewCustomer>;
export type NewCustomerErrorKey = 'customer.error.name' | 'customer.error.number' | 'customer.error.tooLong';
