//! Scenario tests: a child's story, then the items it should produce. Where one item ends and
//! the next begins (conference chains, closing events, same-day order, episode ends) is in
//! `tests/boundaries.rs`.

use super::*;
use crate::calendar::WorkingDayCalendar;
use crate::ids::*;
use crate::model::*;
use crate::time::london;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

struct Story {
    child: Child,
    events: Vec<Event>,
    meetings: Vec<Meeting>,
    episodes: Vec<Episode>,
}

impl Story {
    fn new() -> Self {
        Story {
            child: Child {
                id: ChildId::new_random(),
                given_name: "Test".into(),
                family_name: "Child".into(),
                name_display: NameDisplay::Initials,
                birth: Birth::born(d("2018-03-01")),
                case_id: "T1".into(),
                siblings: vec![],
                social_worker: None,
                network: vec![],
            },
            events: vec![],
            meetings: vec![],
            episodes: vec![],
        }
    }
    fn event(mut self, kind: EventKind, date: &str) -> Self {
        self.events.push(Event {
            id: EventId::new_random(),
            child: self.child.id,
            kind,
            date: d(date),
            note: String::new(),
        });
        self
    }
    fn meeting_with(mut self, kind: MeetingKind, date: &str, status: MeetingStatus) -> Self {
        let start = london(d(date).and_hms_opt(10, 0, 0).unwrap()).unwrap();
        self.meetings.push(Meeting {
            id: MeetingId::new_random(),
            kind,
            children: vec![self.child.id],
            start,
            end: start + chrono::Duration::hours(1),
            location: Location::Online {
                joining_details: "Teams".into(),
            },
            chair: None,
            minute_taker: None,
            invitees: vec![],
            status,
            sequence: 0,
            overrides: vec![],
            outcome: None,
        });
        self
    }
    fn held(self, kind: MeetingKind, date: &str) -> Self {
        self.meeting_with(kind, date, MeetingStatus::Held)
    }
    fn planned(self, kind: MeetingKind, date: &str) -> Self {
        self.meeting_with(kind, date, MeetingStatus::Planned)
    }
    fn episode(mut self, kind: EpisodeKind, start: &str, end: Option<&str>) -> Self {
        self.episodes.push(Episode {
            id: EpisodeId::new_random(),
            child: self.child.id,
            kind,
            start: d(start),
            end: end.map(d),
        });
        self
    }
    fn items_under(&self, pack: &RulePack, rule: &str, as_of: &str) -> Vec<DueItem> {
        let cal = WorkingDayCalendar::shipped(pack.division);
        let rules: Vec<Rule> = pack.active_rules().into_iter().filter(|r| r.id == rule).collect();
        assert_eq!(rules.len(), 1, "rule {rule}");
        let records = ChildRecords {
            child: &self.child,
            events: &self.events,
            meetings: &self.meetings,
            episodes: &self.episodes,
        };
        evaluate_child(pack, &rules, &cal, &records, d(as_of)).unwrap()
    }
    /// (anchor, deadline, status, met_on) of each item, as text, for compact assertions.
    fn brief(&self, rule: &str, as_of: &str) -> Vec<String> {
        self.brief_under(&RulePack::builtin("england").unwrap(), rule, as_of)
    }
    fn brief_under(&self, pack: &RulePack, rule: &str, as_of: &str) -> Vec<String> {
        self.items_under(pack, rule, as_of)
            .iter()
            .map(|i| {
                let met = i.met_on.map(|m| format!(" on {m}")).unwrap_or_default();
                let sched = i
                    .scheduled
                    .map(|s| {
                        format!(
                            " scheduled {} {}",
                            s.date,
                            if s.within_deadline { "inside" } else { "outside" }
                        )
                    })
                    .unwrap_or_default();
                format!("{} -> {} {}{met}{sched}", i.anchor, i.deadline, i.status.id())
            })
            .collect()
    }
}

const CP: EpisodeKind = EpisodeKind::ChildProtection {
    category: CpCategory::Neglect,
};

#[test]
fn icpc_measured_from_the_last_strategy_discussion() {
    let s = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2025-04-02")
        .event(EventKind::StrategyDiscussion, "2025-04-16")
        .held(MeetingKind::Icpc, "2025-05-12");
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-06-01"),
        ["2025-04-16 -> 2025-05-12 met on 2025-05-12"]
    );
    let late = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2025-04-16")
        .held(MeetingKind::Icpc, "2025-05-13");
    assert_eq!(
        late.brief("strategy-to-icpc", "2025-06-01"),
        ["2025-04-16 -> 2025-05-12 met-late on 2025-05-13"]
    );
}

