// The outcome form's logic: which decisions a meeting offers, and the input and booking drafts
// the form sends. The rules themselves (what each decision does) live in Rust (core outcome.rs).
import type { Attendance } from '../bindings/Attendance';
import type { CpCategory } from '../bindings/CpCategory';
import type { Decision } from '../bindings/Decision';
import type { DecisionKind } from '../bindings/DecisionKind';
import type { FormInvitee } from '../bindings/FormInvitee';
import type { MeetingDraft } from '../bindings/MeetingDraft';
import type { MeetingId } from '../bindings/MeetingId';
import type { OutcomeInput } from '../bindings/OutcomeInput';
import type { PersonId } from '../bindings/PersonId';
import type { Proposal } from '../bindings/Proposal';
import type { SlotSuggestion } from '../bindings/SlotSuggestion';
import { ukWallTime } from './format';

export type Choice = 'plan' | 'no-plan' | 'no-plan-cin' | 'step-down' | 'end-plan';

export function decisionChoices(kind: DecisionKind): { id: Choice; label: string }[] {
  switch (kind) {
    case 'initial':
      return [
        { id: 'plan', label: 'A child protection plan' },
        { id: 'no-plan', label: 'No child protection plan' },
        { id: 'no-plan-cin', label: 'No child protection plan; a child-in-need plan instead' },
      ];
    case 'review':
      return [
        { id: 'plan', label: 'The plan continues' },
        { id: 'step-down', label: 'The plan ends; step down to a child-in-need plan' },
        { id: 'end-plan', label: 'The plan ends' },
      ];
    default:
      return [];
  }
}

export const categories: { id: CpCategory; label: string }[] = [
  { id: 'neglect', label: 'Neglect' },
  { id: 'physical', label: 'Physical abuse' },
  { id: 'emotional', label: 'Emotional abuse' },
  { id: 'sexual', label: 'Sexual abuse' },
  { id: 'multiple', label: 'Multiple categories' },
];

export const attendanceChoices: { id: Attendance; label: string }[] = [
  { id: 'attended', label: 'Attended' },
  { id: 'apologies', label: 'Apologies' },
  { id: 'did-not-attend', label: 'Did not attend' },
];

export function toDecision(choice: Choice | null, category: CpCategory): Decision | null {
  switch (choice) {
    case 'plan':
      return { type: 'plan', category };
    case 'no-plan':
      return { type: 'no-plan', cin_plan: false };
    case 'no-plan-cin':
      return { type: 'no-plan', cin_plan: true };
    case 'step-down':
      return { type: 'step-down' };
    case 'end-plan':
      return { type: 'end-plan' };
    default:
      return null;
  }
}

/** The core group offered by default: the invitees who were required. */
export function defaultCoreGroup(invitees: FormInvitee[]): PersonId[] {
  return invitees.filter((i) => i.required).map((i) => i.person);
}

export function outcomeInput(
  meeting: MeetingId,
  attendance: Record<PersonId, Attendance>,
  choice: Choice | null,
  category: CpCategory,
  coreGroup: PersonId[],
  reports: Record<PersonId, boolean> = {},
): OutcomeInput {
  const decision = toDecision(choice, category);
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
