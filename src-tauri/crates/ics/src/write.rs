//! Writing meeting invitations as iCalendar text (RFC 5545), with the scheduling methods of
//! iTIP (RFC 5546): `REQUEST` to invite or reschedule, `CANCEL` to call a meeting off and
//! `PUBLISH` to export a person's whole calendar.
//!
//! Like the rest of the crate this does no IO and reads no clock: `DTSTAMP` is a parameter.
//!
//! What is written:
//! - One `VCALENDAR` with `VERSION:2.0`, `PRODID:-//Convene//Convene//EN`,
//!   `CALSCALE:GREGORIAN` and the `METHOD`, then a `VTIMEZONE` for `Europe/London` (written
//!   even when no event uses it), then one `VEVENT` per event in the order given.
//! - Times are written as UK wall-clock time, `DTSTART;TZID=Europe/London:20260512T100000`,
//!   to the second (fractions of a second are dropped). Two kinds of instant are written in
//!   UTC instead (`DTSTART:20261025T013000Z`), because their UK wall-clock time would be read
//!   back as a different instant: the second 01:00–01:59 of the October clock change (RFC 5545
//!   §3.3.5 says a repeated wall-clock time means the first one), and instants for which the
//!   `VTIMEZONE` written here does not give the same UK time as the tz database (before its
//!   rules start in 1996, or if UK clock rules ever change).
//! - `DTSTAMP` is written in UTC. `SEQUENCE` is written as given: the caller bumps it on
//!   every reschedule and on cancelling, so calendars replace their copy.
//! - `STATUS` is the event's own, except that under `METHOD:CANCEL` every event is written
//!   `STATUS:CANCELLED`.
//! - `SUMMARY` is always written (it may be empty); `DESCRIPTION` and `LOCATION` only when
//!   they are not empty.
//! - `ORGANIZER;CN=…:mailto:…` when there is an organizer with an email address.
//! - `ATTENDEE;CN=…;ROLE=REQ-PARTICIPANT|OPT-PARTICIPANT;PARTSTAT=…:mailto:…` for each
//!   attendee under `REQUEST` (with `RSVP=TRUE`) and `CANCEL` (without). An attendee whose
//!   email is empty (after trimming) is left out: an `ATTENDEE` must be an address.
//! - Under `PUBLISH` no `ATTENDEE`s are written: RFC 5546 §3.2.1 says a published event has
//!   none, and an exported calendar should not send invitations or replies to anyone when it
//!   is imported. The organizer is kept.
//!
//! Escaping and layout:
//! - TEXT values (`UID`, `SUMMARY`, `DESCRIPTION`, `LOCATION`) escape `\`, `;`, `,` and line
//!   breaks (`\r\n`, `\r` or `\n` become `\n`); other control characters except tab, which
//!   TEXT may not contain, are dropped.
//! - `CN` values lose `"` (which a parameter cannot contain) and have control characters
//!   turned into spaces, runs of white space collapsed and the ends trimmed; they are put in
//!   double quotes when they contain `:`, `;` or `,`. An empty name leaves `CN` out.
//! - Email addresses are trimmed, lose control characters and an existing `mailto:` prefix;
//!   nothing else is changed (`CAL-ADDRESS` values are not escaped).
//! - Lines end in CRLF and are folded so that no line is longer than 75 octets, never inside
//!   a UTF-8 character.
//!
//! The caller is responsible for what only it can know: that `end` is after `start`, that
//! UIDs are unique and stable, and that years are between 1 and 9999.

mod lines;
mod timezone;

use chrono::{DateTime, Utc};

use lines::{cal_address, cn_param, escape_text, Lines};
use timezone::{time_property, utc_value, LONDON_VTIMEZONE};

/// The `PRODID` written into every calendar.
pub const PRODID: &str = "-//Convene//Convene//EN";

/// The `TZID` of the one time zone invitations are written in.
pub const INVITE_TZID: &str = "Europe/London";

/// The iTIP method of a calendar (RFC 5546 §1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// An invitation, or an update to one (a new time, place or list of people).
    Request,
    /// The meeting is called off.
    Cancel,
    /// A copy of events for someone's calendar, not asking anyone anything; attendees are
    /// left out.
    Publish,
}

impl Method {
    /// The value written after `METHOD:`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
            Method::Publish => "PUBLISH",
        }
    }
}

