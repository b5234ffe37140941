//! Where one item ends and the next begins: which conference reports were shared for, what a
//! "no further action" closes, the order of a meeting and an event on the same day, and the day
//! an episode ends.

use super::*;
use crate::rules::IcpcAnchor;

fn england_with(icpc_anchor: IcpcAnchor) -> RulePack {
    let mut pack = RulePack::builtin("england").unwrap();
    pack.settings.icpc_anchor = icpc_anchor;
    pack
}

#[test]
fn reports_for_the_first_review_must_come_after_the_icpc() {
    let s = Story::new()
        .episode(CP, "2026-03-02", None)
        .event(EventKind::ReportsShared, "2026-02-26")
        .held(MeetingKind::Icpc, "2026-03-02")
        .planned(MeetingKind::ReviewConference, "2026-06-01");
    // The reports of 26 Feb were for the ICPC; nothing has been shared for the review since.
    // 5 working days before Mon 1 Jun 2026 (Mon 25 May a bank holiday) = Fri 22 May.
    assert_eq!(
        s.brief("reports-before-review", "2026-05-26"),
        ["2026-06-01 -> 2026-05-22 overdue"]
    );
    assert_eq!(
        s.brief("reports-before-icpc", "2026-05-26"),
        ["2026-03-02 -> 2026-02-26 met on 2026-02-26"]
    );
}

#[test]
fn reports_for_an_earlier_plans_review_do_not_count_for_a_new_icpc() {
    let s = Story::new()
        .event(EventKind::ReportsShared, "2025-05-27")
        .held(MeetingKind::ReviewConference, "2025-06-03")
        .held(MeetingKind::Icpc, "2026-03-02");
    assert_eq!(
        s.brief("reports-before-review", "2026-03-10"),
        ["2025-06-03 -> 2025-05-27 met on 2025-05-27"]
    );
    assert_eq!(
        s.brief("reports-before-icpc", "2026-03-10"),
        ["2026-03-02 -> 2026-02-26 missed"]
    );
}

#[test]
fn reports_shared_on_a_conference_day_are_for_that_conference() {
    let s = Story::new()
        .episode(CP, "2026-03-02", None)
        .held(MeetingKind::Icpc, "2026-03-02")
        .event(EventKind::ReportsShared, "2026-03-02")
        .planned(MeetingKind::ReviewConference, "2026-06-01");
    assert_eq!(
        s.brief("reports-before-icpc", "2026-05-26"),
        ["2026-03-02 -> 2026-02-26 met-late on 2026-03-02"]
    );
    assert_eq!(
        s.brief("reports-before-review", "2026-05-26"),
        ["2026-06-01 -> 2026-05-22 overdue"]
    );
}

/// s47 (or strategy discussion) Tue 1 Sep 2026, no further action Thu 10 Sep, a new one Mon 2
/// Nov: the first item is closed, the new enquiry starts its own (15 working days: Mon 23 Nov).
fn enquiry_after_no_further_action(anchor: IcpcAnchor) -> Story {
    let s = Story::new();
    let s = match anchor {
        IcpcAnchor::S47Start => s.event(EventKind::S47Start, "2026-09-01"),
        _ => s.held(MeetingKind::StrategyDiscussion, "2026-09-01"),
    };
    let s = s.event(EventKind::NoFurtherAction, "2026-09-10");
    match anchor {
        IcpcAnchor::S47Start => s.event(EventKind::S47Start, "2026-11-02"),
        _ => s.held(MeetingKind::StrategyDiscussion, "2026-11-02"),
    }
}