#[test]
fn open_items_are_overdue_due_soon_or_upcoming() {
    let s = Story::new().held(MeetingKind::StrategyDiscussion, "2025-04-16");
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-04-17"),
        ["2025-04-16 -> 2025-05-12 upcoming"]
    );
    // Due-soon horizon 5 working days; Mon 5 May 2025 is a bank holiday: from Thu 1 May the
    // deadline is 6 working days away, from Fri 2 May 5, from Tue 6 May 4.
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-05-01"),
        ["2025-04-16 -> 2025-05-12 upcoming"]
    );
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-05-02"),
        ["2025-04-16 -> 2025-05-12 due-soon"]
    );
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-05-06"),
        ["2025-04-16 -> 2025-05-12 due-soon"]
    );
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-05-12"),
        ["2025-04-16 -> 2025-05-12 due-soon"]
    );
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-05-13"),
        ["2025-04-16 -> 2025-05-12 overdue"]
    );
}

#[test]
fn no_further_action_closes_the_icpc_item() {
    let s = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2025-04-16")
        .event(EventKind::NoFurtherAction, "2025-04-25");
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-06-01"),
        ["2025-04-16 -> 2025-05-12 closed"]
    );
}

#[test]
fn a_cancelled_meeting_meets_nothing_and_a_planned_one_shows_as_scheduled() {
    let s = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2025-04-16")
        .meeting_with(
            MeetingKind::Icpc,
            "2025-05-08",
            MeetingStatus::Cancelled {
                reason: "Chair ill".into(),
            },
        )
        .planned(MeetingKind::Icpc, "2025-05-14");
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-05-09"),
        ["2025-04-16 -> 2025-05-12 due-soon scheduled 2025-05-14 outside"]
    );
    let inside = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2025-04-16")
        .planned(MeetingKind::Icpc, "2025-05-09");
    assert_eq!(
        inside.brief("strategy-to-icpc", "2025-04-20"),
        ["2025-04-16 -> 2025-05-12 upcoming scheduled 2025-05-09 inside"]
    );
}

#[test]
fn repeating_rules_restart_from_the_latest_occurrence() {
    let s = Story::new()
        .episode(CP, "2025-01-10", None)
        .held(MeetingKind::Icpc, "2025-01-10")
        .held(MeetingKind::ReviewConference, "2025-04-08")
        .held(MeetingKind::ReviewConference, "2025-10-20");
    assert_eq!(
        s.brief("review-to-review", "2025-11-01"),
        [
            "2025-04-08 -> 2025-10-08 met-late on 2025-10-20",
            "2025-10-20 -> 2026-04-20 upcoming"
        ]
    );
    assert_eq!(
        s.brief("icpc-to-first-review", "2025-11-01"),
        ["2025-01-10 -> 2025-04-10 met on 2025-04-08"]
    );
}

#[test]
fn episode_end_closes_its_rules() {
    let s = Story::new()
        .episode(CP, "2025-01-10", Some("2025-03-01"))
        .held(MeetingKind::Icpc, "2025-01-10")
        .held(MeetingKind::CoreGroup, "2025-01-20");
    assert_eq!(
        s.brief("icpc-to-first-review", "2025-06-01"),
        ["2025-01-10 -> 2025-04-10 closed"]
    );
    assert_eq!(
        s.brief("core-group-to-core-group", "2025-06-01"),
        ["2025-01-20 -> 2025-02-17 missed"]
    );
    // A core group overdue on 3 Feb when the plan ended on 1 Mar was missed, not just closed.
    let missed = Story::new()
        .episode(CP, "2025-01-10", Some("2025-03-01"))
        .held(MeetingKind::Icpc, "2025-01-10");
    assert_eq!(
        missed.brief("icpc-to-core-group", "2025-06-01"),
        ["2025-01-10 -> 2025-01-24 missed"]
    );
    let item = &missed.items_under(
        &RulePack::builtin("england").unwrap(),
        "icpc-to-core-group",
        "2025-06-01",
    )[0];
    assert_eq!(item.ended, Some(d("2025-03-01")));
    // Without a plan (no CP episode), the ICPC starts no core-group clock.
    let no_plan = Story::new().held(MeetingKind::Icpc, "2025-01-10");
    assert!(no_plan.brief("icpc-to-core-group", "2025-06-01").is_empty());
}

