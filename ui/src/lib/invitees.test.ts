import { describe, expect, it } from 'vitest';
import { byAgency, changesOf, invitees, listsOf, reportCount, setInvitation } from './invitees';
import type { PersonView } from '../bindings/PersonView';

const person = (id: string, name: string, agency: string): PersonView => ({ id, name, role: 'Role', agency, team: null, working_pattern: '', family: false, details: { name, role: 'Role', agency, team: null, email: null }, last_day: null });
const people = [person('a', 'Zoe Ward', 'Police'), person('b', 'Amy Bell', 'Health'), person('c', 'Ben Cole', 'Police'), person('d', 'Dan Hill', 'School')];

describe('invitees', () => {
  it('groups the invited by agency, alphabetically, leaving out the uninvited', () => {
    const groups = byAgency(people, ['a', 'b'], ['c']);
    expect(groups.map((g) => g.agency)).toEqual(['Health', 'Police']);
    expect(groups[1].people.map((p) => [p.name, p.invitation])).toEqual([
      ['Ben Cole', 'optional'],
      ['Zoe Ward', 'required'],
    ]);
  });

  it('moves a person between required, optional and not invited', () => {
    let lists = setInvitation(['a', 'b'], ['c'], 'a', 'optional');
    expect(lists).toEqual({ required: ['b'], optional: ['c', 'a'] });
    lists = setInvitation(lists.required, lists.optional, 'c', 'none');
    expect(lists).toEqual({ required: ['b'], optional: ['a'] });
    lists = setInvitation(lists.required, lists.optional, 'd', 'required');
    expect(lists).toEqual({ required: ['b', 'd'], optional: ['a'] });
  });

  it('books everyone invited except the chair, required first', () => {
    expect(invitees(['a', 'b'], ['c', 'a'], 'b')).toEqual([
      { person: 'a', required: true, attendance: 'invited', report_received: false },
      { person: 'c', required: false, attendance: 'invited', report_received: false },
    ]);
  });

  it('turns a booked list into the editor\'s lists and back, dropping reports of the uninvited', () => {
    const booked = [
      { person: 'a', required: true, attendance: 'invited' as const, report_received: true },
      { person: 'b', required: false, attendance: 'invited' as const, report_received: false },
    ];
    const l = listsOf(booked);
    expect(l).toEqual({ required: ['a'], optional: ['b'], reports: ['a'] });
    expect(changesOf(l.required, l.optional, l.reports)).toEqual([
      { person: 'a', required: true, report_received: true },
      { person: 'b', required: false, report_received: false },
    ]);
    // 'a' no longer invited: their report goes with them; 'b' made required with a report in.
    const next = setInvitation(l.required, l.optional, 'a', 'none');
    const moved = setInvitation(next.required, next.optional, 'b', 'required');
    expect(changesOf(moved.required, moved.optional, ['a', 'b'])).toEqual([{ person: 'b', required: true, report_received: true }]);
  });
});

describe('reportCount', () => {
  it('counts one report from each invitee from an agency, not the family, as the ticks stand', () => {
    const mother = { ...person('m', 'Kim Ray', 'Family'), family: true };
    const all = [...people, mother];
    expect(reportCount(all, ['a', 'm'], ['b'], [])).toBe('0 of 2 reports received.');
    expect(reportCount(all, ['a', 'm'], ['b'], ['b', 'm'])).toBe('1 of 2 reports received.');
    expect(reportCount(all, ['a'], [], ['a'])).toBe('1 of 1 report received.');
    // Someone no longer in the directory is still expected to send one.
    expect(reportCount(all, ['gone'], [], [])).toBe('0 of 1 report received.');
    // No one from an agency: none expected, not "0 of 0".
    expect(reportCount(all, ['m'], [], [])).toBe('No reports expected: no one from an agency is invited.');
    expect(reportCount(all, [], [], [])).toBe('No reports expected: no one from an agency is invited.');
  });
});
