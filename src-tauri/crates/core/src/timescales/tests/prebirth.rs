//! An unborn child's pre-birth conference, counted back from the expected date of delivery:
//! when it is asked for, what meets it, and what becomes of it once the baby is born.

use super::*;

#[test]
fn prebirth_conference_before_34_weeks() {
    let mut s = Story::new().planned(MeetingKind::PreBirthConference, "2026-02-10");
    s.child.birth = Birth::Unborn {
        expected_delivery: d("2026-03-30"),
    };
    // EDD Mon 30 Mar 2026 - 6 weeks = Mon 16 Feb 2026.
    // The planned conference is the booking the deadline is judged on.
    assert_eq!(
        s.brief("prebirth-conference", "2026-01-05"),
        ["2026-03-30 -> 2026-02-16 upcoming scheduled 2026-02-10 inside"]
    );
    // Booked after the deadline: outside (an agenda printed now says so).
    let mut late = Story::new().planned(MeetingKind::PreBirthConference, "2026-02-20");
    late.child.birth = s.child.birth;
    assert_eq!(
        late.brief("prebirth-conference", "2026-01-05"),
        ["2026-03-30 -> 2026-02-16 upcoming scheduled 2026-02-20 outside"]
    );
    // An unborn child with no enquiry: no pre-birth conference is asked for.
    let mut known = Story::new();
    known.child.birth = s.child.birth;
    assert!(known.brief("prebirth-conference", "2026-03-29").is_empty());
    // A strategy discussion that ended in no further action: none either.
    let mut nfa = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2026-01-12")
        .event(EventKind::NoFurtherAction, "2026-01-20");
    nfa.child.birth = s.child.birth;
    assert!(nfa.brief("prebirth-conference", "2026-03-29").is_empty());
    // Once a strategy discussion has started an enquiry, it is due; none held by the expected
    // date of delivery: missed from that day, overdue until then.
    let mut none = Story::new().held(MeetingKind::StrategyDiscussion, "2026-01-12");
    none.child.birth = s.child.birth;
    assert_eq!(
        none.brief("prebirth-conference", "2026-03-29"),
        ["2026-03-30 -> 2026-02-16 overdue"]
    );
    assert_eq!(
        none.brief("prebirth-conference", "2026-03-30"),
        ["2026-03-30 -> 2026-02-16 missed"]
    );
}

#[test]
fn the_prebirth_conference_stays_on_the_record_after_the_birth() {
    // EDD Mon 30 Mar 2026; the conference was due by Mon 16 Feb 2026.
    let born = |date: &str| Birth::Born {
        date_of_birth: d(date),
        expected_delivery: Some(d("2026-03-30")),
    };
    let enquiry = || Story::new().held(MeetingKind::StrategyDiscussion, "2026-01-12");
    let ended = |s: &Story, as_of: &str| -> Vec<Option<NaiveDate>> {
        s.items_under(&RulePack::builtin("england").unwrap(), "prebirth-conference", as_of)
            .iter()
            .map(|i| i.ended)
            .collect()
    };
    // Held in time, then the birth: still met.
    let mut held = enquiry().held(MeetingKind::PreBirthConference, "2026-02-10");
    held.child.birth = born("2026-03-25");
    assert_eq!(
        held.brief("prebirth-conference", "2026-04-10"),
        ["2026-03-30 -> 2026-02-16 met on 2026-02-10"]
    );
    // None held, and the baby came after the deadline: missed, ended by the birth.
    let mut late = enquiry();
    late.child.birth = born("2026-03-20");
    assert_eq!(
        late.brief("prebirth-conference", "2026-03-25"),
        ["2026-03-30 -> 2026-02-16 missed"]
    );
    assert_eq!(ended(&late, "2026-03-25"), [Some(d("2026-03-20"))]);
    // As of a day before the birth, the child was unborn: overdue then.
    assert_eq!(
        late.brief("prebirth-conference", "2026-03-01"),
        ["2026-03-30 -> 2026-02-16 overdue"]
    );
    // Born before the deadline: it stopped applying at the birth (an ICPC is due instead), even
    // once the expected date has passed.
    let mut early = enquiry();
    early.child.birth = born("2026-02-02");
    for as_of in ["2026-02-10", "2026-04-10"] {
        assert_eq!(
            early.brief("prebirth-conference", as_of),
            ["2026-03-30 -> 2026-02-16 closed"]
        );
        assert_eq!(ended(&early, as_of), [Some(d("2026-02-02"))]);
    }
    // A "pre-birth" conference held after the birth does not meet it.
    let mut after = enquiry().held(MeetingKind::PreBirthConference, "2026-02-10");
    after.child.birth = born("2026-02-02");
    assert_eq!(
        after.brief("prebirth-conference", "2026-02-20"),
        ["2026-03-30 -> 2026-02-16 closed"]
    );
    // Born after the expected date with none held: missed from the expected date, as before.
    let mut overdue = enquiry();
    overdue.child.birth = born("2026-04-03");
    assert_eq!(
        overdue.brief("prebirth-conference", "2026-04-05"),
        ["2026-03-30 -> 2026-02-16 missed"]
    );
    assert_eq!(ended(&overdue, "2026-04-05"), [Some(d("2026-03-30"))]);
    // A child first known after the birth has no expected date: no pre-birth item at all.
    let mut unknown = enquiry();
    unknown.child.birth = Birth::born(d("2026-03-20"));
    assert!(unknown.brief("prebirth-conference", "2026-03-25").is_empty());
}

#[test]
fn a_prebirth_conference_meets_the_icpc_timescale() {
    let mut s = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2026-01-05")
        .held(MeetingKind::PreBirthConference, "2026-01-20");
    s.child.birth = Birth::Unborn {
        expected_delivery: d("2026-04-01"),
    };
    // 15 working days from Mon 5 Jan 2026 = Mon 26 Jan.
    assert_eq!(
        s.brief("strategy-to-icpc", "2026-02-01"),
        ["2026-01-05 -> 2026-01-26 met on 2026-01-20"]
    );
}
