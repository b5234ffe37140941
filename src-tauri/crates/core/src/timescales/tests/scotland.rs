//! Scotland's own timescales (National Guidance for Child Protection in Scotland 2021, updated
//! 2023, Appendix D) where they differ from the English pack it extends.

use super::*;

fn scotland() -> RulePack {
    RulePack::builtin("scotland").unwrap()
}

#[test]
fn invitations_to_a_cppm_go_out_5_calendar_days_before_it() {
    // Mon 16 Mar 2026 - 5 days = Wed 11 Mar.
    let s = Story::new().planned(MeetingKind::Icpc, "2026-03-16");
    assert_eq!(
        s.brief_under(&scotland(), "cppm-notice", "2026-03-02"),
        ["2026-03-16 -> 2026-03-11 upcoming"]
    );
    assert_eq!(
        s.brief_under(&scotland(), "cppm-notice", "2026-03-12"),
        ["2026-03-16 -> 2026-03-11 overdue"]
    );
    let sent = Story::new()
        .planned(MeetingKind::Icpc, "2026-03-16")
        .event(EventKind::InvitationsSent, "2026-03-10");
    assert_eq!(
        sent.brief_under(&scotland(), "cppm-notice", "2026-03-12"),
        ["2026-03-16 -> 2026-03-11 met on 2026-03-10"]
    );
    // Sent with 3 days' notice: met late.
    let late = Story::new()
        .planned(MeetingKind::Icpc, "2026-03-16")
        .event(EventKind::InvitationsSent, "2026-03-13");
    assert_eq!(
        late.brief_under(&scotland(), "cppm-notice", "2026-03-14"),
        ["2026-03-16 -> 2026-03-11 met-late on 2026-03-13"]
    );
    // A review CPPM's invitations come after the conference before it: the ICPC's do not count.
    let review = Story::new()
        .episode(CP, "2026-03-16", None)
        .event(EventKind::InvitationsSent, "2026-03-10")
        .held(MeetingKind::Icpc, "2026-03-16")
        .planned(MeetingKind::ReviewConference, "2026-09-07");
    assert_eq!(
        review.brief_under(&scotland(), "cppm-notice", "2026-08-24"),
        [
            "2026-03-16 -> 2026-03-11 met on 2026-03-10",
            "2026-09-07 -> 2026-09-02 upcoming"
        ]
    );
    // Five days before Thu 19 Mar is Sat 14 Mar: they go out by the working day before, Fri 13.
    let weekend = Story::new().planned(MeetingKind::Icpc, "2026-03-19");
    assert_eq!(
        weekend.brief_under(&scotland(), "cppm-notice", "2026-03-02"),
        ["2026-03-19 -> 2026-03-13 upcoming"]
    );
    // England asks for no such notice.
    assert!(RulePack::builtin("england").unwrap().rule("cppm-notice").is_err());
}

#[test]
fn the_cppm_record_is_shared_within_10_working_days() {
    // Mon 2 Mar 2026 + 10 working days = Mon 16 Mar (England's minutes: 15, Mon 23 Mar).
    let s = Story::new().held(MeetingKind::Icpc, "2026-03-02");
    assert_eq!(
        s.brief_under(&scotland(), "conference-minutes", "2026-03-17"),
        ["2026-03-02 -> 2026-03-16 overdue"]
    );
    assert_eq!(
        s.brief("conference-minutes", "2026-03-17"),
        ["2026-03-02 -> 2026-03-23 due-soon"]
    );
}

#[test]
fn an_unborn_childs_cppm_is_held_by_28_weeks_gestation() {
    // Expected Tue 1 Sep 2026 - 12 weeks = Tue 9 Jun (England's 34 weeks: Tue 21 Jul).
    let mut s = Story::new().held(MeetingKind::StrategyDiscussion, "2026-05-04");
    s.child.birth = Birth::Unborn {
        expected_delivery: d("2026-09-01"),
    };
    assert_eq!(
        s.brief_under(&scotland(), "prebirth-conference", "2026-05-05"),
        ["2026-09-01 -> 2026-06-09 upcoming"]
    );
    assert_eq!(
        s.brief("prebirth-conference", "2026-05-05"),
        ["2026-09-01 -> 2026-07-21 upcoming"]
    );
}
