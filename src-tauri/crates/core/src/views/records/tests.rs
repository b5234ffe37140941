//! The record drafts and changes of `views::records`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use crate::views::event_kinds;

mod event_draft_tests {
    use super::*;
    use crate::error::ValidationError;

    fn draft(date: &str) -> EventDraft {
        EventDraft {
            child: ChildId::new_random(),
            kind: EventKind::DecisionLetterSent,
            date: date.into(),
            note: "  Posted first class  ".into(),
        }
    }

    #[test]
    fn becoming_looked_after_is_an_episode_not_an_event() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let d = EventDraft {
            kind: EventKind::BecameLookedAfter,
            ..draft("2026-12-01")
        };
        assert_eq!(d.to_event(today), Err(ValidationError::LookedAfterIsAnEpisode));
    }

    #[test]
    fn an_event_is_recorded_on_or_before_today_and_never_after() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let e = draft("2026-12-01").to_event(today).unwrap();
        assert_eq!(
            (e.kind, e.date, e.note.as_str()),
            (EventKind::DecisionLetterSent, today, "Posted first class")
        );
        assert_ne!(
            e.id,
            draft("2026-12-01").to_event(today).unwrap().id,
            "a new id each time"
        );
        assert!(draft("2026-11-30").to_event(today).is_ok());
        let err = draft("2026-12-02").to_event(today).unwrap_err();
        assert_eq!(
            err,
            ValidationError::EventInFuture {
                date: "02/12/2026".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "02/12/2026 is after today: record something once it has happened."
        );
        assert!(matches!(
            draft("2026-02-30").to_event(today),
            Err(ValidationError::BadDate { .. })
        ));
        assert!(matches!(
            draft("").to_event(today),
            Err(ValidationError::BadDate { .. })
        ));
        assert!(matches!(
            draft("1850-01-01").to_event(today),
            Err(ValidationError::OutsideSupportedDates { .. })
        ));
    }

    #[test]
    fn each_kind_of_event_is_offered_once_by_a_name_of_its_own_but_not_became_looked_after() {
        let kinds = event_kinds();
        let ids: std::collections::HashSet<EventKind> = kinds.iter().map(|k| k.kind).collect();
        let titles: std::collections::HashSet<&str> = kinds.iter().map(|k| k.title.as_str()).collect();
        assert_eq!(
            (ids.len(), titles.len()),
            (kinds.len(), kinds.len()),
            "no kind or name twice"
        );
        assert!(
            !ids.contains(&EventKind::BecameLookedAfter),
            "an episode, started as such"
        );
        assert_eq!(kinds.len(), EventKind::ALL.len() - 1, "every other kind");
        assert!(titles.contains("Decision letter sent") && titles.contains("Placement started"));
    }
}

mod episode_draft_tests {
    use super::*;
    use crate::error::ValidationError;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn a_looked_after_episode_starts_once_on_or_before_today_and_ends_after_it_starts() {
        let today = day(12, 1);
        let child = ChildId::new_random();
        let draft = |kind, start: &str| EpisodeDraft {
            child,
            kind,
            start: start.into(),
        };
        let e = draft(EpisodeType::LookedAfter, "2026-11-02")
            .to_episode(&[], today)
            .unwrap();
        assert_eq!((e.kind, e.start, e.end), (EpisodeKind::LookedAfter, day(11, 2), None));
        let open = std::slice::from_ref(&e);
        // A second one while it is open, or overlapping it, is refused; another child's is not.
        let err = draft(EpisodeType::LookedAfter, "2026-11-20")
            .to_episode(open, today)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Looked after is already open for this child (since 02/11/2026): end it first, or record what happens within it."
        );
        assert!(draft(EpisodeType::LookedAfter, "2026-10-01")
            .to_episode(open, today)
            .is_err());
        let other = EpisodeDraft {
            child: ChildId::new_random(),
            kind: EpisodeType::LookedAfter,
            start: "2026-11-20".into(),
        };
        assert!(other.to_episode(open, today).is_ok());
        // A child in need plan beside it is fine.
        assert!(draft(EpisodeType::ChildInNeed, "2026-11-20")
            .to_episode(open, today)
            .is_ok());
        assert_eq!(
            draft(EpisodeType::ChildProtection, "2026-11-20").to_episode(&[], today),
            Err(ValidationError::PlanStartsAtConference)
        );
        assert!(matches!(
            draft(EpisodeType::LookedAfter, "2026-12-02").to_episode(&[], today),
            Err(ValidationError::EventInFuture { .. })
        ));