#[test]
fn no_further_action_closes_only_the_enquiry_before_it() {
    for anchor in [
        IcpcAnchor::S47Start,
        IcpcAnchor::FirstStrategyDiscussion,
        IcpcAnchor::LastStrategyDiscussion,
    ] {
        let pack = england_with(anchor);
        let s = enquiry_after_no_further_action(anchor);
        assert_eq!(
            s.brief_under(&pack, "strategy-to-icpc", "2026-11-30"),
            ["2026-09-01 -> 2026-09-22 closed", "2026-11-02 -> 2026-11-23 overdue"],
            "{anchor:?}"
        );
        let held = enquiry_after_no_further_action(anchor).held(MeetingKind::Icpc, "2026-11-20");
        assert_eq!(
            held.brief_under(&pack, "strategy-to-icpc", "2026-11-30"),
            [
                "2026-09-01 -> 2026-09-22 closed",
                "2026-11-02 -> 2026-11-23 met on 2026-11-20"
            ],
            "{anchor:?}"
        );
    }
}

#[test]
fn a_decision_letter_or_minutes_on_the_conference_day_count_for_it() {
    let s = Story::new()
        .held(MeetingKind::Icpc, "2025-03-03")
        .event(EventKind::DecisionLetterSent, "2025-03-03")
        .event(EventKind::MinutesDistributed, "2025-03-03");
    assert_eq!(
        s.brief("decision-letter", "2025-03-10"),
        ["2025-03-03 -> 2025-03-04 met on 2025-03-03"]
    );
    assert_eq!(
        s.brief("conference-minutes", "2025-03-10"),
        ["2025-03-03 -> 2025-03-24 met on 2025-03-03"]
    );
}

/// Under "each" (a decision letter per conference), an item the next conference came before
/// can no longer be met (what comes after it is that conference's): it is missed, ended by the
/// next one, not overdue for ever.
#[test]
fn the_next_conference_ends_an_unmet_item_of_the_one_before() {
    let s = Story::new()
        .held(MeetingKind::Icpc, "2026-01-12")
        .held(MeetingKind::ReviewConference, "2026-04-13")
        .event(EventKind::DecisionLetterSent, "2026-04-14");
    assert_eq!(
        s.brief("decision-letter", "2026-05-01"),
        [
            "2026-01-12 -> 2026-01-13 missed",
            "2026-04-13 -> 2026-04-14 met on 2026-04-14"
        ]
    );
    let ended: Vec<_> = s
        .items_under(&RulePack::builtin("england").unwrap(), "decision-letter", "2026-05-01")
        .iter()
        .map(|i| i.ended)
        .collect();
    assert_eq!(ended, [Some(d("2026-04-13")), None]);
    // Until the review, the first is overdue.
    assert_eq!(
        s.brief("decision-letter", "2026-04-10"),
        ["2026-01-12 -> 2026-01-13 overdue"]
    );
    // A second referral a working day later, the first still undecided after its deadline:
    // missed. One on the day after, before the first's deadline passed: closed.
    let referrals = Story::new()
        .event(EventKind::Referral, "2026-03-02")
        .event(EventKind::Referral, "2026-03-04")
        .event(EventKind::ReferralDecision, "2026-03-04");
    assert_eq!(
        referrals.brief("referral-decision", "2026-03-10"),
        [
            "2026-03-02 -> 2026-03-03 missed",
            "2026-03-04 -> 2026-03-05 met on 2026-03-04"
        ]
    );
    let soon = Story::new()
        .event(EventKind::Referral, "2026-03-02")
        .event(EventKind::Referral, "2026-03-03");
    assert_eq!(
        soon.brief("referral-decision", "2026-03-03"),
        ["2026-03-02 -> 2026-03-03 closed", "2026-03-03 -> 2026-03-04 due-soon"]
    );
}

#[test]
fn no_further_action_on_the_strategy_discussion_day_closes_it() {
    let s = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2025-04-16")
        .event(EventKind::NoFurtherAction, "2025-04-16");
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-06-01"),
        ["2025-04-16 -> 2025-05-12 closed"]
    );
    // An enquiry started on a strategy discussion's day is its input: the discussion meets it.
    let mut pack = RulePack::builtin("england").unwrap();
    for r in &mut pack.rules {
        r.enabled |= r.id == "strategy-discussion-convened";
    }
    let convened = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2026-03-02")
        .event(EventKind::S47Start, "2026-03-02");
    assert_eq!(
        convened.brief_under(&pack, "strategy-discussion-convened", "2026-03-10"),
        ["2026-03-02 -> 2026-03-03 met on 2026-03-02"]
    );
}

