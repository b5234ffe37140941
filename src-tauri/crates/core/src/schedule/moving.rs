//! Moving a planned meeting to another time (the calendar's drag, or its "Move to" form): what
//! the move does before anything is saved, in sentences — whether the meeting still meets its
//! statutory deadlines, what it would clash with, and which later deadlines move with it.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::conflicts::Conflict;
use super::planning::{check_meeting, items_for, MeetingDraft};
use crate::agenda::when_text;
use crate::calendar::WorkingDayCalendar;
use crate::dataset::Dataset;
use crate::error::{CalendarError, ValidationError};
use crate::ids::*;
use crate::model::*;
use crate::queries::Names;
use crate::rules::RulePack;
use crate::time::parse_london;
use crate::timescales::{DueItem, Source};
use crate::views::uk_date;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    #[error("There is no meeting {0}.")]
    UnknownMeeting(MeetingId),
    #[error("This meeting is {status}; only a planned meeting can be moved.")]
    NotPlanned { status: &'static str },
    #[error("A meeting cannot be moved into the past: {when} is before today ({today}).")]
    InThePast { when: String, today: String },
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

/// Everything the user sees before a move is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MoveCheck {
    pub meeting: MeetingId,
    /// "Core group: Ava Smith".
    pub title: String,
    /// "Monday 2 March 2026, 10:00–11:00".
    pub from: String,
    pub to: String,
    /// The new start as RFC 3339 with its UK offset: send it back to save exactly this move.
    pub start: String,
    /// One sentence per statutory deadline this meeting meets after the move.
    pub timescale: Vec<String>,
    /// True when every deadline the meeting meets is still met.
    pub within_timescale: bool,
    /// True unless what must be done before the meeting (the reports to the parents, Scotland's
    /// invitations) would be due before today: on the new day it can no longer be done in time.
    pub preparation_in_time: bool,
    /// True when something that must be done before the meeting would be due today: still
    /// possible, but only today.
    pub preparation_today: bool,
    pub conflicts: Vec<Conflict>,
    /// For each of `conflicts`, whether the same stands at the meeting's present time (no parent
    /// invited, a room too small): not the move's doing, and said so.
    pub already: Vec<bool>,
    /// The deadlines this meeting will start once held, and how the move shifts them ("First
    /// review child protection conference for Ava Smith would be due by Thu 18 Jun 2026, instead
    /// of Tue 16 Jun 2026.").
    pub consequences: Vec<String>,
}

/// `existing` moved to start at `start` (UK wall clock), keeping its length. Only a planned
/// meeting moves, and not into the past.
pub fn moved(existing: &Meeting, start: &str, as_of: NaiveDate) -> Result<Meeting, MoveError> {
    if !existing.is_changeable() {
        return Err(MoveError::NotPlanned {
            status: crate::views::status_label(&existing.status),
        });
    }
    let new_start = parse_london(start)?;
    if new_start.date_naive() < as_of {
        return Err(MoveError::InThePast {
            when: uk_date(new_start.date_naive()),
            today: uk_date(as_of),
        });
    }
    let mut m = existing.clone();
    m.start = new_start;
    m.end = crate::time::end_after(new_start, existing.end - existing.start)?;
    Ok(m)
}