        let ended = end_episode(&e, "2026-11-30", today).unwrap();
        assert_eq!((ended.id, ended.end), (e.id, Some(day(11, 30))));
        assert!(matches!(
            end_episode(&ended, "2026-12-01", today),
            Err(ValidationError::EpisodeAlreadyEnded { .. })
        ));
        assert!(matches!(
            end_episode(&e, "2026-11-01", today),
            Err(ValidationError::EpisodeEndsBeforeStart { .. })
        ));
        assert!(matches!(
            end_episode(&e, "2026-12-02", today),
            Err(ValidationError::EventInFuture { .. })
        ));
        // Overlapping one that has ended is said as such.
        let overlap = draft(EpisodeType::LookedAfter, "2026-11-10")
            .to_episode(std::slice::from_ref(&ended), today)
            .unwrap_err();
        assert_eq!(
            overlap.to_string(),
            "Looked after from 02/11/2026 to 30/11/2026 overlaps that day: start the new one after it, or remove it if it was a mistake."
        );
        assert!(removable_episode(&ended).is_ok());
        // Once ended, a new one may start after it.
        assert!(draft(EpisodeType::LookedAfter, "2026-12-01")
            .to_episode(&[ended], today)
            .is_ok());
        let plan = Episode {
            kind: EpisodeKind::ChildProtection {
                category: CpCategory::Neglect,
            },
            ..e
        };
        assert_eq!(
            end_episode(&plan, "2026-11-30", today),
            Err(ValidationError::PlanStartsAtConference)
        );
        assert_eq!(removable_episode(&plan), Err(ValidationError::PlanStartsAtConference));
    }
}

mod child_draft_tests {
    use super::*;
    use crate::error::ValidationError;

    fn draft(unborn: bool, date: &str) -> ChildDraft {
        ChildDraft {
            given_name: " Ada ".into(),
            family_name: "Lovelace".into(),
            initials: true,
            unborn,
            date: date.into(),
            case_id: " C-1 ".into(),
            social_worker: None,
        }
    }

    #[test]
    fn a_child_is_born_on_or_before_today_or_expected() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let c = draft(false, "2026-12-01").to_child(today).unwrap();
        assert_eq!(c.birth, Birth::Born { date_of_birth: today });
        assert_eq!((c.given_name.as_str(), c.case_id.as_str()), ("Ada", "C-1"));
        assert_eq!(c.display_name(), "A.L.");
        let err = draft(false, "2026-12-02").to_child(today).unwrap_err();
        assert_eq!(
            err,
            ValidationError::BirthInFuture {
                date: "02/12/2026".into()
            }
        );
        assert!(err.to_string().contains("give the expected date of delivery"));
        let expected = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let u = draft(true, "2027-03-01").to_child(today).unwrap();
        assert_eq!(
            u.birth,
            Birth::Unborn {
                expected_delivery: expected
            }
        );
        assert!(matches!(
            draft(true, "soon").to_child(today),
            Err(ValidationError::BadDate { .. })
        ));
        // An expected date long past, or more than 42 weeks off, is a slip.
        assert!(
            draft(true, "2026-11-10").to_child(today).is_ok(),
            "a little late is usual"
        );
        let past = draft(true, "2026-10-01").to_child(today).unwrap_err();
        assert!(
            past.to_string()
                .contains("more than four weeks ago: if the baby has been born"),
            "{past}"
        );
        let far = draft(true, "2027-12-01").to_child(today).unwrap_err();
        assert!(far.to_string().contains("more than 42 weeks away"), "{far}");
    }
}

mod birth_tests {
    use super::*;
    use crate::error::ValidationError;

    #[test]
    fn an_unborn_childs_birth_is_recorded_once_and_not_after_today() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let draft = ChildDraft {
            given_name: "Baby".into(),
            family_name: "Hart".into(),
            initials: false,
            unborn: true,
            date: "2026-12-20".into(),
            case_id: String::new(),
            social_worker: None,
        };
        let unborn = draft.to_child(today).unwrap();
        let born = record_birth(&unborn, "2026-11-30", today).unwrap();
        assert_eq!(
            born.birth,
            Birth::Born {
                date_of_birth: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
            }
        );
        assert_eq!((born.id, born.given_name.as_str()), (unborn.id, "Baby"));
        assert_eq!(
            record_birth(&born, "2026-11-30", today),
            Err(ValidationError::AlreadyBorn {
                date: "30/11/2026".into()
            })
        );
        let said = |d: &str| record_birth(&unborn, d, today).unwrap_err().to_string();
        assert_eq!(
            said("2026-12-02"),
            "The date of birth 02/12/2026 is after today: record the birth once it has happened."
        );
        // Due 20 Dec 2026: more than 20 weeks early is a slip.
        assert!(said("2026-07-01").contains("more than 20 weeks before the expected date"));
        assert!(record_birth(&unborn, "2026-08-10", today).is_ok());
        assert!(matches!(
            record_birth(&unborn, "", today),
            Err(ValidationError::BadDate { .. })
        ));
    }
}

