//! Who a meeting usually invites (AGENDAS.md): the child's allocated social worker, the kind's
//! chair, and the members of the child's professional network whose roles the kind invites.

use chrono::NaiveDate;

use crate::dataset::Dataset;
use crate::ids::*;
use crate::model::*;

/// Network roles each kind usually invites.
pub fn invited_roles(kind: MeetingKind) -> &'static [NetworkRole] {
    use NetworkRole::*;
    match kind {
        MeetingKind::StrategyDiscussion => &[Police, Gp, HealthVisitor, SchoolNurse, Midwife, School],
        // Conferences: the family and every agency involved (AGENDAS.md: "other agencies").
        MeetingKind::Icpc | MeetingKind::ReviewConference => &[
            Parent,
            Carer,
            Police,
            Gp,
            HealthVisitor,
            SchoolNurse,
            School,
            Probation,
            Camhs,
            Housing,
        ],
        MeetingKind::PreBirthConference => &[Parent, Carer, Police, Gp, Midwife, HealthVisitor, Probation, Housing],
        MeetingKind::CoreGroup => &[Parent, Carer, HealthVisitor, SchoolNurse, School],
        MeetingKind::CinReview => &[Parent, Carer, School, HealthVisitor, SchoolNurse],
        MeetingKind::FamilyNetworkMeeting => &[Parent, Carer, Advocate],
        // AGENDAS.md: "parents' and carers' views".
        MeetingKind::LacReview => &[
            Parent,
            Carer,
            FosterCarer,
            School,
            IndependentReviewingOfficer,
            Advocate,
        ],
        MeetingKind::ProfessionalsMeeting => &[Police, Gp, HealthVisitor, SchoolNurse, School, Camhs],
    }
}

/// The default chair: the social worker's team manager for strategy discussions and
/// professionals meetings; the social worker for core groups, CIN reviews and family meetings;
/// for conferences and LAC reviews, the chair of the child's latest meeting of that family.
pub fn default_chair(ds: &Dataset, kind: MeetingKind, child: &Child) -> Option<PersonId> {
    let manager = || {
        let sw = child.social_worker?;
        let team = ds.people.iter().find(|p| p.id == sw)?.team?;
        ds.teams.iter().find(|t| t.id == team)?.manager
    };
    match kind {
        MeetingKind::StrategyDiscussion | MeetingKind::ProfessionalsMeeting => manager(),
        MeetingKind::CoreGroup | MeetingKind::CinReview | MeetingKind::FamilyNetworkMeeting => child.social_worker,
        MeetingKind::Icpc
        | MeetingKind::ReviewConference
        | MeetingKind::PreBirthConference
        | MeetingKind::LacReview => {
            let family: &[MeetingKind] = if kind == MeetingKind::LacReview {
                &[MeetingKind::LacReview]
            } else {
                &[
                    MeetingKind::Icpc,
                    MeetingKind::ReviewConference,
                    MeetingKind::PreBirthConference,
                ]
            };
            ds.meetings
                .iter()
                .filter(|m| m.children.contains(&child.id) && family.contains(&m.kind) && !m.is_cancelled())
                .max_by_key(|m| m.start)
                .and_then(|m| m.chair)
        }
    }
}

/// Whether `person` still works on `day` (`Person::works_on`); someone unknown is taken to.
fn works_on(ds: &Dataset, person: PersonId, day: NaiveDate) -> bool {
    ds.people
        .iter()
        .find(|p| p.id == person)
        .is_none_or(|p| p.works_on(day))
}

/// The chair of a new `kind` about `children` from `from` on: the first of the children's
/// default chairs who has not left by then.
pub fn default_chair_for(ds: &Dataset, kind: MeetingKind, children: &[ChildId], from: NaiveDate) -> Option<PersonId> {
    ds.children
        .iter()
        .filter(|c| children.contains(&c.id))
        .filter_map(|c| default_chair(ds, kind, c))
        .find(|p| works_on(ds, *p, from))
}

/// Default required attendees for `kind` about `children` from `from` on: social workers,
/// chair, network; not anyone whose last working day is before `from` (a meeting then cannot
/// include them, `validate::meeting`).
pub fn default_invitees(ds: &Dataset, kind: MeetingKind, children: &[ChildId], from: NaiveDate) -> Vec<PersonId> {
    let roles = invited_roles(kind);
    let mut out: Vec<PersonId> = Vec::new();
    let mut add = |p: PersonId| {
        if !out.contains(&p) && works_on(ds, p, from) {
            out.push(p);
        }
    };
    for c in ds.children.iter().filter(|c| children.contains(&c.id)) {
        if let Some(sw) = c.social_worker {
            add(sw);
        }
        if let Some(chair) = default_chair(ds, kind, c) {
            add(chair);
        }
        for link in c.network.iter().filter(|l| roles.contains(&l.role)) {
            add(link.person);
        }
    }
    out
}

