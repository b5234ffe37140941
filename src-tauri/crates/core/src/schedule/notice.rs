//! What must come before a meeting (reports shared with parents before a conference, in
//! Scotland the invitations to a CPPM): the first day a new meeting can be held and still leave
//! time for it, counted from today. The slot finder offers times from that day when some fit
//! inside the meeting's own deadline: a conference booked for the day after tomorrow would make
//! the reports due yesterday.

use chrono::NaiveDate;

use super::planning::items_for;
use crate::calendar::WorkingDayCalendar;
use crate::dataset::Dataset;
use crate::error::CalendarError;
use crate::ids::*;
use crate::model::*;
use crate::rules::{Direction, Rule, RulePack};
use crate::timescales::Source;

/// The day from which what a new meeting needs beforehand can still be done in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The first day a meeting leaves time for it.
    pub from: NaiveDate,
    /// The rule's title, e.g. "Reports shared with parents before the conference".
    pub what: String,
    /// Its deadline for a meeting on `from`.
    pub by: NaiveDate,
}

/// For a new meeting searched over `days`, with `rules` what it leaves to be done before it
/// (`asked_before`): the first day on which every one of them could still be met (its deadline,
/// counted back from the meeting, not before `as_of`). `None` when nothing is asked, a meeting
/// on the first day already leaves time, or no day searched does.
pub fn notice(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    rules: &[Rule],
    days: std::ops::RangeInclusive<NaiveDate>,
    as_of: NaiveDate,
) -> Result<Option<Notice>, CalendarError> {
    let (earliest, last) = (*days.start(), *days.end());
    let mut out: Option<Notice> = None;
    for rule in rules {
        let mut day = Some(earliest);
        let found = loop {
            let Some(d) = day.filter(|d| *d <= last) else {
                break None;
            };
            let by = pack.deadline(rule, d, cal)?;
            if by >= as_of {
                break Some((d, by));
            }
            day = d.succ_opt();
        };
        let Some((from, by)) = found else {
            return Ok(None);
        };
        if from > earliest && out.as_ref().is_none_or(|n| from > n.from) {
            out = Some(Notice {
                from,
                what: rule.title.clone(),
                by,
            });
        }
    }
    Ok(out)
}

/// The rules asking for something before a new meeting of `kind` for `children` on `day` that
/// such a meeting would leave to be done (not already met for it), in the pack's order: what
/// each time the slot finder offers makes due, counted back from it.
pub fn asked_before(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    kind: MeetingKind,
    children: &[ChildId],
    day: NaiveDate,
    as_of: NaiveDate,
) -> Result<Vec<Rule>, CalendarError> {
    let rules: Vec<Rule> = pack
        .active_rules()
        .into_iter()
        .filter(|r| r.direction == Direction::Before && r.anchor.meetings.contains(&kind))
        .collect();
    if rules.is_empty() || children.is_empty() {
        return Ok(Vec::new());
    }
    // The children's records with the meeting added on the day: which of those rules it would
    // still leave open.
    let Ok(start) = crate::time::london(day.and_hms_opt(10, 0, 0).unwrap_or_default()) else {
        return Ok(Vec::new());
    };
    let id = MeetingId::new_random();
    let concerns = |cs: &[ChildId]| cs.iter().any(|c| children.contains(c));
    let mut records = Dataset {
        children: ds
            .children
            .iter()
            .filter(|c| children.contains(&c.id))
            .cloned()
            .collect(),
        events: ds
            .events
            .iter()
            .filter(|e| children.contains(&e.child))
            .cloned()
            .collect(),
        episodes: ds
            .episodes
            .iter()
            .filter(|e| children.contains(&e.child))
            .cloned()
            .collect(),
        meetings: ds.meetings.iter().filter(|m| concerns(&m.children)).cloned().collect(),
        ..Dataset::default()
    };
    records.meetings.push(Meeting {
        id,
        kind,
        children: children.to_vec(),
        start,
        end: start + chrono::Duration::hours(1),
        location: Location::Online {
            joining_details: String::new(),
        },
        chair: None,
        minute_taker: None,
        invitees: vec![],
        status: MeetingStatus::Planned,
        sequence: 0,
        overrides: vec![],
        outcome: None,
    });
    let open: Vec<_> = items_for(pack, cal, &records, children, as_of)?
        .into_iter()
        .filter(|i| i.anchor_source == Source::Meeting(id) && i.status.is_open())
        .collect();
    Ok(rules
        .into_iter()
        .filter(|r| open.iter().any(|i| i.rule == r.id.as_str()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::fixtures::*;

    fn with_strategy(c: &Child) -> Dataset {
        Dataset {
            children: vec![c.clone()],
            meetings: vec![meeting(
                MeetingKind::StrategyDiscussion,
                c.id,
                "2026-11-24T10:00",
                MeetingStatus::Held,
            )],
            ..Dataset::default()
        }
    }

    #[test]
    fn a_conference_leaves_two_working_days_for_the_reports_to_parents() {
        let (pack, cal) = env();
        let c = child("Maya");
        let ds = with_strategy(&c);
        // Today Tue 1 Dec 2026.
        let ask = |ds: &Dataset, kind: MeetingKind, from: &str, to: &str| {
            let today = d("2026-12-01");
            let rules = asked_before(&pack, &cal, ds, kind, &[c.id], d(from), today).unwrap();
            notice(&pack, &cal, &rules, d(from)..=d(to), today).unwrap()
        };
        // Times from Wed 2 Dec. An ICPC on Wed 2 Dec would make the reports (2 working days
        // before) due on Mon 30 Nov, before today; on Thu 3 Dec they are due today, which can
        // still be done.
        assert_eq!(
            ask(&ds, MeetingKind::Icpc, "2026-12-02", "2026-12-15"),
            Some(Notice {
                from: d("2026-12-03"),
                what: "Reports shared with parents before the conference".into(),
                by: d("2026-12-01"),
            })
        );
        // Searched from a day that already leaves time: nothing to say.
        assert_eq!(ask(&ds, MeetingKind::Icpc, "2026-12-07", "2026-12-15"), None);
        // Reports already shared with the parents: nothing to wait for.
        let mut shared = ds.clone();
        shared.events.push(Event {
            id: EventId::new_random(),
            child: c.id,
            kind: EventKind::ReportsShared,
            date: d("2026-11-30"),
            note: String::new(),
        });
        assert_eq!(ask(&shared, MeetingKind::Icpc, "2026-12-02", "2026-12-15"), None);
        // A kind nothing is asked before: nothing either.
        assert_eq!(ask(&ds, MeetingKind::CoreGroup, "2026-12-02", "2026-12-15"), None);
        // No day searched leaves time: none (the finder then keeps its times).
        assert_eq!(ask(&ds, MeetingKind::Icpc, "2026-12-02", "2026-12-02"), None);
    }
}
