import { ContractError } from '../../../src-shared/contract';
import { NewCustomer } from '../../../src-shared/domain/new-customer';
import { request } from '../../api/client';
import { useWorkspace } from '../softphone';

export type FieldErrors = Record<string, string>;

/**
 * Quick create from the 'new caller' pop: checked here with the shared schema, then in main (which also checks
 * the number is a real one for the region). On success the pop shows the new customer. Returns the errors by field.
 */
export async function createCustomer(input: unknown): Promise<FieldErrors> {
  const parsed = NewCustomer.safeParse(input);
  if (!parsed.success) return byField(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  try {
    const pop = await request('createCustomer', parsed.data);
    useWorkspace.setState({ screenPop: pop });
    return {};
  } catch (err) {
    const issues = err instanceof ContractError ? (err.issues ?? []) : [];
    return issues.length > 0 ? byField(issues) : { '(form)': 'customer.error.server' };
  }
}

function byField(issues: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of issues) errors[path || '(form)'] ??= message.startsWith('customer.error.') ? message : 'customer.error.server';
  return errors;
}
