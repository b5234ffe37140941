//! Validation of records against each other and the rules of the domain. The store calls these
//! before every write; import calls them on the whole file before writing anything.

use std::collections::HashSet;

use crate::error::ValidationError;
use crate::ids::*;
use crate::model::*;
use crate::time::{check_day, check_offset, check_period, check_time};

/// Longest name, title or id-like text we accept.
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest free text (notes, joining details, reasons).
pub const MAX_LONG_TEXT: usize = 10_000;
/// The longest meeting, in minutes (12 hours).
pub const MAX_MEETING_MINUTES: u32 = 720;
/// A meeting's length in minutes as asked for (the CLI's `--duration`, the slot finder's
/// length): 1 to `MAX_MEETING_MINUTES`, checked before any time arithmetic.
pub fn meeting_minutes(minutes: i64) -> Result<u32, ValidationError> {
    u32::try_from(minutes)
        .ok()
        .filter(|m| (1..=MAX_MEETING_MINUTES).contains(m))
        .ok_or(ValidationError::BadDuration {
            max: MAX_MEETING_MINUTES,
        })
}

/// Highest sequence number a meeting may carry. It goes up by one on each change calendars must
/// follow; no real meeting comes near this, so a higher one is damage, and the room left
/// below `u32::MAX` means a change can never wrap it to 0 (calendars would ignore the update).
pub const MAX_SEQUENCE: u32 = 1_000_000;

/// Answers "does this record exist?" for references. The store and `Dataset` implement it.
pub trait Lookup {
    fn has_child(&self, id: ChildId) -> bool;
    fn has_person(&self, id: PersonId) -> bool;
    fn has_agency(&self, id: AgencyId) -> bool;
    fn has_team(&self, id: TeamId) -> bool;
    fn has_venue(&self, id: VenueId) -> bool;
    /// The person's name and last working day, if one is recorded for them.
    fn last_day(&self, id: PersonId) -> Option<(String, chrono::NaiveDate)>;
}

fn short(field: &'static str, text: &str, required: bool) -> Result<(), ValidationError> {
    if required && text.trim().is_empty() {
        return Err(ValidationError::Empty { field });
    }
    limit(field, text, MAX_SHORT_TEXT)
}

fn limit(field: &'static str, text: &str, max: usize) -> Result<(), ValidationError> {
    let len = text.chars().count();
    if len > max {
        return Err(ValidationError::TooLong { field, len, max });
    }
    Ok(())
}

fn exists(ok: bool, what: &'static str, id: impl std::fmt::Display) -> Result<(), ValidationError> {
    if ok {
        Ok(())
    } else {
        Err(ValidationError::UnknownReference {
            what,
            id: id.to_string(),
        })
    }
}

pub fn child(c: &Child, db: &impl Lookup) -> Result<(), ValidationError> {
    short("The child's first name", &c.given_name, true)?;
    short("The child's family name", &c.family_name, true)?;
    short("The case id", &c.case_id, false)?;
    match c.birth {
        Birth::Born {
            date_of_birth,
            expected_delivery,
        } => {
            check_day("The date of birth", date_of_birth)?;
            if let Some(expected) = expected_delivery {
                check_day("The expected date of delivery", expected)?;
            }
        }
        Birth::Unborn { expected_delivery } => {
            check_day("The expected date of delivery", expected_delivery)?;
        }
    }
    for s in &c.siblings {
        if *s == c.id {
            return Err(ValidationError::OwnSibling);
        }
        exists(db.has_child(*s), "Sibling", s)?;
    }
    if let Some(sw) = c.social_worker {
        exists(db.has_person(sw), "Social worker", sw)?;
    }
    for link in &c.network {
        exists(db.has_person(link.person), "Person", link.person)?;
    }
    Ok(())
}

pub fn person(p: &Person, db: &impl Lookup) -> Result<(), ValidationError> {
    short("A person's name", &p.name, true)?;
    short("A person's role", &p.role, false)?;
    if let Some(e) = &p.email {
        short("An email address", e, false)?;
    }
    if let Some(day) = p.last_day {
        check_day("A last working day", day)?;
    }
    exists(db.has_agency(p.agency), "Agency", p.agency)?;
    if let Some(t) = p.team {
        exists(db.has_team(t), "Team", t)?;
    }
    for h in &p.working_pattern.days {
        if !(1..=7).contains(&h.weekday) || h.end <= h.start {
            return Err(ValidationError::BadWorkingHours {
                day: format!("weekday {}", h.weekday),
            });
        }
    }
    Ok(())
}

pub fn agency(a: &Agency) -> Result<(), ValidationError> {
    short("An agency's name", &a.name, true)
}

pub fn team(t: &Team, db: &impl Lookup) -> Result<(), ValidationError> {
    short("A team's name", &t.name, true)?;
    exists(db.has_agency(t.agency), "Agency", t.agency)?;
    if let Some(m) = t.manager {
        exists(db.has_person(m), "Team manager", m)?;
    }
    Ok(())
}

pub fn venue(v: &Venue) -> Result<(), ValidationError> {
    short("A venue's name", &v.name, true)?;
    limit("A venue's address", &v.address, MAX_LONG_TEXT)
}