#[test]
fn backward_rules_count_before_the_conference() {
    let s = Story::new()
        .planned(MeetingKind::Icpc, "2026-06-02")
        .event(EventKind::ReportsShared, "2026-05-28");
    assert_eq!(
        s.brief("reports-before-icpc", "2026-05-29"),
        ["2026-06-02 -> 2026-05-29 met on 2026-05-28"]
    );
    assert_eq!(
        s.brief("reports-before-icpc", "2026-05-27"),
        ["2026-06-02 -> 2026-05-29 due-soon"]
    );
    let late = Story::new()
        .planned(MeetingKind::Icpc, "2026-06-02")
        .event(EventKind::ReportsShared, "2026-06-01");
    assert_eq!(
        late.brief("reports-before-icpc", "2026-06-01"),
        ["2026-06-02 -> 2026-05-29 met-late on 2026-06-01"]
    );
    let none = Story::new().planned(MeetingKind::Icpc, "2026-06-02");
    assert_eq!(
        none.brief("reports-before-icpc", "2026-05-01"),
        ["2026-06-02 -> 2026-05-29 upcoming"]
    );
}

#[test]
fn reports_not_shared_before_a_held_conference_are_missed_not_overdue_for_ever() {
    // Booked but not yet held (its outcome not recorded): still overdue, something to chase.
    let planned = Story::new().planned(MeetingKind::Icpc, "2026-06-02");
    assert_eq!(
        planned.brief("reports-before-icpc", "2026-06-10"),
        ["2026-06-02 -> 2026-05-29 overdue"]
    );
    // Held without them: nothing left to do, and it counts as missed.
    let held = Story::new().held(MeetingKind::Icpc, "2026-06-02");
    assert_eq!(
        held.brief("reports-before-icpc", "2026-06-02"),
        ["2026-06-02 -> 2026-05-29 missed"]
    );
    let pack = RulePack::builtin("england").unwrap();
    let item = &held.items_under(&pack, "reports-before-icpc", "2026-06-10")[0];
    assert_eq!((item.status, item.ended), (DueStatus::Missed, Some(d("2026-06-02"))));
    assert!(!item.status.is_open());
    // Reports shared after the conference do not meet it.
    let after = Story::new()
        .held(MeetingKind::Icpc, "2026-06-02")
        .event(EventKind::ReportsShared, "2026-06-03");
    assert_eq!(
        after.brief("reports-before-icpc", "2026-06-10"),
        ["2026-06-02 -> 2026-05-29 missed"]
    );
}

#[test]
fn visits_from_the_icpc_then_each_visit() {
    let s = Story::new()
        .episode(CP, "2025-03-03", None)
        .held(MeetingKind::Icpc, "2025-03-03")
        .event(EventKind::Visit, "2025-03-10")
        .event(EventKind::Visit, "2025-03-31");
    assert_eq!(
        s.brief("cp-visit", "2025-04-02"),
        [
            "2025-03-03 -> 2025-03-17 met on 2025-03-10",
            "2025-03-10 -> 2025-03-24 met-late on 2025-03-31",
            "2025-03-31 -> 2025-04-14 upcoming"
        ]
    );
}

#[test]
fn looked_after_reviews_first_second_then_six_monthly() {
    let s = Story::new()
        .episode(EpisodeKind::LookedAfter, "2025-01-06", None)
        .held(MeetingKind::LacReview, "2025-01-31")
        .held(MeetingKind::LacReview, "2025-04-25")
        .held(MeetingKind::LacReview, "2025-10-20");
    assert_eq!(
        s.brief("lac-first-review", "2025-11-01"),
        ["2025-01-06 -> 2025-02-03 met on 2025-01-31"]
    );
    assert_eq!(
        s.brief("lac-second-review", "2025-11-01"),
        ["2025-01-31 -> 2025-04-30 met on 2025-04-25"]
    );
    assert_eq!(
        s.brief("lac-review", "2025-11-01"),
        [
            "2025-04-25 -> 2025-10-24 met on 2025-10-20",
            "2025-10-20 -> 2026-04-20 upcoming"
        ]
    );
}

#[test]
fn one_conference_for_siblings_meets_each_childs_item() {
    let mut a = Story::new().held(MeetingKind::StrategyDiscussion, "2025-04-16");
    let mut b = Story::new().held(MeetingKind::StrategyDiscussion, "2025-04-16");
    let conference = Story::new().held(MeetingKind::Icpc, "2025-05-08").meetings.remove(0);
    let mut shared = conference.clone();
    shared.children = vec![a.child.id, b.child.id];
    a.meetings.push(shared.clone());
    b.meetings.push(shared);
    for s in [a, b] {
        assert_eq!(
            s.brief("strategy-to-icpc", "2025-06-01"),
            ["2025-04-16 -> 2025-05-12 met on 2025-05-08"]
        );
    }
}

