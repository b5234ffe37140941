import { describe, expect, it } from 'vitest';
import { AGENCY_KINDS, agencyKindLabel } from './agencies';

describe('agency kinds', () => {
  it('offers every kind once, children’s social care first, each with a name of its own', () => {
    expect(AGENCY_KINDS[0]).toBe('childrens-social-care');
    expect(new Set(AGENCY_KINDS).size).toBe(9);
    const labels = AGENCY_KINDS.map(agencyKindLabel);
    expect(new Set(labels).size).toBe(AGENCY_KINDS.length);
    expect(agencyKindLabel('family')).toBe("A child's family and friends");
    expect(agencyKindLabel('voluntary')).toBe('Voluntary sector');
  });
});
