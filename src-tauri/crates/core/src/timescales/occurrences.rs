//! A child's occurrences (held and planned meetings, events, episode starts, the expected date
//! of delivery) in time order, and the masks that pick out a rule's triggers among them.
//!
//! **Same-day order.** Meetings have a time; events, episode starts and the expected date of
//! delivery only a date. Where an event falls on a meeting's day, what it *is* decides which
//! side of the meeting it sorts:
//! - a meeting's consequences — a decision letter, minutes, a decision of no further action —
//!   are recorded after it, so they sort after every meeting that day: a letter sent on the day
//!   of a 10:00 ICPC counts for that ICPC, and "no further action" recorded on a strategy
//!   discussion's day closes that discussion's item;
//! - everything else sorts before the day's meetings, as their input or as something that
//!   happened independently of them: reports shared on a conference's day were shared for that
//!   conference (late), not for the next one; an s47 enquiry started on a strategy discussion's
//!   day precedes it; a plan that starts on its conference's day is open at the conference.
//!
//! Occurrences with the same date and order (two events of a kind) count as after each other.

use chrono::NaiveDate;

use super::{ChildRecords, Source};
use crate::model::{EpisodeType, EventKind, MeetingKind, MeetingStatus};
use crate::rules::Trigger;

#[derive(Debug, Clone, Copy)]
pub(super) struct Occurrence {
    pub(super) date: NaiveDate,
    /// Orders occurrences on the same date (see the module documentation).
    pub(super) order: u32,
    pub(super) source: Source,
    /// What it is, as a bit index (see `tag_*`), so a trigger is a bit mask.
    pub(super) tag: u8,
    /// Its place among the child's records as given: the order of occurrences at the same point
    /// in time, so that the table's order does not depend on the sort.
    seq: u32,
}

impl Occurrence {
    /// Its place in time: date, then order within the day.
    pub(super) fn key(&self) -> (NaiveDate, u32) {
        (self.date, self.order)
    }
    /// A planned meeting (not yet held).
    pub(super) fn is_planned(&self) -> bool {
        (PLANNED..PLANNED * 2).contains(&self.tag)
    }
}

/// Before the day's meetings: inputs, independent events, episode starts, the EDD.
const START_OF_DAY: u32 = 0;
/// After the day's meetings: what a meeting produced.
const END_OF_DAY: u32 = u32::MAX;

/// A meeting's order: after the start of the day, before its end, by its start time.
fn meeting_order(seconds_from_midnight: u32) -> u32 {
    1 + seconds_from_midnight
}

fn event_order(kind: EventKind) -> u32 {
    match kind {
        EventKind::DecisionLetterSent | EventKind::MinutesDistributed | EventKind::NoFurtherAction => END_OF_DAY,
        EventKind::Referral
        | EventKind::ReferralDecision
        | EventKind::StrategyDiscussion
        | EventKind::S47Start
        | EventKind::AssessmentCompleted
        | EventKind::Visit
        | EventKind::ReportsShared
        | EventKind::BecameLookedAfter
        | EventKind::PlacementStart
        | EventKind::InvitationsSent => START_OF_DAY,
    }
}

// Occurrence tags: held meetings 0..9, planned meetings 9..18, events 18..31, episode starts
// 31..34, expected date of delivery 34.
const PLANNED: u8 = 9;
fn tag_meeting(k: MeetingKind) -> u8 {
    MeetingKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8
}
fn tag_event(k: EventKind) -> u8 {
    18 + EventKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8
}
fn tag_episode(k: EpisodeType) -> u8 {
    31 + match k {
        EpisodeType::ChildInNeed => 0,
        EpisodeType::ChildProtection => 1,
        EpisodeType::LookedAfter => 2,
    }
}
const TAG_EDD: u8 = 34;
// The layout above, checked when compiled: adding a kind of meeting or event moves the rest.
const _: () = assert!(
    PLANNED as usize == MeetingKind::ALL.len()
        && 18 == 2 * MeetingKind::ALL.len()
        && 18 + EventKind::ALL.len() == 31
        && TAG_EDD < 64
);

/// The occurrences a trigger matches: held ones (`planned` false) or planned meetings.
pub(super) fn mask(t: &Trigger, planned: bool) -> u64 {
    let mut m = 0u64;
    if planned {
        for k in &t.meetings {
            m |= 1 << (tag_meeting(*k) + PLANNED);
        }
        return m;
    }
    for k in &t.meetings {
        m |= 1 << tag_meeting(*k);
    }
    for k in &t.events {
        m |= 1 << tag_event(*k);
    }
    if let Some(e) = t.episode_start {
        m |= 1 << tag_episode(e);
    }
    if t.expected_delivery {
        m |= 1 << TAG_EDD;
    }
    m
}

/// Everything that has happened to (or is planned for) a child as of a date, in time order:
/// built once per child, then filtered per rule by mask.
pub(super) fn occurrence_table(r: &ChildRecords<'_>, as_of: NaiveDate, out: &mut Vec<Occurrence>) {
    out.clear();
    for m in r.meetings {
        let tag = match &m.status {
            MeetingStatus::Held if m.date() <= as_of => tag_meeting(m.kind),
            MeetingStatus::Planned => tag_meeting(m.kind) + PLANNED,
            _ => continue,
        };
        if m.children.contains(&r.child.id) {
            out.push(Occurrence {
                date: m.date(),
                order: meeting_order(chrono::Timelike::num_seconds_from_midnight(&m.start.time())),
                source: Source::Meeting(m.id),
                tag,
                seq: 0,
            });
        }
    }
    for e in r.events.iter().filter(|e| e.date <= as_of) {
        out.push(Occurrence {
            date: e.date,
            order: event_order(e.kind),
            source: Source::Event(e.id),
            tag: tag_event(e.kind),
            seq: 0,
        });
    }
    for ep in r.episodes.iter().filter(|e| e.start <= as_of) {
        out.push(Occurrence {
            date: ep.start,
            order: START_OF_DAY,
            source: Source::Episode(ep.id),
            tag: tag_episode(ep.kind.episode_type()),
            seq: 0,
        });
    }
    // Kept after the birth, the pre-birth conference's timescale stays on the record (`backward`).
    if let Some(expected_delivery) = r.child.birth.expected_delivery() {
        out.push(Occurrence {
            date: expected_delivery,
            order: START_OF_DAY,
            source: Source::ExpectedDelivery(r.child.id),
            tag: TAG_EDD,
            seq: 0,
        });
    }
    // Numbered as given, then sorted by time and that number: the order a stable sort gives,
    // for less work.
    for (i, o) in (0u32..).zip(out.iter_mut()) {
        o.seq = i;
    }
    out.sort_unstable_by_key(|o| (o.date, o.order, o.seq));
}

pub(super) fn select(table: &[Occurrence], mask: u64, out: &mut Vec<Occurrence>) {
    out.clear();
    out.extend(table.iter().filter(|o| mask & (1 << o.tag) != 0).copied());
}