mod network_tests {
    use super::*;
    use crate::error::ValidationError;

    fn someone(name: &str, kind: AgencyKind) -> (Person, Agency) {
        let agency = Agency {
            id: AgencyId::new_random(),
            name: "Agency".into(),
            kind,
        };
        let person = PersonDraft {
            name: name.into(),
            role: String::new(),
            agency: agency.id,
            team: None,
            email: None,
        }
        .to_person(&agency, None)
        .unwrap();
        (person, agency)
    }

    #[test]
    fn a_person_joins_a_childs_network_once_per_role_and_leaves_it() {
        let child = test_child("Ada");
        let (pike, health) = someone("Dr Pike", AgencyKind::Health);
        let gp = pike.id;
        let linked = link_person(&child, &pike, Some(&health), NetworkRole::Gp).unwrap();
        assert_eq!(
            linked.network,
            vec![NetworkLink {
                person: gp,
                role: NetworkRole::Gp
            }]
        );
        assert_eq!(
            link_person(&linked, &pike, Some(&health), NetworkRole::Gp)
                .unwrap_err()
                .to_string(),
            "Dr Pike is already in this child's network as GP."
        );
        // The same person in another role is another link.
        let both = link_person(&linked, &pike, Some(&health), NetworkRole::Other).unwrap();
        assert_eq!(both.network.len(), 2);
        let back = unlink_person(&both, &pike, NetworkRole::Other).unwrap();
        assert_eq!(back.network, linked.network);
        assert_eq!(
            unlink_person(&back, &pike, NetworkRole::HealthVisitor),
            Err(ValidationError::NotLinked {
                name: "Dr Pike".into(),
                role: "health visitor".into()
            })
        );
    }

    #[test]
    fn a_new_professional_works_office_hours_and_family_none() {
        let draft = PersonDraft {
            name: " Sarah Dunmore ".into(),
            role: "Mother".into(),
            agency: AgencyId::new_random(),
            team: None,
            email: Some("  ".into()),
        };
        let family = Agency {
            id: draft.agency,
            name: "Family and friends".into(),
            kind: AgencyKind::Family,
        };
        let health = Agency {
            id: draft.agency,
            name: "Health".into(),
            kind: AgencyKind::Health,
        };
        let csc_team = Team {
            id: TeamId::new_random(),
            name: "Assessment".into(),
            agency: AgencyId::new_random(),
            manager: None,
        };
        let mother = draft.to_person(&family, None).unwrap();
        assert_eq!((mother.name.as_str(), mother.email.clone()), ("Sarah Dunmore", None));
        assert!(mother.working_pattern.days.is_empty());
        assert_eq!(
            draft.to_person(&health, None).unwrap().working_pattern,
            WorkingPattern::full_time()
        );
        // Family have no team; a professional's team must be their agency's.
        let with_team = PersonDraft {
            team: Some(csc_team.id),
            ..draft.clone()
        };
        assert_eq!(with_team.to_person(&family, Some(&csc_team)).unwrap().team, None);
        assert_eq!(
            with_team.to_person(&health, Some(&csc_team)).unwrap_err().to_string(),
            "The team Assessment is not part of Health."
        );
        // Every role has a name and an id that reads back.
        for r in NetworkRole::ALL {
            let id = serde_json::to_value(r).unwrap();
            assert_eq!(NetworkRole::parse(id.as_str().unwrap()), Ok(r));
            assert!(!r.label().is_empty());
        }
        assert!(NetworkRole::parse("dentist").is_err());
    }

