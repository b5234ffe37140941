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
        assert_eq!(c.birth, Birth::born(today));
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
        // The expected date is kept beside the date of birth (the pre-birth timescale's anchor).
        assert_eq!(
            born.birth,
            Birth::Born {
                date_of_birth: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
                expected_delivery: NaiveDate::from_ymd_opt(2026, 12, 20),
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

    #[test]
    fn a_pre_birth_conference_still_planned_after_the_birth_is_pointed_out() {
        use crate::schedule::fixtures::meeting;
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let unborn = ChildDraft {
            given_name: "Ada".into(),
            family_name: "Lovelace".into(),
            initials: false,
            unborn: true,
            date: "2026-12-20".into(),
            case_id: String::new(),
            social_worker: None,
        }
        .to_child(today)
        .unwrap();
        let born = record_birth(&unborn, "2026-11-30", today).unwrap();
        let conference = |start: &str, status| meeting(MeetingKind::PreBirthConference, born.id, start, status);
        let cancelled = MeetingStatus::Cancelled {
            reason: "Baby born".into(),
        };
        let meetings = vec![
            conference("2026-12-09T10:00", MeetingStatus::Planned),
            // Held, cancelled, another kind or another child's: nothing to say.
            conference("2026-11-20T10:00", MeetingStatus::Held),
            conference("2026-12-08T10:00", cancelled),
            meeting(MeetingKind::Icpc, born.id, "2026-12-10T10:00", MeetingStatus::Planned),
            meeting(
                MeetingKind::PreBirthConference,
                ChildId::new_random(),
                "2026-12-07T10:00",
                MeetingStatus::Planned,
            ),
            conference("2026-12-03T14:00", MeetingStatus::Planned),
        ];
        let to_do = after_birth(&born, &meetings);
        assert_eq!(
            to_do.iter().map(|t| t.meeting).collect::<Vec<_>>(),
            [meetings[5].id, meetings[0].id],
            "earliest first"
        );
        assert_eq!(
            to_do.iter().map(|t| t.sentence.as_str()).collect::<Vec<_>>(),
            [
                "The pre-birth conference on Thursday 3 December 2026, 14:00–15:30 is still booked: now that Ada Lovelace is born, hold it as the initial child protection conference, or cancel it and book one in its place, as your local procedures say.",
                "The pre-birth conference on Wednesday 9 December 2026, 10:00–11:30 is still booked: now that Ada Lovelace is born, hold it as the initial child protection conference, or cancel it and book one in its place, as your local procedures say.",
            ]
        );
        assert!(after_birth(&born, &meetings[1..5]).is_empty());
        // Before the birth, a pre-birth conference is what is needed.
        assert!(after_birth(&unborn, &meetings).is_empty());
    }
}

mod leaving;
mod network;

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
        assert_eq!(fixed.birth, Birth::born(NaiveDate::from_ymd_opt(2020, 1, 2).unwrap()));
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

    #[test]
    fn a_corrected_date_of_birth_keeps_the_expected_date_and_is_checked_against_it() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let expected = NaiveDate::from_ymd_opt(2026, 12, 20);
        let born = Child {
            birth: Birth::Born {
                date_of_birth: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
                expected_delivery: expected,
            },
            ..test_child("Baby")
        };
        let mut e = ChildEdit::of(&born);
        assert_eq!(e.date, "2026-11-30");
        e.date = "2026-11-29".into();
        assert_eq!(
            e.apply(&born, today).unwrap().birth,
            Birth::Born {
                date_of_birth: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
                expected_delivery: expected,
            }
        );
        let said = |e: &ChildEdit| e.apply(&born, today).unwrap_err().to_string();
        e.date = "2026-12-02".into();
        assert_eq!(said(&e), "The date of birth 02/12/2026 is after today.");
        e.date = "2026-07-01".into();
        assert!(
            said(&e).contains("more than 20 weeks before the expected date"),
            "{}",
            said(&e)
        );
        // Left as it was, nothing is checked again and the birth is unchanged.
        e.date = "2026-11-30".into();
        e.case_id = "C-9".into();
        assert_eq!(e.apply(&born, today).unwrap().birth, born.birth);
    }

    #[test]
    fn a_birth_saved_before_the_expected_date_was_kept_still_reads() {
        let old: Birth = serde_json::from_str(r#"{"type":"born","date_of_birth":"2020-01-01"}"#).unwrap();
        assert_eq!(old, Birth::born(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()));
        assert_eq!(old.expected_delivery(), None);
        // Written back the same way: no field for a date never known.
        assert_eq!(
            serde_json::to_string(&old).unwrap(),
            r#"{"type":"born","date_of_birth":"2020-01-01"}"#
        );
        let kept = Birth::Born {
            date_of_birth: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            expected_delivery: NaiveDate::from_ymd_opt(2026, 12, 20),
        };
        let text = serde_json::to_string(&kept).unwrap();
        assert_eq!(serde_json::from_str::<Birth>(&text).unwrap(), kept);
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
