import type { Locale, ScreenPop } from '../../../src-shared/domain/screen-pop';
import { normalizePhoneNumber, type CountryCode } from '../../../src-shared/phone';
import type { ContactsRepo } from '../contacts/contacts-repo';
import type { CustomersRepo } from '../customers/customers-repo';
import type { WorkOrdersRepo } from '../workorders/work-orders-repo';

export interface ScreenPopSources {
  customers: CustomersRepo;
  contacts: ContactsRepo;
  workOrders: WorkOrdersRepo;
}

/**
 * Who is calling, from the caller number in any shape and the IVR's X-Customer-Id: the profile, the last five
 * contacts, open work orders, and a warning when a recent complaint's recovery failed.
 * The IVR's identification wins when it names a known customer (the caller may ring from another phone); when
 * the number is on file for someone else, the pop says so rather than silently showing a different profile.
 */
export class ScreenPopService {
  constructor(
    private readonly sources: ScreenPopSources,
    private readonly defaultRegion: CountryCode,
  ) {}

  /** The SQL a lookup runs, for checking its query plans (indexes only, no table scan). */
  get statementSources(): string[] {
    const { customers, contacts, workOrders } = this.sources;
    return [customers.byPhone, customers.byExternalId, customers.phonesOf, contacts.recentByCustomer, contacts.recentByNumber, workOrders.openForCustomer, workOrders.failedRecovery].map((s) => s.source);
  }

  /** A number in any shape as E.164 in the configured region, or null when it is not a phone number. */
  numberOf(raw: string): string | null {
    return normalizePhoneNumber(raw, this.defaultRegion);
  }

  /** The language on file for the customer of a number (or the one named), for the outbound call's notice. */
  languageOf(rawNumber: string, customerId: string | null): Locale | null {
    const { customers } = this.sources;
    const number = normalizePhoneNumber(rawNumber, this.defaultRegion);
    const customer = (customerId ? customers.findByExternalId(customerId) : null) ?? (number ? customers.findByPhone(number) : null);
    return customer?.preferredLanguage ?? null;
  }

  lookup(rawNumber: string, customerId: string | null): ScreenPop {
    const { customers, contacts, workOrders } = this.sources;
    const number = normalizePhoneNumber(rawNumber, this.defaultRegion);
    const byId = customerId ? customers.findByExternalId(customerId) : null;
    const byNumber = number ? customers.findByPhone(number) : null;
    const customer = byId ?? byNumber;
    if (!customer) {
      return { kind: 'unknown', number, recentContacts: number ? contacts.recentForNumber(number) : [] };
    }
    return {
      kind: 'known',
      number,
      customer,
      recentContacts: contacts.recentForCustomer(customer.id),
      openWorkOrders: workOrders.openFor(customer.id),
      serviceRecovery: workOrders.failedRecoveryFor(customer.id),
      teamUpdates: workOrders.teamUpdatesFor(customer.id),
      identityConflict: byNumber && byNumber.id !== customer.id ? { numberOwner: { externalId: byNumber.externalId, name: byNumber.name } } : null,
    };
  }
}
