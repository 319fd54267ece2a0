import { z } from 'zod';
import { Severity } from '../domain/screen-pop';

/** The seven complaint types callers raise most (DOMAIN.md item 5, source 000), then business categories. */
export const commonComplaintTypes = [
  'long-wait',
  'agent-knowledge',
  'ivr-trap',
  'unfriendly-agent',
  'problem-not-resolved',
  'self-service-hard',
  'poor-communication',
] as const;
export const businessComplaintTypes = ['delivery', 'product-quality', 'billing', 'refund', 'account', 'other'] as const;
export const ComplaintType = z.enum([...commonComplaintTypes, ...businessComplaintTypes]);
export type ComplaintType = z.infer<typeof ComplaintType>;

/**
 * Why it went wrong, kept apart from what happened (002: "Late by shipper", not "Shipping issue"), so root causes
 * can be counted and prevented. The list is what the form offers first; an agent may add a tag of their own.
 */
export const suggestedWhyTags = [
  'late-by-shipper',
  'warehouse-delay',
  'system-outage',
  'wrong-information-given',
  'policy-gap',
  'training-gap',
  'understaffed-shift',
  'supplier-defect',
] as const;
export const WhyTag = z.string().trim().min(1).max(40);

export { Severity };
export type SeverityLevel = z.infer<typeof Severity>;

/** Where a complaint goes (004, 漏堵防用): ordinary ones are handled at first contact, the rest by specialists. */
export const Route = z.enum(['first-contact', 'specialist', 'complaints-lead']);
export type Route = z.infer<typeof Route>;
export function routeFor(severity: SeverityLevel): Route {
  return severity === 'ordinary' ? 'first-contact' : severity === 'difficult' ? 'specialist' : 'complaints-lead';
}

/** Hours to resolve, per severity; a team sets its own in config.json (workOrders.slaHours). */
export const SlaHours = z.object({
  ordinary: z.number().positive().max(24 * 60),
  difficult: z.number().positive().max(24 * 60),
  major: z.number().positive().max(24 * 60),
});
export type SlaHours = z.infer<typeof SlaHours>;
export const DEFAULT_SLA_HOURS: SlaHours = { ordinary: 24, difficult: 8, major: 4 };

const HOUR_MS = 3600 * 1000;
export function slaDeadline(severity: SeverityLevel, createdAt: number, hours: SlaHours): number {
  return createdAt + Math.round(hours[severity] * HOUR_MS);
}

/** Time left to the SLA deadline, for the countdown in the list: negative when overdue. */
export function slaLeft(dueAt: number, now: number): { overdue: boolean; hours: number; minutes: number } {
  const ms = dueAt - now;
  const abs = Math.abs(ms);
  return { overdue: ms < 0, hours: Math.floor(abs / HOUR_MS), minutes: Math.floor((abs % HOUR_MS) / 60000) };
}