    #[test]
    fn a_correction_keeps_the_person_and_their_hours_but_not_a_worker_without_a_team() {
        let csc = Agency {
            id: AgencyId::new_random(),
            name: "Children's social care".into(),
            kind: AgencyKind::ChildrensSocialCare,
        };
        let police = Agency {
            id: AgencyId::new_random(),
            name: "Police".into(),
            kind: AgencyKind::Police,
        };
        let family = Agency {
            id: AgencyId::new_random(),
            name: "Family".into(),
            kind: AgencyKind::Family,
        };
        let team = Team {
            id: TeamId::new_random(),
            name: "Assessment".into(),
            agency: csc.id,
            manager: None,
        };
        let mut worker = PersonDraft {
            name: "Sam Okafor".into(),
            role: "Social worker".into(),
            agency: csc.id,
            team: Some(team.id),
            email: None,
        }
        .to_person(&csc, Some(&team))
        .unwrap();
        worker.working_pattern.days.truncate(3); // part time, as Settings left it
                                                 // Details corrected, trimmed as a new person's: the same person, the same hours.
        let draft = PersonDraft {
            name: " Samuel Okafor ".into(),
            email: Some(" s.okafor@example.org ".into()),
            ..PersonDraft::of(&worker)
        };
        let changed = draft.change(&worker, &csc, &csc, Some(&team), 4, &[]).unwrap();
        assert_eq!(changed.id, worker.id);
        assert_eq!(changed.name, "Samuel Okafor");
        assert_eq!(changed.email.as_deref(), Some("s.okafor@example.org"));
        assert_eq!(changed.working_pattern, worker.working_pattern);
        assert_eq!(PersonDraft::of(&changed).team, Some(team.id));
        // Out of the team while four children are allocated to them: refused, in a sentence;
        // with none allocated, allowed.
        let no_team = PersonDraft {
            team: None,
            ..PersonDraft::of(&worker)
        };
        assert_eq!(
            no_team.change(&worker, &csc, &csc, None, 4, &[]).unwrap_err().to_string(),
            "Sam Okafor has 4 children allocated, and would no longer hold cases: allocate them to another social worker first."
        );
        assert_eq!(
            no_team.change(&worker, &csc, &csc, None, 1, &[]).unwrap_err().to_string(),
            "Sam Okafor has 1 child allocated, and would no longer hold cases: allocate them to another social worker first."
        );
        assert_eq!(no_team.change(&worker, &csc, &csc, None, 0, &[]).unwrap().team, None);
        // To another professional agency: their team must be that agency's.
        let to_police = PersonDraft {
            agency: police.id,
            ..PersonDraft::of(&worker)
        };
        assert_eq!(
            to_police
                .change(&worker, &csc, &police, Some(&team), 0, &[])
                .unwrap_err()
                .to_string(),
            "The team Assessment is not part of Police."
        );
        // To the police with no team and no cases: allowed, unless they manage a team here.
        let police_only = PersonDraft {
            team: None,
            ..to_police.clone()
        };
        assert_eq!(
            police_only.change(&worker, &csc, &police, None, 0, &[]).unwrap().agency,
            police.id
        );
        let managed = Team {
            manager: Some(worker.id),
            ..team.clone()
        };
        assert_eq!(
            police_only
                .change(&worker, &csc, &police, None, 0, std::slice::from_ref(&managed))
                .unwrap_err()
                .to_string(),
            "Sam Okafor manages Assessment, a team of their agency: choose another manager for it first."
        );
        // Staying in the agency, they keep managing it.
        assert!(draft.change(&worker, &csc, &csc, Some(&team), 4, &[managed]).is_ok());
        // Never between family and professional, either way.
        let to_family = PersonDraft {
            agency: family.id,
            team: None,
            ..PersonDraft::of(&worker)
        };
        assert_eq!(
            to_family.change(&worker, &csc, &family, None, 0, &[]).unwrap_err().to_string(),
            "Sam Okafor is recorded as a professional and cannot become a member of a child's family: add them as a new person instead."
        );
        let mother = PersonDraft {
            name: "Ann Lee".into(),
            role: "Mother".into(),
            agency: family.id,
            team: None,
            email: None,
        }
        .to_person(&family, None)
        .unwrap();
        let to_csc = PersonDraft {
            agency: csc.id,
            ..PersonDraft::of(&mother)
        };
        assert!(matches!(
            to_csc.change(&mother, &family, &csc, None, 0, &[]),
            Err(ValidationError::FamilyOrProfessional { .. })
        ));
        // A family member's relationship corrected: still no hours.
        let aunt = PersonDraft {
            role: "Aunt".into(),
            ..PersonDraft::of(&mother)
        };
        let changed = aunt.change(&mother, &family, &family, None, 0, &[]).unwrap();
        assert_eq!((changed.role.as_str(), changed.working_pattern.days.len()), ("Aunt", 0));
    }

