import { describe, expect, it } from 'vitest';
import type { FormInvitee } from '../bindings/FormInvitee';
import type { Proposal } from '../bindings/Proposal';
import type { DecisionChoice } from '../bindings/DecisionChoice';
import { choosesPlan, chosenDecision, defaultCoreGroup, notYetAttending, outcomeInput, proposalDraft, startingCategory } from './outcome';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const M = '00000000-0000-4000-8000-0000000000cc';

function invitee(person: string, required: boolean): FormInvitee {
  return { person, name: person, role: 'Social worker', agency: 'CSC', required, attendance: 'invited', report_received: false, family: false, agency_kind: 'childrens-social-care' };
}

describe('who a conference went ahead without', () => {
  const P = '00000000-0000-4000-8000-0000000000a1';
  const H = '00000000-0000-4000-8000-0000000000a2';
  const F = '00000000-0000-4000-8000-0000000000a3';
  const police: FormInvitee = { ...invitee(P, true), agency_kind: 'police' };
  const health: FormInvitee = { ...invitee(H, true), agency_kind: 'health' };
  // A parent is family whatever their agency's kind.
  const parent: FormInvitee = { ...invitee(F, true), agency_kind: 'health', family: true };
  const all = [invitee(A, true), police, health, parent];

  it('names each of family, police and health with no one marked as attending', () => {
    expect(notYetAttending(all, {})).toBe('Not marked as attending: a parent or carer; anyone from the police; anyone from health.');
    expect(notYetAttending(all, { [P]: 'attended', [H]: 'apologies', [F]: 'did-not-attend' })).toBe(
      'Not marked as attending: a parent or carer; anyone from health.',
    );
    expect(notYetAttending(all, { [P]: 'attended', [H]: 'attended', [F]: 'attended' })).toBeNull();
  });

  it('takes a mark already recorded when the form has none, and the form\'s mark over it', () => {
    expect(notYetAttending([{ ...police, attendance: 'attended' }, health, parent], { [H]: 'attended', [F]: 'attended' })).toBeNull();
    expect(notYetAttending([{ ...police, attendance: 'attended' }, health, parent], { [P]: 'apologies', [H]: 'attended', [F]: 'attended' })).toBe(
      'Not marked as attending: anyone from the police.',
    );
  });

  it('says when no one of a kind was invited at all', () => {
    expect(notYetAttending([invitee(A, true), police], { [P]: 'attended' })).toBe(
      'Not marked as attending: a parent or carer (none was invited); anyone from health (none was invited).',
    );
    // A parent who works in health does not stand for health.
    expect(notYetAttending([parent], { [F]: 'attended' })).toBe(
      'Not marked as attending: anyone from the police (none was invited); anyone from health (none was invited).',
    );
  });
});

describe('outcome form', () => {
  // What the core offers a review conference (outcome.rs `DecisionKind::choices`), its plan in
  // the category of the plan under review.
  const review: DecisionChoice[] = [
    { id: 'plan', label: 'The plan continues', decision: { type: 'plan', category: 'sexual' } },
    { id: 'step-down', label: 'The plan ends; step down to a child-in-need plan', decision: { type: 'step-down' } },
    { id: 'end-plan', label: 'The plan ends', decision: { type: 'end-plan' } },
  ];
  const initial: DecisionChoice[] = [
    { id: 'plan', label: 'A child protection plan', decision: { type: 'plan', category: 'neglect' } },
    { id: 'no-plan-cin', label: 'No child protection plan; a child-in-need plan instead', decision: { type: 'no-plan', cin_plan: true } },
  ];

  it('records the decision chosen, a plan in the category chosen', () => {
    expect(chosenDecision(review, 'plan', 'emotional')).toEqual({ type: 'plan', category: 'emotional' });
    expect(chosenDecision(review, 'end-plan', 'emotional')).toEqual({ type: 'end-plan' });
    expect(chosenDecision(initial, 'no-plan-cin', 'neglect')).toEqual({ type: 'no-plan', cin_plan: true });
    expect(chosenDecision(review, null, 'neglect')).toBeNull();
    // A choice the meeting does not offer records nothing.
    expect(chosenDecision(review, 'no-plan-cin', 'neglect')).toBeNull();
    // A plan with no category chosen records nothing yet; other decisions need none.
    expect(chosenDecision(initial, 'plan', null)).toBeNull();
    expect(chosenDecision(initial, 'no-plan-cin', null)).toEqual({ type: 'no-plan', cin_plan: true });
    expect(choosesPlan(initial, 'plan')).toBe(true);
    expect(choosesPlan(initial, 'no-plan-cin')).toBe(false);
    expect(choosesPlan(initial, null)).toBe(false);
  });

  it("starts a review on its plan's category, and an initial conference on none", () => {
    expect(startingCategory({ plan_category: 'sexual' })).toBe('sexual');
    expect(startingCategory({ plan_category: null })).toBeNull();
  });

  it('proposes the required invitees and the family as the core group', () => {
    expect(defaultCoreGroup([invitee(A, true), invitee(B, false)])).toEqual([A]);
    // A parent belongs to the core group, whose meetings hear from each agency and the family.
    expect(defaultCoreGroup([invitee(A, true), { ...invitee(B, false), family: true }])).toEqual([A, B]);
  });

  it('sends only marked attendance, and a core group only with a plan', () => {
    const attendance = { [A]: 'attended', [B]: 'invited' } as const;
    expect(outcomeInput(M, { ...attendance }, { type: 'plan', category: 'neglect' }, [A, B])).toEqual({
      meeting: M,
      attendance: [{ person: A, attendance: 'attended', report_received: false }],
      decision: { type: 'plan', category: 'neglect' },
      core_group: [A, B],
    });
    expect(outcomeInput(M, { ...attendance }, { type: 'no-plan', cin_plan: false }, [A]).core_group).toEqual([]);
    // A report received is sent even for someone whose attendance is not marked.
    expect(outcomeInput(M, { ...attendance }, { type: 'no-plan', cin_plan: false }, [], { [A]: true, [B]: true }).attendance).toEqual([
      { person: A, attendance: 'attended', report_received: true },
      { person: B, attendance: 'invited', report_received: true },
    ]);
  });

  it('books a proposal slot in UK wall time with the proposal invitees', () => {
    const p: Proposal = {
      kind: 'core-group',
      kind_title: 'Core group',
      children: [M],
      rule: 'icpc-to-core-group',
      window_start: '2026-01-21',
      deadline: '2026-02-03',
      required: [A, B],
      chair: A,
      slots: [],
      no_slot_reason: null,
    };
    const draft = proposalDraft(p, {
      start: '2026-01-22T10:00:00+00:00',
      end: '2026-01-22T11:00:00+00:00',
      within_deadline: true,
      reasons: [],
      venue: null,
      missing_optional: [],
    } as never);
    expect(draft.start).toBe('2026-01-22T10:00');
    expect(draft.chair).toBe(A);
    expect(draft.invitees).toEqual([{ person: B, required: true, attendance: 'invited', report_received: false }]);
    expect(draft.kind).toBe('core-group');
  });
});