fn rfc3339(dt: DateTime<FixedOffset>) -> String {
    dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// The deadlines `m` would start if it were held as planned: a conference that would open a
/// child protection plan is assumed to open one, so the first core group and first review are
/// projected too. Evaluated as of `as_of`, which must be on or after the meeting.
fn projected(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    m: &Meeting,
    as_of: NaiveDate,
) -> Result<Vec<DueItem>, CalendarError> {
    let mut held = m.clone();
    held.status = MeetingStatus::Held;
    let mut world = ds.clone();
    world.meetings.retain(|x| x.id != m.id);
    world.meetings.push(held);
    if matches!(m.kind, MeetingKind::Icpc | MeetingKind::PreBirthConference) {
        for &child in &m.children {
            let on_plan = world.episodes.iter().any(|e| {
                e.child == child
                    && matches!(e.kind, EpisodeKind::ChildProtection { .. })
                    && e.start <= m.date()
                    && e.end.is_none_or(|end| end >= m.date())
            });
            if !on_plan {
                world.episodes.push(Episode {
                    id: EpisodeId::new_random(),
                    child,
                    kind: EpisodeKind::ChildProtection {
                        category: CpCategory::Neglect,
                    },
                    start: m.date(),
                    end: None,
                });
            }
        }
    }
    Ok(items_for(pack, cal, &world, &m.children, as_of)?
        .into_iter()
        .filter(|i| i.anchor_source == Source::Meeting(m.id))
        .collect())
}

/// The editor's draft for a move, so a move is saved exactly as an edit is (history entry with
/// the reason, SEQUENCE bumped for invitations, conflicts refused unless overridden).
pub fn move_draft(
    existing: &Meeting,
    start: &str,
    reason: Option<String>,
    override_reason: Option<String>,
    as_of: NaiveDate,
) -> Result<MeetingDraft, MoveError> {
    let m = moved(existing, start, as_of)?;
    Ok(MeetingDraft {
        id: Some(m.id),
        kind: m.kind,
        children: m.children,
        start: rfc3339(m.start),
        end: rfc3339(m.end),
        location: m.location,
        chair: m.chair,
        minute_taker: m.minute_taker,
        invitees: m.invitees,
        reason,
        override_reason,
    })
}

/// Check moving `meeting` to `start` without saving anything.
pub fn check_move(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    blocks: &[BusyBlock],
    meeting: MeetingId,
    start: &str,
    as_of: NaiveDate,
) -> Result<MoveCheck, MoveError> {
    let existing = ds
        .meetings
        .iter()
        .find(|m| m.id == meeting)
        .ok_or(MoveError::UnknownMeeting(meeting))?;
    let m = moved(existing, start, as_of)?;
    let names = Names::new(ds);
    // Said before the move is saved, which would be refused (`validate::meeting`).
    crate::validate::no_one_after_last_day(&m, |p| names.person(p).and_then(Person::leaving))?;
    let rule_title = |id: &str| {
        pack.rule(id)
            .map(|r| r.title.clone())
            .unwrap_or_else(|_| id.to_string())
    };
    let children: Vec<String> = names.meeting_children(&m.children);

    let mut after = ds.clone();
    after.meetings.retain(|x| x.id != m.id);
    after.meetings.push(m.clone());
    let mut timescale = Vec::new();
    let mut within = true;
    let mut preparation_in_time = true;
    let mut preparation_today = false;
    for i in items_for(pack, cal, &after, &m.children, as_of)? {
        // What must come before the meeting (reports to parents), still to do: due today on
        // the new day (still possible, only today), or due before today (too late).
        if i.anchor_source == Source::Meeting(m.id) && i.status.is_open() && i.deadline <= as_of {
            let when = if i.deadline == as_of {
                preparation_today = true;
                " (today), so it must be done today"
            } else {
                preparation_in_time = false;
                ", which has passed, so it cannot be done in time"
            };
            timescale.push(format!(
                "{} for {}: a meeting on this day makes it due by {}{when}.",
                rule_title(&i.rule),
                names.child_name(i.child),
                uk_date(i.deadline)
            ));
        }
        let Some(s) = i.scheduled.filter(|s| s.meeting == m.id) else {
            continue;
        };
        let what = format!("{} for {}", rule_title(&i.rule), names.child_name(i.child));
        if s.within_deadline {
            timescale.push(format!(
                "{what}: due by {}; {} is within timescale.",
                uk_date(i.deadline),
                uk_date(s.date)
            ));
        } else {
            within = false;
            let late = match cal.working_days_between(i.deadline, s.date)? {
                // A weekend or holiday straight after the deadline: late, by no working day.
                0 => "after the deadline, on a day that is not a working day".to_string(),
                1 => "1 working day late".to_string(),
                n => format!("{n} working days late"),
            };
            timescale.push(format!(
                "{what}: due by {}; {} is outside timescale, {late}.",
                uk_date(i.deadline),
                uk_date(s.date),
            ));
        }
    }
    if timescale.is_empty() {
        timescale.push("No statutory deadline waits on this meeting.".to_string());
    }

    let conflicts = check_meeting(pack, cal, ds, blocks, &m, as_of)?;
    let standing = check_meeting(pack, cal, ds, blocks, existing, as_of)?;
    let already = conflicts
        .iter()
        .map(|c| standing.iter().any(|s| s.kind == c.kind))
        .collect();

    let before = projected(pack, cal, ds, existing, as_of.max(m.date()).max(existing.date()))?;
    let after_items = projected(pack, cal, ds, &m, as_of.max(m.date()).max(existing.date()))?;
    // A deadline of today or already passed says so: the reports before a conference are due
    // before it, so moving it may leave them due today, or rescue them from yesterday.
    let dated = |d: NaiveDate| match d.cmp(&as_of) {
        std::cmp::Ordering::Less => format!("{} (passed)", uk_date(d)),
        std::cmp::Ordering::Equal => format!("{} (today)", uk_date(d)),
        std::cmp::Ordering::Greater => uk_date(d),
    };
    let mut consequences = Vec::new();
    for a in &after_items {
        let what = format!("{} for {}", rule_title(&a.rule), names.child_name(a.child));
        match before.iter().find(|b| b.rule == a.rule && b.child == a.child) {
            Some(b) if b.deadline != a.deadline => consequences.push(format!(
                "{what} would be due by {}, instead of {}.",
                dated(a.deadline),
                dated(b.deadline)
            )),
            Some(_) => {}
            None => consequences.push(format!("{what} would be due by {}.", dated(a.deadline))),
        }
    }

    Ok(MoveCheck {
        meeting: m.id,
        title: format!("{}: {}", m.kind.title(), children.join(", ")),
        from: when_text(existing.start, existing.end),
        to: when_text(m.start, m.end),
        start: rfc3339(m.start),
        timescale,
        within_timescale: within,
        preparation_in_time,
        preparation_today,
        conflicts,
        already,
        consequences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::fixtures::*;
    use crate::schedule::ConflictKind;
    use crate::time::london;

    /// A held strategy discussion on Mon 2 Mar 2026 and a planned ICPC on Mon 16 Mar, due
    /// within 15 working days of the strategy discussion.
    fn world() -> (Dataset, MeetingId, MeetingId) {
        let c = child("Ava");
        let strategy = meeting(
            MeetingKind::StrategyDiscussion,
            c.id,
            "2026-03-02T10:00",
            MeetingStatus::Held,
        );
        // The ICPC invites Ava's mother, as a conference does.
        let family = agency("Family", AgencyKind::Family);
        let mum = person("Mo Smith", family.id);
        let mut c = c;
        c.network.push(NetworkLink {
            person: mum.id,
            role: NetworkRole::Parent,
        });
        let mut icpc = meeting(MeetingKind::Icpc, c.id, "2026-03-16T10:00", MeetingStatus::Planned);
        icpc.invitees.push(invitee(mum.id, true));
        let ds = Dataset {
            agencies: vec![family],
            people: vec![mum],
            children: vec![c],
            meetings: vec![strategy.clone(), icpc.clone()],
            ..Dataset::default()
        };
        (ds, strategy.id, icpc.id)
    }

    #[test]
    fn a_move_to_the_weekend_after_the_deadline_is_late_by_no_working_day_and_says_so() {
        let (mut ds, strategy, icpc) = world();
        // The strategy discussion on Fri 27 Feb: the ICPC is due by Fri 20 Mar.
        let s = ds.meetings.iter_mut().find(|m| m.id == strategy).unwrap();
        s.start -= chrono::Duration::days(3);
        s.end -= chrono::Duration::days(3);
        let (pack, cal) = env();
        let check = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-21T10:00", d("2026-03-05")).unwrap();
        assert!(!check.within_timescale);
        assert!(
            check.timescale.iter().any(|t| t.contains(
                "due by Fri 20 Mar 2026; Sat 21 Mar 2026 is outside timescale, after the deadline, on a day that is not a working day."
            )),
            "{:?}",
            check.timescale
        );
        let check = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-23T10:00", d("2026-03-05")).unwrap();
        assert!(
            check
                .timescale
                .iter()
                .any(|t| t.contains("is outside timescale, 1 working day late.")),
            "{:?}",
            check.timescale
        );
    }

    #[test]
    fn a_move_that_leaves_no_time_for_the_reports_to_parents_says_so() {
        let (ds, _, icpc) = world();
        let (pack, cal) = env();
        // Today Tue 10 Mar: moved to Wed 11 Mar, the reports (2 working days before) would be
        // due on Mon 9 Mar, before today.
        let check = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-11T10:00", d("2026-03-10")).unwrap();
        assert!(
            check.timescale.contains(
                &"Reports shared with parents before the conference for Ava Smith: a meeting on this day makes it due by Mon 9 Mar 2026, which has passed, so it cannot be done in time."
                    .to_string()
            ),
            "{:?}",
            check.timescale
        );
        // The conference is within its own deadline, but what comes before it is not.
        assert!(check.within_timescale && !check.preparation_in_time);
        assert!(check.consequences.contains(
            &"Reports shared with parents before the conference for Ava Smith would be due by Mon 9 Mar 2026 (passed), instead of Thu 12 Mar 2026."
                .to_string()
        ));
        assert!(!check.preparation_today);
        // Moved to Thu 12 Mar they are due today: still possible, but only today, and said so.
        let check = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-12T10:00", d("2026-03-10")).unwrap();
        assert!(
            !check.timescale.iter().any(|t| t.contains("before today")),
            "{:?}",
            check.timescale
        );
        assert!(check.within_timescale && check.preparation_in_time && check.preparation_today);
        assert!(
            check.timescale.contains(
                &"Reports shared with parents before the conference for Ava Smith: a meeting on this day makes it due by Tue 10 Mar 2026 (today), so it must be done today."
                    .to_string()
            ),
            "{:?}",
            check.timescale
        );
        assert!(check.consequences.contains(
            &"Reports shared with parents before the conference for Ava Smith would be due by Tue 10 Mar 2026 (today), instead of Thu 12 Mar 2026."
                .to_string()
        ));
    }

    #[test]
    fn a_move_keeps_the_length_and_is_checked_against_the_deadline() {
        let (ds, _, icpc) = world();
        let (pack, cal) = env();
        let today = d("2026-03-05");
        let ok = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-18T14:00", today).unwrap();
        assert_eq!(ok.from, "Monday 16 March 2026, 10:00–11:30");
        assert_eq!(ok.to, "Wednesday 18 March 2026, 14:00–15:30");
        assert_eq!(ok.start, "2026-03-18T14:00:00+00:00");
        assert!(
            ok.within_timescale && ok.preparation_in_time && !ok.preparation_today,
            "{:?}",
            ok.timescale
        );
        // 15 working days after Mon 2 Mar 2026 is Mon 23 Mar 2026.
        assert!(
            ok.timescale
                .iter()
                .any(|t| t.contains("due by Mon 23 Mar 2026; Wed 18 Mar 2026 is within timescale")),
            "{:?}",
            ok.timescale
        );
        // The first core group and first review deadlines move with the conference.
        assert_eq!(
            ok.consequences,
            vec![
                "First core group for Ava Smith would be due by Wed 1 Apr 2026, instead of Mon 30 Mar 2026.",
                "First review child protection conference for Ava Smith would be due by Thu 18 Jun 2026, instead of Tue 16 Jun 2026.",
                "Visit to a child on a child protection plan for Ava Smith would be due by Wed 1 Apr 2026, instead of Mon 30 Mar 2026.",
                // Due before the conference: 2 working days before it.
                "Reports shared with parents before the conference for Ava Smith would be due by Mon 16 Mar 2026, instead of Thu 12 Mar 2026.",
                "Decision letter sent for Ava Smith would be due by Thu 19 Mar 2026, instead of Tue 17 Mar 2026.",
                // 15 working days, across Good Friday (3 Apr) and Easter Monday (6 Apr).
                "Conference minutes distributed for Ava Smith would be due by Fri 10 Apr 2026, instead of Wed 8 Apr 2026.",
            ]
        );

        let late = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-25T10:00", today).unwrap();
        assert!(!late.within_timescale);
        assert!(
            late.timescale
                .iter()
                .any(|t| t.contains("is outside timescale, 2 working days late")),
            "{:?}",
            late.timescale
        );
    }

    #[test]
    fn only_a_planned_meeting_moves_and_never_into_the_past_or_a_missing_hour() {
        let (ds, strategy, icpc) = world();
        let (pack, cal) = env();
        let today = d("2026-03-05");
        assert!(matches!(
            check_move(&pack, &cal, &ds, &[], strategy, "2026-03-18T10:00", today),
            Err(MoveError::NotPlanned { status: "held" })
        ));
        let past = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-04T10:00", today).unwrap_err();
        assert_eq!(
            past.to_string(),
            "A meeting cannot be moved into the past: Wed 4 Mar 2026 is before today (Thu 5 Mar 2026)."
        );
        assert!(matches!(
            check_move(&pack, &cal, &ds, &[], icpc, "2026-03-29T01:30", today),
            Err(MoveError::Invalid(ValidationError::NonexistentLocalTime { .. }))
        ));
        assert!(matches!(
            check_move(
                &pack,
                &cal,
                &ds,
                &[],
                MeetingId::new_random(),
                "2026-03-18T10:00",
                today
            ),
            Err(MoveError::UnknownMeeting(_))
        ));
        assert!(matches!(
            check_move(&pack, &cal, &ds, &[], icpc, "18/03/2026", today),
            Err(MoveError::Invalid(ValidationError::BadTime { .. }))
        ));
    }

    #[test]
    fn a_move_across_the_clock_change_keeps_wall_clock_length_and_offset() {
        let (ds, _, icpc) = world();
        let m = ds.meetings.iter().find(|m| m.id == icpc).unwrap();
        let after = moved(m, "2026-03-30T10:00", d("2026-03-05")).unwrap();
        assert_eq!(
            after.start,
            london(d("2026-03-30").and_hms_opt(10, 0, 0).unwrap()).unwrap()
        );
        assert_eq!(after.start.offset().local_minus_utc(), 3600);
        assert_eq!(after.end - after.start, chrono::Duration::minutes(90));
        let draft = move_draft(m, "2026-03-30T10:00", Some("Chair ill".into()), None, d("2026-03-05")).unwrap();
        assert_eq!(draft.start, "2026-03-30T10:00:00+01:00");
        assert_eq!(draft.end, "2026-03-30T11:30:00+01:00");
        let (saved, change) = super::super::planning::from_draft(&draft, Some(m)).unwrap();
        assert_eq!(saved.sequence, 1);
        assert!(matches!(change, MeetingChange::Rescheduled { .. }));
    }

    #[test]
    fn a_move_to_a_far_date_is_refused_not_a_panic() {
        let (ds, _, icpc) = world();
        let m = ds.meetings.iter().find(|m| m.id == icpc).unwrap();
        for to in ["+262142-12-31T10:00", "+10000-06-01T10:00"] {
            let err = moved(m, to, d("2026-03-05")).unwrap_err().to_string();
            assert!(err.contains("outside the dates Convene handles"), "{to}: {err}");
        }
    }

    #[test]
    fn conflicts_are_reported_before_saving() {
        let (mut ds, _, icpc) = world();
        let (pack, cal) = env();
        let venue = Venue {
            id: VenueId::new_random(),
            name: "Room 1".into(),
            address: "1 High Street".into(),
            capacity: 10,
        };
        let c = ds.children[0].id;
        let mut other = meeting(MeetingKind::CinReview, c, "2026-03-18T10:00", MeetingStatus::Planned);
        other.location = Location::Venue { venue: venue.id };
        ds.meetings.push(other);
        ds.meetings.iter_mut().find(|m| m.id == icpc).unwrap().location = Location::Venue { venue: venue.id };
        ds.venues.push(venue);
        let clash = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-18T10:30", d("2026-03-05")).unwrap();
        assert!(!clash.conflicts.is_empty(), "{clash:?}");
        // The room's other booking is the move's doing.
        assert_eq!(clash.already, vec![false; clash.conflicts.len()], "{clash:?}");
        let free = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-18T14:00", d("2026-03-05")).unwrap();
        assert!(free.conflicts.is_empty(), "{free:?}");
        // A room too small for everyone invited is too small at either time: said as standing.
        ds.venues.last_mut().unwrap().capacity = 0;
        let small = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-18T10:30", d("2026-03-05")).unwrap();
        let marked: Vec<(bool, bool)> = small
            .conflicts
            .iter()
            .zip(&small.already)
            .map(|(c, a)| (matches!(c.kind, ConflictKind::VenueTooSmall { .. }), *a))
            .collect();
        assert!(
            marked.contains(&(true, true)) && marked.contains(&(false, false)),
            "{small:?}"
        );
    }

    #[test]
    fn a_move_past_an_invitees_last_working_day_is_refused_before_saving() {
        let (mut ds, _, icpc) = world();
        let (pack, cal) = env();
        let csc = agency("Children's Social Care", AgencyKind::ChildrensSocialCare);
        let mut worker = person("Sam Social Worker", csc.id);
        worker.last_day = Some(d("2026-03-17"));
        let m = ds.meetings.iter_mut().find(|m| m.id == icpc).unwrap();
        m.invitees.push(invitee(worker.id, false));
        ds.agencies.push(csc);
        ds.people.push(worker);
        // Their last day itself is fine; the day after is not, even as an optional invitee.
        assert!(check_move(&pack, &cal, &ds, &[], icpc, "2026-03-17T10:00", d("2026-03-05")).is_ok());
        let err = check_move(&pack, &cal, &ds, &[], icpc, "2026-03-18T10:00", d("2026-03-05"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "Sam Social Worker's last working day is 17/03/2026, before this meeting on 18/03/2026: invite someone else in their place."
        );
    }
}