/// Whether one of `people` is family to one of `children`: from a family agency, or linked to
/// one of them as a parent, carer or foster carer (`NetworkRole::is_family`). The conflict scan
/// asks the same through its own lookups.
pub fn family_among(ds: &Dataset, children: &[ChildId], people: &[PersonId]) -> bool {
    let family = ds.family_agencies();
    ds.people
        .iter()
        .any(|p| people.contains(&p.id) && family.contains(&p.agency))
        || ds
            .children
            .iter()
            .filter(|c| children.contains(&c.id))
            .flat_map(|c| &c.network)
            .any(|l| l.role.is_family() && people.contains(&l.person))
}

/// Which of the police and health none of `people` is from (by their agency's kind): the
/// agencies a child protection conference normally hears from besides children's social care.
pub fn police_and_health_missing(ds: &Dataset, people: &[PersonId]) -> Vec<AgencyKind> {
    let kinds: Vec<AgencyKind> = ds
        .people
        .iter()
        .filter(|p| people.contains(&p.id))
        .filter_map(|p| ds.agencies.iter().find(|a| a.id == p.agency).map(|a| a.kind))
        .collect();
    [AgencyKind::Police, AgencyKind::Health]
        .into_iter()
        .filter(|k| !kinds.contains(k))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_linked_parent_is_invited_to_conferences_and_reviews_but_not_to_a_strategy_discussion() {
        let mut ds = crate::demo::demo_dataset(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            crate::demo::DEFAULT_SEED,
        );
        let child = ds.children[0].id;
        // People of their own, so none of them is also the social worker or a chair.
        let (parent, housing, other) = (PersonId::new_random(), PersonId::new_random(), PersonId::new_random());
        let c = ds.children.iter_mut().find(|c| c.id == child).unwrap();
        c.network = vec![
            NetworkLink {
                person: parent,
                role: NetworkRole::Parent,
            },
            NetworkLink {
                person: housing,
                role: NetworkRole::Housing,
            },
            NetworkLink {
                person: other,
                role: NetworkRole::Other,
            },
        ];
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let invited = |kind| default_invitees(&ds, kind, &[child], day);
        for kind in [
            MeetingKind::Icpc,
            MeetingKind::ReviewConference,
            MeetingKind::CoreGroup,
            MeetingKind::LacReview,
        ] {
            assert!(invited(kind).contains(&parent), "{kind:?}");
        }
        assert!(!invited(MeetingKind::StrategyDiscussion).contains(&parent));
        assert!(!invited(MeetingKind::ProfessionalsMeeting).contains(&parent));
        assert!(invited(MeetingKind::Icpc).contains(&housing));
        // "Other" is invited meeting by meeting, not by default.
        assert!(MeetingKind::ALL.iter().all(|&k| !invited(k).contains(&other)));
    }

    #[test]
    fn someone_who_has_left_is_not_invited_or_chairing_by_default() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let mut ds = crate::demo::demo_dataset(day, crate::demo::DEFAULT_SEED);
        let child = ds.children[0].id;
        let sw = ds.children[0].social_worker.unwrap();
        let chair = default_chair_for(&ds, MeetingKind::CoreGroup, &[child], day);
        assert_eq!(chair, Some(sw), "the social worker chairs a core group");
        assert!(default_invitees(&ds, MeetingKind::CoreGroup, &[child], day).contains(&sw));
        // Their last working day the day before: neither invited nor chairing from `day` on;
        // on the day itself (and before), both.
        ds.people.iter_mut().find(|p| p.id == sw).unwrap().last_day = day.pred_opt();
        assert!(!default_invitees(&ds, MeetingKind::CoreGroup, &[child], day).contains(&sw));
        assert_eq!(default_chair_for(&ds, MeetingKind::CoreGroup, &[child], day), None);
        let before = day.pred_opt().unwrap();
        assert!(default_invitees(&ds, MeetingKind::CoreGroup, &[child], before).contains(&sw));
        assert_eq!(
            default_chair_for(&ds, MeetingKind::CoreGroup, &[child], before),
            Some(sw)
        );
    }
}