/// An event's `STATUS`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventStatus {
    /// `STATUS:CONFIRMED`.
    Confirmed,
    /// `STATUS:CANCELLED`.
    Cancelled,
}

impl EventStatus {
    /// The value written after `STATUS:`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        }
    }
}

/// An attendee's reply so far (`PARTSTAT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartStat {
    /// `NEEDS-ACTION`: not replied yet.
    NeedsAction,
    /// `ACCEPTED`.
    Accepted,
    /// `DECLINED`.
    Declined,
    /// `TENTATIVE`.
    Tentative,
}

impl PartStat {
    /// The value written after `PARTSTAT=`.
    pub fn as_str(self) -> &'static str {
        match self {
            PartStat::NeedsAction => "NEEDS-ACTION",
            PartStat::Accepted => "ACCEPTED",
            PartStat::Declined => "DECLINED",
            PartStat::Tentative => "TENTATIVE",
        }
    }
}

/// A person: their display name (`CN`) and email address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Party {
    /// Display name; may be empty.
    pub name: String,
    /// Email address, without `mailto:` (one is removed if present); empty if unknown.
    pub email: String,
}

/// Someone invited to a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Attendee {
    /// Who they are. Left out of the calendar if their email is empty.
    pub party: Party,
    /// `ROLE=REQ-PARTICIPANT` when true, `ROLE=OPT-PARTICIPANT` when false.
    pub required: bool,
    /// Their reply so far; `None` is written as `PARTSTAT=NEEDS-ACTION`.
    pub partstat: Option<PartStat>,
}

/// One meeting to write as a `VEVENT`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InviteEvent {
    /// Stable identifier, the same for every update and the cancellation, e.g.
    /// `"<meeting uuid>@convene.local"`.
    pub uid: String,
    /// Bumped by the caller on every reschedule or cancellation.
    pub sequence: u32,
    /// When the meeting starts.
    pub start: DateTime<Utc>,
    /// When it ends; must be after `start`.
    pub end: DateTime<Utc>,
    /// When this version of the invitation was made (`DTSTAMP`).
    pub stamp: DateTime<Utc>,
    /// Title (`SUMMARY`).
    pub summary: String,
    /// Free text (`DESCRIPTION`); any characters, including line breaks. Left out if empty.
    pub description: String,
    /// Where (`LOCATION`); left out if `None` or empty.
    pub location: Option<String>,
    /// Who sends the invitation (`ORGANIZER`); left out if `None` or without an email.
    pub organizer: Option<Party>,
    /// Who is invited (`ATTENDEE`s).
    pub attendees: Vec<Attendee>,
    /// `STATUS`; always written as `CANCELLED` under [`Method::Cancel`].
    pub status: EventStatus,
}

/// The iCalendar text (CRLF line ends, folded at 75 octets) of a calendar with `method` and
/// one `VEVENT` per event. See the [module documentation](self) for exactly what is written.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use convene_ics::{calendar, EventStatus, InviteEvent, Method};
///
/// let event = InviteEvent {
///     uid: "3f1c@convene.local".into(),
///     sequence: 0,
///     start: Utc.with_ymd_and_hms(2026, 7, 14, 9, 0, 0).unwrap(),
///     end: Utc.with_ymd_and_hms(2026, 7, 14, 10, 30, 0).unwrap(),
///     stamp: Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap(),
///     summary: "Core group".into(),
///     description: String::new(),
///     location: None,
///     organizer: None,
///     attendees: vec![],
///     status: EventStatus::Confirmed,
/// };
/// let ics = calendar(Method::Request, &[event]);
/// assert!(ics.contains("\r\nDTSTART;TZID=Europe/London:20260714T100000\r\n"));
/// ```
pub fn calendar(method: Method, events: &[InviteEvent]) -> String {
    let mut out = Lines::default();
    out.push("BEGIN:VCALENDAR");
    out.push("VERSION:2.0");
    out.push(&format!("PRODID:{PRODID}"));
    out.push("CALSCALE:GREGORIAN");
    out.push(&format!("METHOD:{}", method.as_str()));
    for line in LONDON_VTIMEZONE {
        out.push(line);
    }
    for event in events {
        write_event(&mut out, method, event);
    }
    out.push("END:VCALENDAR");
    out.text
}