#[test]
fn decision_letters_are_needed_per_conference() {
    let s = Story::new()
        .held(MeetingKind::Icpc, "2025-03-03")
        .event(EventKind::DecisionLetterSent, "2025-03-04")
        .held(MeetingKind::ReviewConference, "2025-06-02");
    assert_eq!(
        s.brief("decision-letter", "2025-06-10"),
        [
            "2025-03-03 -> 2025-03-04 met on 2025-03-04",
            "2025-06-02 -> 2025-06-03 overdue"
        ]
    );
}

#[test]
fn events_after_as_of_are_not_yet_known() {
    let s = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2025-04-16")
        .held(MeetingKind::Icpc, "2025-05-12");
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-05-09"),
        ["2025-04-16 -> 2025-05-12 due-soon"]
    );
    assert_eq!(
        s.brief("strategy-to-icpc", "2025-05-12"),
        ["2025-04-16 -> 2025-05-12 met on 2025-05-12"]
    );
}

mod boundaries;
mod prebirth;
mod scotland;

#[test]
fn two_referrals_on_one_day_are_both_answered_by_that_days_decision() {
    let s = Story::new()
        .event(EventKind::Referral, "2026-03-02")
        .event(EventKind::Referral, "2026-03-02")
        .event(EventKind::ReferralDecision, "2026-03-03");
    assert_eq!(
        s.brief("referral-decision", "2026-03-10"),
        [
            "2026-03-02 -> 2026-03-03 met on 2026-03-03",
            "2026-03-02 -> 2026-03-03 met on 2026-03-03"
        ]
    );
}

#[test]
fn a_scottish_cppm_is_due_28_days_from_the_first_ird_not_a_later_one() {
    let s = Story::new()
        .held(MeetingKind::StrategyDiscussion, "2026-03-03")
        .held(MeetingKind::StrategyDiscussion, "2026-03-16");
    let scotland = RulePack::builtin("scotland").unwrap();
    // Tue 3 Mar 2026 + 28 days = Tue 31 Mar (the follow-up IRD on 16 Mar would give 13 Apr).
    assert_eq!(
        s.brief_under(&scotland, "strategy-to-icpc", "2026-03-20"),
        ["2026-03-03 -> 2026-03-31 upcoming"]
    );
}

#[test]
fn a_strategy_discussion_about_a_child_already_on_a_plan_starts_no_initial_conference() {
    // On a plan since 10 Jan; new concerns and a strategy discussion on 3 Mar go to the plan's
    // review, not to an ICPC that would show as overdue for a child already on a plan.
    let on_plan = Story::new()
        .episode(CP, "2026-01-12", None)
        .held(MeetingKind::Icpc, "2026-01-12")
        .held(MeetingKind::StrategyDiscussion, "2026-03-03");
    assert!(on_plan.brief("strategy-to-icpc", "2026-04-01").is_empty());
    // The plan ended on 3 Mar: a strategy discussion that day is a new enquiry, and needs one.
    let ended = Story::new()
        .episode(CP, "2026-01-12", Some("2026-03-03"))
        .held(MeetingKind::Icpc, "2026-01-12")
        .held(MeetingKind::StrategyDiscussion, "2026-03-03");
    assert_eq!(
        ended.brief("strategy-to-icpc", "2026-03-04"),
        ["2026-03-03 -> 2026-03-24 upcoming"]
    );
    // Before any plan, as ever.
    let first = Story::new().held(MeetingKind::StrategyDiscussion, "2026-03-03");
    assert_eq!(
        first.brief("strategy-to-icpc", "2026-03-04"),
        ["2026-03-03 -> 2026-03-24 upcoming"]
    );
}

#[test]
fn an_assessment_is_measured_from_the_latest_referral_before_it() {
    // A referral in March that led to no assessment, and another in October: the October
    // assessment answers the October referral, on time. (Measuring from the first referral would
    // join referrals months apart and call this assessment late; it would need the referral's
    // decision — assessment or not — which the records do not hold.)
    let s = Story::new()
        .event(EventKind::Referral, "2026-03-02")
        .event(EventKind::Referral, "2026-10-01")
        .event(EventKind::AssessmentCompleted, "2026-10-20");
    assert_eq!(
        s.brief("referral-to-assessment", "2026-11-02"),
        ["2026-10-01 -> 2026-12-03 met on 2026-10-20"]
    );
}
