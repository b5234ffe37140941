// The meeting editor's invitee list: who is required or optional, shown by agency.
import type { Invitee } from '../bindings/Invitee';
import type { PersonView } from '../bindings/PersonView';
import type { InviteeChange } from '../bindings/InviteeChange';
import { compareText } from './order';

export type Invitation = 'required' | 'optional' | 'none';

export type AgencyGroup = { agency: string; people: { id: string; name: string; role: string; family: boolean; invitation: Invitation }[] };

/** The invited people grouped by agency (agencies and names in alphabetical order). */
export function byAgency(people: PersonView[], required: string[], optional: string[]): AgencyGroup[] {
  const groups = new Map<string, AgencyGroup>();
  for (const p of people) {
    const invitation: Invitation = required.includes(p.id) ? 'required' : optional.includes(p.id) ? 'optional' : 'none';
    if (invitation === 'none') continue;
    const g = groups.get(p.agency) ?? { agency: p.agency, people: [] };
    g.people.push({ id: p.id, name: p.name, role: p.role, family: p.family, invitation });
    groups.set(p.agency, g);
  }
  const out = [...groups.values()].sort((a, b) => compareText(a.agency, b.agency));
  for (const g of out) g.people.sort((a, b) => compareText(a.name, b.name));
  return out;
}

/** Change one person's invitation; returns the new required and optional lists. */
export function setInvitation(required: string[], optional: string[], id: string, to: Invitation): { required: string[]; optional: string[] } {
  const r = required.filter((x) => x !== id);
  const o = optional.filter((x) => x !== id);
  if (to === 'required') r.push(id);
  if (to === 'optional') o.push(id);
  return { required: r, optional: o };
}

/** The invitees a booking carries: everyone required or optional except the chair. */
export function invitees(required: string[], optional: string[], chair: string | null): Invitee[] {
  return [
    ...required.filter((p) => p !== chair).map((person) => ({ person, required: true, attendance: 'invited' as const, report_received: false })),
    ...optional.filter((p) => p !== chair && !required.includes(p)).map((person) => ({ person, required: false, attendance: 'invited' as const, report_received: false })),
  ];
}

/** A booked meeting's list as the editor holds it: required and optional ids, from its invitees. */
export function listsOf(list: Invitee[]): { required: string[]; optional: string[]; reports: string[] } {
  return {
    required: list.filter((i) => i.required).map((i) => i.person),
    optional: list.filter((i) => !i.required).map((i) => i.person),
    reports: list.filter((i) => i.report_received).map((i) => i.person),
  };
}

/** The editor's lists as the edit it saves: required first, then optional, each with whether
 * their report is in. A report ticked for someone no longer invited is dropped with them. */
export function changesOf(required: string[], optional: string[], reports: string[]): InviteeChange[] {
  return [
    ...required.map((person) => ({ person, required: true, report_received: reports.includes(person) })),
    ...optional.filter((p) => !required.includes(p)).map((person) => ({ person, required: false, report_received: reports.includes(person) })),
  ];
}

/** "1 of 2 reports received." as the lists stand, before they are saved (the core's
 * `reports_received` says the same of the saved meeting): one report from each invitee from an
 * agency; the family's views are heard at the meeting, not sent as a report. */
export function reportCount(people: PersonView[], required: string[], optional: string[], reports: string[]): string {
  const fromAgency = [...required, ...optional].filter((id) => !people.find((p) => p.id === id)?.family);
  if (fromAgency.length === 0) return 'No reports expected: no one from an agency is invited.';
  const received = fromAgency.filter((id) => reports.includes(id)).length;
  return `${received} of ${fromAgency.length} ${fromAgency.length === 1 ? 'report' : 'reports'} received.`;
}
