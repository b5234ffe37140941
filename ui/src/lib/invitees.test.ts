import { describe, expect, it } from 'vitest';
import { byAgency, invitees, setInvitation } from './invitees';
import type { PersonView } from '../bindings/PersonView';

const person = (id: string, name: string, agency: string): PersonView => ({ id, name, role: 'Role', agency, team: null, working_pattern: '' });
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
});
