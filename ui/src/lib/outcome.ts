// The outcome form's logic: the decision chosen, and the input and booking drafts the form sends.
// Which decisions a meeting offers, their words, and what each does live in Rust (core
// outcome.rs: the form's `choices` and `categories`).
import type { Attendance } from '../bindings/Attendance';
import type { CpCategory } from '../bindings/CpCategory';
import type { Decision } from '../bindings/Decision';
import type { DecisionChoice } from '../bindings/DecisionChoice';
import type { FormInvitee } from '../bindings/FormInvitee';
import type { MeetingDraft } from '../bindings/MeetingDraft';
import type { MeetingId } from '../bindings/MeetingId';
import type { OutcomeInput } from '../bindings/OutcomeInput';
import type { PersonId } from '../bindings/PersonId';
import type { Proposal } from '../bindings/Proposal';
import type { SlotSuggestion } from '../bindings/SlotSuggestion';
import { ukWallTime } from './format';

export const attendanceChoices: { id: Attendance; label: string }[] = [
  { id: 'attended', label: 'Attended' },
  { id: 'apologies', label: 'Apologies' },
  { id: 'did-not-attend', label: 'Did not attend' },
];

/** The decision the form would record: the choice with id `id`, a plan in `category`; none for
 * a plan whose category is not chosen yet (the form asks for it). */
export function chosenDecision(choices: DecisionChoice[], id: string | null, category: CpCategory | null): Decision | null {
  const decision = choices.find((c) => c.id === id)?.decision ?? null;
  if (decision?.type === 'plan') return category ? { type: 'plan', category } : null;
  return decision;
}

/** Whether the choice with id `id` is a plan, whose category must be chosen. */
export function choosesPlan(choices: DecisionChoice[], id: string | null): boolean {
  return choices.find((c) => c.id === id)?.decision.type === 'plan';
}

/** The category the form starts on: the plan's own at a review; none before a plan, so that
 * no plan is recorded in a category nobody chose. */
export function startingCategory(form: { plan_category: CpCategory | null }): CpCategory | null {
  return form.plan_category;
}

/** Who a conference decides without, so far as the form's marks say: a parent or carer, the
 * police and health, when no one of them is marked as attending. A sentence, or null when each
 * has someone marked. It does not stop the outcome being recorded: the chair may have gone ahead
 * without them, and the minutes say why. */
export function notYetAttending(invitees: FormInvitee[], attendance: Record<PersonId, Attendance>): string | null {
  const came = (i: FormInvitee) => (attendance[i.person] ?? i.attendance) === 'attended';
  const groups: { who: string; of: (i: FormInvitee) => boolean }[] = [
    { who: 'a parent or carer', of: (i) => i.family },
    { who: 'anyone from the police', of: (i) => !i.family && i.agency_kind === 'police' },
    { who: 'anyone from health', of: (i) => !i.family && i.agency_kind === 'health' },
  ];
  const missing = groups.filter((g) => !invitees.some((i) => g.of(i) && came(i)));
  if (missing.length === 0) return null;
  const named = missing.map((g) => {
    const invited = invitees.some(g.of);
    return invited ? g.who : `${g.who} (none was invited)`;
  });
  return `Not marked as attending: ${named.join('; ')}.`;
}

/** The core group offered by default: the invitees who were required, and the family, who are
 * members of the core group whether their coming to the conference was required or not. */
export function defaultCoreGroup(invitees: FormInvitee[]): PersonId[] {
  return invitees.filter((i) => i.required || i.family).map((i) => i.person);
}

export function outcomeInput(
  meeting: MeetingId,
  attendance: Record<PersonId, Attendance>,
  decision: Decision | null,
  coreGroup: PersonId[],
  reports: Record<PersonId, boolean> = {},
): OutcomeInput {
  return {
    meeting,
    attendance: Object.entries(attendance)
      .filter(([person, a]) => a !== 'invited' || reports[person])
      .map(([person, a]) => ({ person, attendance: a, report_received: !!reports[person] })),
    decision,
    // A core group is named only with a plan; the choice may have changed after ticking it.
    core_group: decision?.type === 'plan' ? coreGroup : [],
  };
}

/** The meeting a proposal's slot books: online until a venue is chosen, its invitees required. */
export function proposalDraft(p: Proposal, slot: SlotSuggestion): MeetingDraft {
  return {
    id: null,
    kind: p.kind,
    children: p.children,
    start: ukWallTime(slot.start),
    end: ukWallTime(slot.end),
    location: { type: 'online', joining_details: 'Joining details will be sent with the invitation' },
    chair: p.chair,
    minute_taker: null,
    invitees: p.required.filter((person) => person !== p.chair).map((person) => ({ person, required: true, attendance: 'invited', report_received: false })),
    reason: null,
    override_reason: null,
  };
}
