// The kinds of agency, in the order the agency form offers them, and their names in sentences.
import type { AgencyKind } from '../bindings/AgencyKind';

const LABELS: Record<AgencyKind, string> = {
  'childrens-social-care': "Children's social care",
  police: 'Police',
  health: 'Health',
  education: 'Education',
  probation: 'Probation',
  housing: 'Housing',
  voluntary: 'Voluntary sector',
  family: "A child's family and friends",
  other: 'Other',
};

export const AGENCY_KINDS = Object.keys(LABELS) as AgencyKind[];

export function agencyKindLabel(kind: AgencyKind): string {
  return LABELS[kind] ?? kind;
}
