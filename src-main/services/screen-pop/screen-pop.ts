import type { ScreenPop } from '../../../src-shared/domain/screen-pop';
import { normalizePhoneNumber, type CountryCode } from '../../../src-shared/phone';
import type { CustomersRepo } from '../customers/customers-repo';

/**
 * Who is calling, from the caller number in any shape and the IVR's X-Customer-Id.
 * The IVR's identification wins when it names a known customer (the caller may ring from another phone).
 */
export class ScreenPopService {
  constructor(
    private readonly customers: CustomersRepo,
    private readonly defaultRegion: CountryCode,
  ) {}

  lookup(rawNumber: string, customerId: string | null): ScreenPop {
    const number = normalizePhoneNumber(rawNumber, this.defaultRegion);
    const byId = customerId ? this.customers.findByExternalId(customerId) : null;
    const customer = byId ?? (number ? this.customers.findByPhone(number) : null);
    return customer ? { kind: 'known', number, customer } : { kind: 'unknown', number };
  }
}