fn write_event(out: &mut Lines, method: Method, event: &InviteEvent) {
    out.push("BEGIN:VEVENT");
    out.push(&format!("UID:{}", escape_text(&event.uid)));
    out.push(&format!("SEQUENCE:{}", event.sequence));
    out.push(&format!("DTSTAMP:{}", utc_value(event.stamp)));
    out.push(&time_property("DTSTART", event.start));
    out.push(&time_property("DTEND", event.end));
    out.push(&format!("SUMMARY:{}", escape_text(&event.summary)));
    if !event.description.is_empty() {
        out.push(&format!("DESCRIPTION:{}", escape_text(&event.description)));
    }
    if let Some(location) = event.location.as_deref().filter(|l| !l.is_empty()) {
        out.push(&format!("LOCATION:{}", escape_text(location)));
    }
    if let Some(organizer) = &event.organizer {
        if let Some(address) = cal_address(&organizer.email) {
            out.push(&format!("ORGANIZER{}:{address}", cn_param(&organizer.name)));
        }
    }
    if method != Method::Publish {
        for attendee in &event.attendees {
            let Some(address) = cal_address(&attendee.party.email) else {
                continue;
            };
            let role = if attendee.required {
                "REQ-PARTICIPANT"
            } else {
                "OPT-PARTICIPANT"
            };
            let partstat = attendee.partstat.unwrap_or(PartStat::NeedsAction).as_str();
            let rsvp = if method == Method::Request { ";RSVP=TRUE" } else { "" };
            out.push(&format!(
                "ATTENDEE{};ROLE={role};PARTSTAT={partstat}{rsvp}:{address}",
                cn_param(&attendee.party.name)
            ));
        }
    }
    let status = if method == Method::Cancel {
        EventStatus::Cancelled
    } else {
        event.status
    };
    out.push(&format!("STATUS:{}", status.as_str()));
    out.push("END:VEVENT");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    fn party(name: &str, email: &str) -> Party {
        Party {
            name: name.to_owned(),
            email: email.to_owned(),
        }
    }

    fn event() -> InviteEvent {
        InviteEvent {
            uid: "6c1d0b1e-2f7a-4c55-9a43-0d3f2b1c9e77@convene.local".to_owned(),
            sequence: 0,
            start: utc(2026, 7, 14, 9, 0),
            end: utc(2026, 7, 14, 10, 30),
            stamp: utc(2026, 6, 1, 12, 0),
            summary: "Child protection core group".to_owned(),
            description: "Agenda:\n1. Actions".to_owned(),
            location: Some("Room 2, Civic Centre".to_owned()),
            organizer: Some(party("Sam Social Worker", "sam@council.example")),
            attendees: vec![
                Attendee {
                    party: party("Dr Ade, GP", "ade@nhs.example"),
                    required: true,
                    partstat: None,
                },
                Attendee {
                    party: party("Head teacher", "head@school.example"),
                    required: false,
                    partstat: Some(PartStat::Accepted),
                },
                Attendee {
                    party: party("No email", ""),
                    required: true,
                    partstat: None,
                },
            ],
            status: EventStatus::Confirmed,
        }
    }

    /// The calendar's lines with folding undone.
    fn unfolded(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "").split("\r\n").map(str::to_owned).collect()
    }

    fn has_line(ics: &str, line: &str) -> bool {
        unfolded(ics).iter().any(|l| l == line)
    }

    #[test]
    fn every_line_of_a_calendar_is_short_and_crlf() {
        let mut e = event();
        e.description = "Ünïcödé, text; with\\ breaks\n".repeat(40) + &"🧒".repeat(60);
        e.summary = "S".repeat(200);
        let ics = calendar(Method::Request, &[e.clone()]);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains(['\r', '\n']));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let description = format!("DESCRIPTION:{}", escape_text(&e.description));
        assert!(has_line(&ics, &description));
    }

    #[test]
    fn request_has_the_calendar_and_event_properties() {
        let ics = calendar(Method::Request, &[event()]);
        let lines = unfolded(&ics);
        assert_eq!(
            lines[..5],
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Convene//Convene//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:REQUEST"
            ]
        );
        let expected_event = [
            "BEGIN:VEVENT",
            "UID:6c1d0b1e-2f7a-4c55-9a43-0d3f2b1c9e77@convene.local",
            "SEQUENCE:0",
            "DTSTAMP:20260601T120000Z",
            "DTSTART;TZID=Europe/London:20260714T100000",
            "DTEND;TZID=Europe/London:20260714T113000",
            "SUMMARY:Child protection core group",
            "DESCRIPTION:Agenda:\\n1. Actions",
            "LOCATION:Room 2\\, Civic Centre",
            "ORGANIZER;CN=Sam Social Worker:mailto:sam@council.example",
            "ATTENDEE;CN=\"Dr Ade, GP\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ade@nhs.example",
            "ATTENDEE;CN=Head teacher;ROLE=OPT-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:head@school.example",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ];
        assert_eq!(lines[lines.len() - expected_event.len()..], expected_event);
        assert_eq!(lines.iter().filter(|l| l.starts_with("ATTENDEE")).count(), 2);
    }

    #[test]
    fn vtimezone_is_written_once() {
        let ics = calendar(Method::Publish, &[event(), event()]);
        assert_eq!(ics.matches("BEGIN:VTIMEZONE\r\n").count(), 1);
        for line in LONDON_VTIMEZONE {
            assert!(has_line(&ics, line), "{line}");
        }
        let empty = calendar(Method::Publish, &[]);
        assert!(has_line(&empty, "TZID:Europe/London"));
        assert!(!empty.contains("VEVENT"));
    }

    #[test]
    fn cancel_keeps_uid_and_sequence_and_cancels() {
        let mut e = event();
        e.sequence = 3;
        let ics = calendar(Method::Cancel, &[e]);
        assert!(has_line(&ics, "METHOD:CANCEL"));
        assert!(has_line(&ics, "UID:6c1d0b1e-2f7a-4c55-9a43-0d3f2b1c9e77@convene.local"));
        assert!(has_line(&ics, "SEQUENCE:3"));
        assert!(has_line(&ics, "STATUS:CANCELLED"));
        assert!(!ics.contains("STATUS:CONFIRMED"));
        assert!(!ics.contains("RSVP"));
        assert_eq!(ics.matches("\r\nATTENDEE").count(), 2);
    }

    #[test]
    fn status_and_sequence_are_written_as_given() {
        let mut e = event();
        e.sequence = 42;
        e.status = EventStatus::Cancelled;
        let ics = calendar(Method::Request, &[e]);
        assert!(has_line(&ics, "SEQUENCE:42"));
        assert!(has_line(&ics, "STATUS:CANCELLED"));
    }

    #[test]
    fn publish_leaves_attendees_out() {
        let ics = calendar(Method::Publish, &[event()]);
        assert!(has_line(&ics, "METHOD:PUBLISH"));
        assert!(!ics.contains("ATTENDEE"));
        assert!(has_line(
            &ics,
            "ORGANIZER;CN=Sam Social Worker:mailto:sam@council.example"
        ));
    }

    #[test]
    fn optional_properties_are_left_out_when_empty() {
        let mut e = event();
        e.description = String::new();
        e.location = Some(String::new());
        e.organizer = Some(party("Nobody", " "));
        e.summary = String::new();
        let ics = calendar(Method::Request, &[e.clone()]);
        assert!(!ics.contains("DESCRIPTION"));
        assert!(!ics.contains("LOCATION"));
        assert!(!ics.contains("ORGANIZER"));
        assert!(has_line(&ics, "SUMMARY:"));
        e.location = None;
        e.organizer = None;
        let ics = calendar(Method::Request, &[e]);
        assert!(!ics.contains("LOCATION"));
        assert!(!ics.contains("ORGANIZER"));
    }

    #[test]
    fn hostile_text_cannot_add_lines() {
        let mut e = event();
        e.summary = "Meeting\r\nATTENDEE:mailto:evil@example".to_owned();
        e.attendees[0].party.name = "Eve\r\nATTENDEE:mailto:evil@example".to_owned();
        e.attendees[0].party.email = "eve@example\r\nATTENDEE:mailto:evil@example".to_owned();
        let ics = calendar(Method::Request, &[e]);
        let attendee_lines = unfolded(&ics).into_iter().filter(|l| l.starts_with("ATTENDEE")).count();
        assert_eq!(attendee_lines, 2);
    }
}