#[test]
fn items_close_on_the_day_their_episode_ends() {
    let s = Story::new()
        .episode(CP, "2025-01-10", Some("2025-03-20"))
        .held(MeetingKind::Icpc, "2025-01-10");
    assert_eq!(
        s.brief("icpc-to-first-review", "2025-03-19"),
        ["2025-01-10 -> 2025-04-10 upcoming"]
    );
    assert_eq!(
        s.brief("icpc-to-first-review", "2025-03-20"),
        ["2025-01-10 -> 2025-04-10 closed"]
    );
    // A review held on the day the plan ends still meets its item.
    let last = Story::new()
        .episode(CP, "2025-01-10", Some("2025-03-20"))
        .held(MeetingKind::Icpc, "2025-01-10")
        .held(MeetingKind::ReviewConference, "2025-03-20");
    assert_eq!(
        last.brief("icpc-to-first-review", "2025-03-20"),
        ["2025-01-10 -> 2025-04-10 met on 2025-03-20"]
    );
}

/// An item of an earlier episode is never folded into a later episode's: both plans' first
/// reviews are matched to the same review (the first after each conference), but the first
/// plan ended without one, and that stays on the record as missed.
#[test]
fn an_earlier_episodes_missed_item_is_not_merged_into_a_later_ones() {
    let s = Story::new()
        .episode(CP, "2025-01-10", Some("2025-06-30"))
        .held(MeetingKind::Icpc, "2025-01-10")
        .episode(CP, "2025-08-01", None)
        .held(MeetingKind::Icpc, "2025-08-01")
        .held(MeetingKind::ReviewConference, "2025-10-20");
    assert_eq!(
        s.brief("icpc-to-first-review", "2025-11-03"),
        [
            "2025-01-10 -> 2025-04-10 missed",
            "2025-08-01 -> 2025-10-31 met on 2025-10-20"
        ]
    );
    // The same for a child-in-need plan's first review, counted from each episode's start.
    let cin = Story::new()
        .episode(EpisodeKind::ChildInNeed, "2025-01-10", Some("2025-06-30"))
        .episode(EpisodeKind::ChildInNeed, "2025-08-01", None)
        .held(MeetingKind::CinReview, "2025-10-20");
    assert_eq!(
        cin.brief("cin-review", "2025-11-03"),
        [
            "2025-01-10 -> 2025-04-10 missed",
            "2025-08-01 -> 2025-10-31 met on 2025-10-20",
            "2025-10-20 -> 2026-01-20 upcoming"
        ]
    );
}

#[test]
fn scotland_reviews_a_prebirth_plan_within_3_months_and_others_within_6() {
    let scotland = RulePack::builtin("scotland").unwrap();
    let mut unborn = Story::new()
        .episode(CP, "2026-03-02", None)
        .held(MeetingKind::PreBirthConference, "2026-03-02");
    unborn.child.birth = Birth::Unborn {
        expected_delivery: d("2026-05-20"),
    };
    assert_eq!(
        unborn.brief_under(&scotland, "prebirth-to-first-review", "2026-03-10"),
        ["2026-03-02 -> 2026-06-02 upcoming"]
    );
    assert!(unborn
        .brief_under(&scotland, "icpc-to-first-review", "2026-03-10")
        .is_empty());
    let born = Story::new()
        .episode(CP, "2026-03-02", None)
        .held(MeetingKind::Icpc, "2026-03-02");
    assert_eq!(
        born.brief_under(&scotland, "icpc-to-first-review", "2026-03-10"),
        ["2026-03-02 -> 2026-09-02 upcoming"]
    );
    assert!(born
        .brief_under(&scotland, "prebirth-to-first-review", "2026-03-10")
        .is_empty());
}
