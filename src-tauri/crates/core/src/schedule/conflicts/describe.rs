//! Conflicts in words: the sentence a practitioner reads for each one found.

use std::collections::HashMap;

use super::{Conflict, ConflictKind, ScanContext};
use crate::ids::*;
use crate::model::*;
use crate::schedule::availability::minute;
use crate::views::uk_date;

fn when(m: &Meeting) -> String {
    format!(
        "{} on {} at {}",
        m.kind.title().to_lowercase(),
        uk_date(m.date()),
        m.start.format("%H:%M")
    )
}

pub(super) fn describe(
    meeting: MeetingId,
    kind: ConflictKind,
    by_id: &HashMap<MeetingId, &Meeting>,
    ctx: &ScanContext<'_>,
) -> Conflict {
    let person_name = |p: &PersonId| {
        ctx.people
            .get(p)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| "Someone".into())
    };
    let venue_name = |v: &VenueId| {
        ctx.venues
            .get(v)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| "The venue".into())
    };
    let this = by_id.get(&meeting).map(|m| when(m)).unwrap_or_else(|| "meeting".into());
    // What a person's or venue's busy block during the meeting is ("on leave (Annual leave)").
    let busy_why = |list: Option<&crate::schedule::availability::BusyList>| {
        let m = by_id.get(&meeting)?;
        list?
            .overlapping(minute(&m.start), minute(&m.end))
            .map(|iv| iv.reason.describe())
    };
    // The other meeting of a clash names its children: the one being booked is known to whoever
    // books it, the other may be anyone's.
    let other = |id: &MeetingId| {
        by_id
            .get(id)
            .map(|m| {
                let known: Vec<ChildId> = m
                    .children
                    .iter()
                    .copied()
                    .filter(|c| ctx.children.contains_key(c))
                    .collect();
                let names = ctx.names.meeting_children(&known);
                match names.as_slice() {
                    [] => when(m),
                    _ => format!(
                        "{} for {} on {} at {}",
                        m.kind.title().to_lowercase(),
                        names.join(", "),
                        uk_date(m.date()),
                        m.start.format("%H:%M")
                    ),
                }
            })
            .unwrap_or_else(|| "another meeting".into())
    };
    let message = match &kind {
        ConflictKind::PersonDoubleBooked { person, other: o } => {
            format!("{} is also booked for the {}.", person_name(person), other(o))
        }
        ConflictKind::VenueDoubleBooked { venue, other: o } => {
            format!("{} is also booked for the {}.", venue_name(venue), other(o))
        }
        ConflictKind::PersonUnavailable { person } => {
            let why = busy_why(ctx.block_lists.get(person)).unwrap_or_else(|| "unavailable".into());
            format!("{} is {why} during the {this}.", person_name(person))
        }
        ConflictKind::VenueUnavailable { venue } => {
            let why = busy_why(ctx.venue_blocks.get(venue)).unwrap_or_else(|| "booked".into());
            format!("{} is {why} during the {this}.", venue_name(venue))
        }
        ConflictKind::VenueTooSmall { venue, people, seats } => format!(
            "{} seats {seats}, and {people} people are invited to the {this}.",
            venue_name(venue)
        ),
        ConflictKind::NotWorkingDay => {
            let date = by_id.get(&meeting).map(|m| m.date()).unwrap_or_default();
            let why = if let Some(h) = ctx.cal.holiday(date) {
                format!("a bank holiday ({})", h.title)
            } else if ctx.cal.is_closure(date) {
                "a local closure day".to_string()
            } else {
                format!("a {}", date.format("%A"))
            };
            format!("The {this} is on {why}.")
        }
        ConflictKind::OutsideWorkingHours { person } => {
            // With the hours, so whoever reads it can see the time that would suit.
            let hours = ctx
                .people
                .get(person)
                .map(|p| format!(" ({})", crate::views::pattern_label(&p.working_pattern)))
                .unwrap_or_default();
            format!("The {this} is outside {}'s working hours{hours}.", person_name(person))
        }
        ConflictKind::OutsideStatutoryWindow { rule, deadline } => {
            format!("The {this} is after the deadline of {} ({rule}).", uk_date(*deadline))
        }
        ConflictKind::BeforeDependency { depends_on } => {
            let date = by_id.get(depends_on).map(|m| uk_date(m.date())).unwrap_or_default();
            format!("The {this} is before the initial conference on {date} that it follows.")
        }
        ConflictKind::KindForBirth { child } => {
            let c = ctx.children.get(child);
            let name = c
                .map(|c| ctx.names.child_name(c.id))
                .unwrap_or_else(|| "The child".into());
            match c.and_then(|c| c.birth.date_of_birth()) {
                None => format!(
                    "{name} is not born yet: the {this} should be a pre-birth conference. Book one instead."
                ),
                Some(born) => format!(
                    "{name} was born on {}: the {this} should now be an initial child protection conference. Hold it as one, or cancel it and book one.",
                    uk_date(born)
                ),
            }
        }
        ConflictKind::AlsoBooked { other: o } => format!(
            "The {} is already booked: move that one, or cancel it, rather than book a second.",
            other(o)
        ),
        ConflictKind::NoParentInvited => {
            let children = by_id.get(&meeting).map(|m| m.children.as_slice()).unwrap_or_default();
            if ctx.has_family_recorded(children) {
                format!(
                    "No parent or carer is invited to the {this}. Invite them, or give the reason: only the chair can decide to exclude a parent."
                )
            } else {
                let names: Vec<String> = children
                    .iter()
                    .filter(|c| ctx.children.contains_key(c))
                    .map(|c| ctx.names.child_name(*c))
                    .collect();
                let whose = if names.is_empty() {
                    "the child".to_string()
                } else {
                    names.join(" or ")
                };
                format!(
                    "No parent or carer of {whose} is recorded, so none is invited to the {this}. Add them to the child's network and invite them, or give the reason."
                )
            }
        }
    };
    Conflict { meeting, kind, message }
}
