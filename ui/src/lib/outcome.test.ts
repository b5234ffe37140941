import { describe, expect, it } from 'vitest';
import type { FormInvitee } from '../bindings/FormInvitee';
import type { Proposal } from '../bindings/Proposal';
import { decisionChoices, defaultCoreGroup, outcomeInput, proposalDraft, toDecision } from './outcome';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const M = '00000000-0000-4000-8000-0000000000cc';

function invitee(person: string, required: boolean): FormInvitee {
  return { person, name: person, role: 'Social worker', agency: 'CSC', required, attendance: 'invited', report_received: false };
}

describe('outcome form', () => {
  it('offers the decisions each kind of conference takes', () => {
    expect(decisionChoices('initial').map((c) => c.id)).toEqual(['plan', 'no-plan', 'no-plan-cin']);
    expect(decisionChoices('review').map((c) => c.id)).toEqual(['plan', 'step-down', 'end-plan']);
    expect(decisionChoices('none')).toEqual([]);
  });

  it('turns a choice into the decision the core records', () => {
    expect(toDecision('plan', 'emotional')).toEqual({ type: 'plan', category: 'emotional' });
    expect(toDecision('no-plan-cin', 'neglect')).toEqual({ type: 'no-plan', cin_plan: true });
    expect(toDecision('end-plan', 'neglect')).toEqual({ type: 'end-plan' });
    expect(toDecision(null, 'neglect')).toBeNull();
  });

  it('proposes the required invitees as the core group', () => {
    expect(defaultCoreGroup([invitee(A, true), invitee(B, false)])).toEqual([A]);
  });

  it('sends only marked attendance, and a core group only with a plan', () => {
    const attendance = { [A]: 'attended', [B]: 'invited' } as const;
    expect(outcomeInput(M, { ...attendance }, 'plan', 'neglect', [A, B])).toEqual({
      meeting: M,
      attendance: [{ person: A, attendance: 'attended', report_received: false }],
      decision: { type: 'plan', category: 'neglect' },
      core_group: [A, B],
    });
    expect(outcomeInput(M, { ...attendance }, 'no-plan', 'neglect', [A]).core_group).toEqual([]);
    // A report received is sent even for someone whose attendance is not marked.
    expect(outcomeInput(M, { ...attendance }, 'no-plan', 'neglect', [], { [A]: true, [B]: true }).attendance).toEqual([
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