    #[test]
    fn family_are_parents_and_carers_and_professionals_are_not() {
        let c = test_child("Ada");
        let (sarah, family) = someone("Sarah", AgencyKind::Family);
        let (pike, health) = someone("Dr Pike", AgencyKind::Health);
        assert!(link_person(&c, &sarah, Some(&family), NetworkRole::Parent).is_ok());
        assert_eq!(
            link_person(&c, &sarah, Some(&family), NetworkRole::Gp)
                .unwrap_err()
                .to_string(),
            "Sarah is family: in a child's network, family are a parent or carer (or a foster carer, advocate or other)."
        );
        assert_eq!(
            link_person(&c, &pike, Some(&health), NetworkRole::Parent)
                .unwrap_err()
                .to_string(),
            "Dr Pike is not family: only family are a child's parent or carer in the network."
        );
        for r in [NetworkRole::FosterCarer, NetworkRole::Advocate, NetworkRole::Other] {
            assert!(role_fits(r, true) && role_fits(r, false), "{r:?}");
        }
    }
}

mod sibling_tests {
    use super::*;
    use crate::error::ValidationError;

    use super::test_child as child;

    #[test]
    fn brothers_and_sisters_are_recorded_on_both_records_once_and_unlinked_from_both() {
        let (a, b) = (child("Ada"), child("Ben"));
        let (a2, b2) = change_siblings(&a, &b, true).unwrap();
        assert_eq!((a2.siblings.clone(), b2.siblings.clone()), (vec![b.id], vec![a.id]));
        assert_eq!(
            change_siblings(&a2, &b2, true).unwrap_err().to_string(),
            "Ada Hart and Ben Hart are already recorded as brother or sister."
        );
        let (a3, b3) = change_siblings(&a2, &b2, false).unwrap();
        assert!(a3.siblings.is_empty() && b3.siblings.is_empty());
        assert!(matches!(
            change_siblings(&a3, &b3, false),
            Err(ValidationError::NotSiblings { .. })
        ));
        assert_eq!(change_siblings(&a, &a, true), Err(ValidationError::OwnSibling));
        // A link on one record only (an old import) is mended on both, either way.
        let mut half = a.clone();
        half.siblings.push(b.id);
        let (x, y) = change_siblings(&half, &b, false).unwrap();
        assert!(x.siblings.is_empty() && y.siblings.is_empty());
        let (x, y) = change_siblings(&b, &half, true).unwrap();
        assert_eq!((x.siblings, y.siblings), (vec![a.id], vec![b.id]));
    }
}

mod child_edit_tests {
    use super::*;

    #[test]
    fn a_childs_details_are_corrected_and_everything_else_kept() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut c = ChildDraft {
            given_name: "Ada".into(),
            family_name: "Hrat".into(),
            initials: false,
            unborn: false,
            date: "2020-01-01".into(),
            case_id: "C-1".into(),
            social_worker: Some(PersonId::new_random()),
        }
        .to_child(today)
        .unwrap();
        c.siblings.push(ChildId::new_random());
        let mut e = ChildEdit::of(&c);
        assert_eq!(
            (e.family_name.as_str(), e.date.as_str(), e.initials),
            ("Hrat", "2020-01-01", false)
        );
        e.family_name = "Hart".into();
        e.date = "2020-01-02".into();
        e.initials = true;
        let fixed = e.apply(&c, today).unwrap();
        assert_eq!(fixed.display_name(), "A.H.");
        assert_eq!(
            fixed.birth,
            Birth::Born {
                date_of_birth: NaiveDate::from_ymd_opt(2020, 1, 2).unwrap()
            }
        );
        assert_eq!(
            (fixed.id, &fixed.siblings, fixed.social_worker),
            (c.id, &c.siblings, c.social_worker)
        );
        e.date = "2027-01-01".into();
        assert!(e.apply(&c, today).unwrap_err().to_string().contains("after today"));
        e.date = "2020-01-02".into();
        e.given_name = "  ".into();
        // Empty names are the store's check, as for a new child.
        assert_eq!(e.apply(&c, today).unwrap().given_name, "");
        // An unborn child's expected date long past (no birth recorded yet) does not stop the
        // case id being corrected; a new expected date is checked.
        let late = Child {
            birth: Birth::Unborn {
                expected_delivery: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
            },
            ..c.clone()
        };
        let mut e = ChildEdit::of(&late);
        e.case_id = "C-2".into();
        let fixed = e.apply(&late, today).unwrap();
        assert_eq!((fixed.case_id.as_str(), fixed.birth), ("C-2", late.birth));
        e.date = "2026-09-02".into();
        assert!(e
            .apply(&late, today)
            .unwrap_err()
            .to_string()
            .contains("more than four weeks ago"));
    }
}

/// A child born 1 Jan 2020, "<given> Hart", for the tests here.
fn test_child(given: &str) -> Child {
    ChildDraft {
        given_name: given.into(),
        family_name: "Hart".into(),
        initials: false,
        unborn: false,
        date: "2020-01-01".into(),
        case_id: String::new(),
        social_worker: None,
    }
    .to_child(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
    .unwrap()
}
