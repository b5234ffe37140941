//! Convene's meetings as invitations: one meeting (REQUEST, or CANCEL once cancelled) or a
//! person's whole calendar (PUBLISH). Children appear by initials only: invitations travel by
//! e-mail and sit in other organisations' calendars, so they carry as little about a child as
//! lets the invitee recognise the meeting.

use chrono::{DateTime, Utc};
use convene_core::dataset::Dataset;
use convene_core::{
    model::initials, Attendance, Location, Meeting, MeetingId, MeetingStatus, Person, PersonId, ValidationError, Venue,
};

use crate::write::{calendar, Attendee, EventStatus, InviteEvent, Method, PartStat, Party};

fn party(p: &Person) -> Option<Party> {
    let email = p.email.as_deref()?.trim();
    (!email.is_empty()).then(|| Party {
        name: p.name.clone(),
        email: email.to_string(),
    })
}

/// Everyone taking part who has an e-mail address, each once: the invitees, and the chair and
/// minute-taker as required attendees (the chair not when they are the organizer).
fn attendees(m: &Meeting, organizer: Option<PersonId>, party_of: &dyn Fn(PersonId) -> Option<Party>) -> Vec<Attendee> {
    let mut seen: Vec<PersonId> = Vec::new();
    let mut out = Vec::new();
    let staff = m
        .chair
        .filter(|c| Some(*c) != organizer)
        .into_iter()
        .chain(m.minute_taker)
        .map(|p| (p, true, Attendance::Invited));
    let invited = m.invitees.iter().map(|i| (i.person, i.required, i.attendance));
    // An invitee's own entry (with their attendance) wins over the staff line for the same person.
    let mut all: Vec<(PersonId, bool, Attendance)> = invited.collect();
    all.extend(staff.filter(|(p, _, _)| !m.invitees.iter().any(|i| i.person == *p)));
    for (p, required, attendance) in all {
        if seen.contains(&p) {
            continue;
        }
        seen.push(p);
        if let Some(party) = party_of(p) {
            out.push(Attendee {
                party,
                required,
                partstat: Some(match attendance {
                    Attendance::Invited => PartStat::NeedsAction,
                    Attendance::Attended => PartStat::Accepted,
                    Attendance::Apologies | Attendance::DidNotAttend => PartStat::Declined,
                }),
            });
        }
    }
    out
}

fn event(ds: &Dataset, m: &Meeting, organizer: Option<PersonId>, stamp: DateTime<Utc>) -> InviteEvent {
    let person = |id: PersonId| ds.people.iter().find(|p| p.id == id);
    let kids: Vec<String> = m
        .children
        .iter()
        .filter_map(|c| ds.children.iter().find(|x| x.id == *c))
        .map(|c| initials(&c.given_name, &c.family_name))
        .collect();
    let location = match &m.location {
        Location::Venue { venue } => ds.venues.iter().find(|v| v.id == *venue).map(Venue::name_and_address),
        Location::Online { joining_details } => Some(format!("Online: {joining_details}")),
    };
    let chair = m.chair.and_then(person).map(|p| p.name.clone());
    // The organizer: the sender, else the chair, the first of them with an e-mail address.
    let reachable = |id: &PersonId| person(*id).and_then(party).is_some();
    let sender = organizer.filter(reachable).or(m.chair.filter(reachable));
    let mut description = format!("{} for {}.", m.kind.title(), kids.join(", "));
    if let Some(c) = &chair {
        description.push_str(&format!("\nChair: {c}."));
    }
    description.push_str("\nThe agenda follows separately. Confidential: do not forward.");
    InviteEvent {
        uid: m.calendar_uid(),
        sequence: m.sequence,
        start: m.start.with_timezone(&Utc),
        end: m.end.with_timezone(&Utc),
        stamp,
        summary: format!("{} ({})", m.kind.title(), kids.join(", ")),
        description,
        location,
        organizer: sender.and_then(person).and_then(party),
        attendees: attendees(m, sender, &|id| person(id).and_then(party)),
        status: match m.status {
            MeetingStatus::Cancelled { .. } => EventStatus::Cancelled,
            _ => EventStatus::Confirmed,
        },
    }
}

/// One meeting's invitation: METHOD:REQUEST, or METHOD:CANCEL (same UID) once it is cancelled.
/// `organizer` is the practitioner sending it (default: the chair).
pub fn meeting_invitation(
    ds: &Dataset,
    meeting: MeetingId,
    organizer: Option<PersonId>,
    stamp: DateTime<Utc>,
) -> Result<String, ValidationError> {
    let m = ds.meeting(meeting)?;
    let method = match m.status {
        MeetingStatus::Cancelled { .. } => Method::Cancel,
        _ => Method::Request,
    };
    Ok(calendar(method, &[event(ds, m, organizer, stamp)]))
}

/// A person's whole calendar (METHOD:PUBLISH): every meeting, not cancelled, that they chair,
/// minute or are invited to, in start order.
pub fn person_calendar(ds: &Dataset, person: PersonId, stamp: DateTime<Utc>) -> Result<String, ValidationError> {
    if !ds.people.iter().any(|p| p.id == person) {
        return Err(ValidationError::UnknownReference {
            what: "Person",
            id: person.to_string(),
        });
    }
    let mut mine: Vec<&Meeting> = ds
        .meetings
        .iter()
        .filter(|m| !matches!(m.status, MeetingStatus::Cancelled { .. }))
        .filter(|m| {
            m.chair == Some(person) || m.minute_taker == Some(person) || m.invitees.iter().any(|i| i.person == person)
        })
        .collect();
    mine.sort_by_key(|m| (m.start, m.id));
    let events: Vec<InviteEvent> = mine.iter().map(|m| event(ds, m, None, stamp)).collect();
    Ok(calendar(Method::Publish, &events))
}
