import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_HOURS, routeFor, slaDeadline, slaLeft } from './complaint';
import { fieldErrors, submissionFrom, WorkOrderDraft, WorkOrderSubmission } from './work-order-form';

const parse = (v: string) => Date.parse(`${v}:00Z`);

describe('work-order form schemas', () => {
  it('an empty draft is a valid draft but names every missing field when submitted', () => {
    const draft = WorkOrderDraft.parse({});
    const errors = fieldErrors(WorkOrderSubmission.safeParse(submissionFrom(draft, parse)));
    expect(errors).toEqual({
      complaintType: 'wo.error.complaintType',
      whatHappened: 'wo.error.whatHappened',
      followUpAt: 'wo.error.followUp',
    });
  });

  it('checks the callback promise: a number and a window that ends after it starts', () => {
    const draft = WorkOrderDraft.parse({
      complaintType: 'long-wait',
      whatHappened: 'Waited 40 minutes',
      followUpDate: '2026-11-26',
      callbackWanted: true,
      callbackNumber: 'call me',
      callbackFrom: '2026-11-24T14:00',
      callbackTo: '2026-11-24T13:00',
    });
    const errors = fieldErrors(WorkOrderSubmission.safeParse(submissionFrom(draft, parse)));
    expect(errors).toEqual({ 'callback.number': 'wo.error.callbackNumber', 'callback.to': 'wo.error.callbackWindow' });
    const fixed = { ...draft, callbackNumber: '+86 138 1234 5678', callbackTo: '2026-11-24T16:00' };
    const ok = WorkOrderSubmission.parse(submissionFrom(fixed, parse));
    expect(ok.callback).toEqual({ number: '+86 138 1234 5678', from: parse('2026-11-24T14:00'), to: parse('2026-11-24T16:00') });
    expect(ok.followUpAt).toBe(parse('2026-11-26T09:00'));
  });

  it('checks a card number with the Luhn check, and takes none', () => {
    const draft = WorkOrderDraft.parse({ complaintType: 'long-wait', whatHappened: 'Charged twice', followUpDate: '2026-11-26', cardNumber: '4111 1111 1111 1112' });
    expect(fieldErrors(WorkOrderSubmission.safeParse(submissionFrom(draft, parse)))).toEqual({ cardNumber: 'wo.error.cardNumber' });
    expect(WorkOrderSubmission.parse(submissionFrom({ ...draft, cardNumber: '4111 1111 1111 1111' }, parse)).cardNumber).toBe('4111 1111 1111 1111');
    expect(WorkOrderSubmission.safeParse(submissionFrom({ ...draft, cardNumber: '' }, parse)).success).toBe(true);
  });

  it('keeps why-tags apart from what happened, and refuses a stray field', () => {
    expect(WorkOrderDraft.safeParse({ whyTags: ['late-by-shipper'], whatHappened: 'Parcel 3 days late' }).success).toBe(true);
    expect(WorkOrderDraft.safeParse({ html: '<b>' }).success).toBe(false);
  });
});

describe('severity, route and SLA', () => {
  it('sets the deadline from the configured hours and routes difficult and major complaints to specialists', () => {
    expect(slaDeadline('major', 0, DEFAULT_SLA_HOURS)).toBe(4 * 3600_000);
    expect(slaDeadline('ordinary', 0, { ...DEFAULT_SLA_HOURS, ordinary: 48 })).toBe(48 * 3600_000);
    expect([routeFor('ordinary'), routeFor('difficult'), routeFor('major')]).toEqual(['first-contact', 'specialist', 'complaints-lead']);
  });
  it('counts down, and up once overdue', () => {
    expect(slaLeft(3 * 3600_000 + 5 * 60_000, 0)).toEqual({ overdue: false, hours: 3, minutes: 5 });
    expect(slaLeft(0, 90 * 60_000)).toEqual({ overdue: true, hours: 1, minutes: 30 });
  });
});