pub fn episode(e: &Episode, db: &impl Lookup) -> Result<(), ValidationError> {
    exists(db.has_child(e.child), "Child", e.child)?;
    check_day("The episode's start", e.start)?;
    if let Some(end) = e.end {
        check_day("The episode's end", end)?;
        if end < e.start {
            return Err(ValidationError::EpisodeEndsBeforeStart { start: e.start, end });
        }
    }
    Ok(())
}

pub fn event(e: &Event, db: &impl Lookup) -> Result<(), ValidationError> {
    exists(db.has_child(e.child), "Child", e.child)?;
    check_day("The event's date", e.date)?;
    limit("An event's note", &e.note, MAX_LONG_TEXT)
}

/// No one is part of a planned or held meeting after their last working day
/// (`views::record_leaving`). `last_day` gives a person's name and last day, if they have one.
pub fn no_one_after_last_day(
    m: &Meeting,
    last_day: impl Fn(PersonId) -> Option<(String, chrono::NaiveDate)>,
) -> Result<(), ValidationError> {
    if m.is_cancelled() {
        return Ok(());
    }
    for p in m.people() {
        if let Some((name, last)) = last_day(p).filter(|(_, last)| m.date() > *last) {
            return Err(ValidationError::AfterLastDay {
                name,
                last_day: last.format("%d/%m/%Y").to_string(),
                date: m.date().format("%d/%m/%Y").to_string(),
            });
        }
    }
    Ok(())
}

pub fn meeting(m: &Meeting, db: &impl Lookup) -> Result<(), ValidationError> {
    check_period(m.start, m.end)?;
    check_offset(m.start)?;
    check_offset(m.end)?;
    if m.end <= m.start {
        return Err(ValidationError::EndNotAfterStart {
            start: m.start.format("%d/%m/%Y %H:%M").to_string(),
            end: m.end.format("%d/%m/%Y %H:%M").to_string(),
        });
    }
    if m.end - m.start > chrono::Duration::minutes(i64::from(MAX_MEETING_MINUTES)) {
        return Err(ValidationError::MeetingTooLong {
            start: m.start.format("%d/%m/%Y %H:%M").to_string(),
            end: m.end.format("%d/%m/%Y %H:%M").to_string(),
        });
    }
    if m.sequence > MAX_SEQUENCE {
        return Err(ValidationError::OutOfRange {
            field: "A meeting's sequence number",
            min: 0,
            max: MAX_SEQUENCE,
            value: m.sequence,
        });
    }
    for o in &m.overrides {
        check_time("The time a conflict was overridden", o.at)?;
    }
    if m.children.is_empty() {
        return Err(ValidationError::NoChildren);
    }
    let mut seen = HashSet::new();
    for c in &m.children {
        exists(db.has_child(*c), "Child", c)?;
        if !seen.insert(c.0) {
            return Err(ValidationError::Duplicate {
                what: "child",
                id: c.to_string(),
            });
        }
    }
    for p in m.chair.iter().chain(m.minute_taker.iter()) {
        exists(db.has_person(*p), "Person", p)?;
    }
    no_one_after_last_day(m, |p| db.last_day(p))?;
    let mut invited = HashSet::new();
    for i in &m.invitees {
        exists(db.has_person(i.person), "Invitee", i.person)?;
        if !invited.insert(i.person) {
            return Err(ValidationError::Duplicate {
                what: "invitee",
                id: i.person.to_string(),
            });
        }
    }
    match &m.location {
        Location::Venue { venue } => exists(db.has_venue(*venue), "Venue", venue)?,
        Location::Online { joining_details } => limit("The joining details", joining_details, MAX_LONG_TEXT)?,
    }
    if let MeetingStatus::Cancelled { reason } = &m.status {
        if reason.trim().is_empty() {
            return Err(ValidationError::CancelWithoutReason);
        }
        limit("The reason", reason, MAX_LONG_TEXT)?;
    }
    Ok(())
}

/// A history entry's times are ones Convene handles (the meeting it belongs to is the store's
/// and import's check).
pub fn history_entry(h: &MeetingHistoryEntry) -> Result<(), ValidationError> {
    check_time("The time of a change to a meeting", h.at)?;
    if let MeetingChange::Rescheduled { from, to, .. } = &h.change {
        check_time("The time a meeting moved from", *from)?;
        check_time("The time a meeting moved to", *to)?;
    }
    Ok(())
}

pub fn busy_block(b: &BusyBlock, db: &impl Lookup) -> Result<(), ValidationError> {
    check_period(b.start, b.end)?;
    check_offset(b.start)?;
    check_offset(b.end)?;
    if b.end <= b.start {
        return Err(ValidationError::EndNotAfterStart {
            start: b.start.format("%d/%m/%Y %H:%M").to_string(),
            end: b.end.format("%d/%m/%Y %H:%M").to_string(),
        });
    }
    match b.owner {
        BusyOwner::Person(p) => exists(db.has_person(p), "Person", p)?,
        BusyOwner::Venue(v) => exists(db.has_venue(v), "Venue", v)?,
    }
    limit("A busy block's note", &b.note, MAX_SHORT_TEXT)?;
    if let Some(s) = &b.source {
        limit("A busy block's source", s, MAX_LONG_TEXT)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
