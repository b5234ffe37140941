//! Meeting agendas: templates per meeting kind (defaults from AGENDAS.md, editable and stored in
//! the settings, with a reset), and the rendered agenda a chair prints — in two variants, one for
//! professionals and one in plain language for the family.
//!
//! The rendered [`Agenda`] carries everything AGENDAS.md says a printed agenda must: the kind,
//! date, start and end, venue or joining details, chair, minute-taker, the children as the user
//! chose to show them with their date of birth or expected date of delivery, the invitees with
//! role and agency, the statutory deadline the meeting meets and whether it is within timescale,
//! and a confidentiality notice. Text, HTML and (in `convene-pdf`) PDF are renderings of it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkingDayCalendar;
use crate::dataset::Dataset;
use crate::error::{CalendarError, ValidationError};
use crate::ids::*;
use crate::model::*;
use crate::queries::Names;
use crate::rules::RulePack;
use crate::settings::Settings;
use crate::time::to_london;
use crate::timescales::{DueItem, DueStatus, Source};

mod render;
mod template;

pub use render::{to_html, to_text};
pub use template::{
    clean_items, default_items, items, reset_template, set_template, templates, AgendaTemplate, TemplateView,
    MAX_ITEMS, MAX_ITEM_CHARS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Variant {
    /// For the professionals invited: the full agenda with the statutory detail.
    #[default]
    Professional,
    /// For the family: plain language, no jargon, larger type.
    Family,
}

impl Variant {
    pub const ALL: [Variant; 2] = [Variant::Professional, Variant::Family];
    pub fn id(&self) -> &'static str {
        match self {
            Variant::Professional => "professional",
            Variant::Family => "family",
        }
    }
    pub fn parse(text: &str) -> Result<Self, ValidationError> {
        Self::ALL
            .into_iter()
            .find(|v| v.id() == text.trim())
            .ok_or_else(|| ValidationError::UnknownName {
                what: "agenda variant",
                text: text.to_string(),
                known: "professional, family".into(),
            })
    }
}

/// One invitee line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaInvitee {
    pub name: String,
    pub role: String,
    /// The organisation; empty for the child's family and friends, who come as themselves.
    pub agency: String,
    pub required: bool,
}

/// One line of an agenda's facts block: "When" → "Tuesday 12 May 2026, 10:00–11:30".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaFact {
    pub label: String,
    pub value: String,
}

/// A rendered agenda: every line as it is printed. Every renderer (text, HTML, PDF, the app's
/// screen) prints these fields as they are and adds no wording of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Agenda {
    pub meeting: MeetingId,
    pub variant: Variant,
    /// "Initial child protection conference".
    pub title: String,
    /// For families, a sentence saying what the meeting is for.
    pub purpose: Option<String>,
    /// "Tuesday 12 May 2026, 10:00–11:30".
    pub when: String,
    /// "Where" or "How to join".
    pub place_label: String,
    pub place: String,
    pub chair: Option<String>,
    pub minute_taker: Option<String>,
    /// "Amelia Hart, born 3 March 2019".
    pub children: Vec<String>,
    pub invitees: Vec<AgendaInvitee>,
    /// The statutory deadline this meeting meets, and whether it is within timescale.
    pub timescale: Option<String>,
    /// Set when the meeting has been cancelled or has already been held.
    pub status: Option<String>,
    pub items: Vec<String>,
    pub notice: String,
    /// The facts block, in print order (when, where, children, chair, minute-taker, timescale).
    pub facts: Vec<AgendaFact>,
    /// "Invited" or "Who is invited".
    pub invitees_heading: String,
    /// "Agenda" or "What we will talk about".
    pub items_heading: String,
}

/// "Tuesday 12 May 2026, 10:00–11:30" in UK time (the end date is added if it differs).
pub fn when_text(start: chrono::DateTime<chrono::FixedOffset>, end: chrono::DateTime<chrono::FixedOffset>) -> String {
    let (s, e) = (to_london(start), to_london(end));
    if s.date_naive() == e.date_naive() {
        format!(
            "{}, {}–{}",
            s.format("%A %-d %B %Y"),
            s.format("%H:%M"),
            e.format("%H:%M")
        )
    } else {
        format!(
            "{}, {} to {}, {}",
            s.format("%A %-d %B %Y"),
            s.format("%H:%M"),
            e.format("%A %-d %B %Y"),
            e.format("%H:%M")
        )
    }
}

/// "Tuesday 12 May 2026".
pub fn long_date(d: NaiveDate) -> String {
    d.format("%A %-d %B %Y").to_string()
}

fn family_purpose(kind: MeetingKind, children: &str) -> String {
    match kind {
        MeetingKind::StrategyDiscussion => format!("Professionals meet to share what they know about {children} and decide what to do next."),
        MeetingKind::Icpc => format!("A meeting with you and the professionals who know your family, to decide how to keep {children} safe."),
        MeetingKind::PreBirthConference => format!("A meeting with you and the professionals who know your family, to plan how to keep {children} safe after the birth."),
        MeetingKind::ReviewConference => format!("A meeting to look at how the plan to keep {children} safe is going."),
        MeetingKind::CoreGroup => format!("The people who work most closely with your family meet to check the plan for {children} and agree what happens next."),
        MeetingKind::CinReview => format!("A meeting to look at the help your family is getting for {children} and whether it is working."),
        MeetingKind::FamilyNetworkMeeting => format!("Your family and friends meet to make a plan to keep {children} safe."),
        MeetingKind::LacReview => format!("A meeting to check that the plan for {children} is right and that they are well cared for."),
        MeetingKind::ProfessionalsMeeting => format!("Professionals meet to share what they know about {children} and agree who does what."),
    }
}

const PROFESSIONAL_NOTICE: &str =
    "Confidential. This agenda holds personal information about children and their families. \
Share it only with the people invited, under your local safeguarding partnership's information-sharing agreement; \
do not forward it or leave it where others can read it.";
const FAMILY_NOTICE: &str = "This paper is private. It is about your family. Please keep it safe and do not share it with \
people who are not coming to the meeting. If anything on it is wrong or hard to understand, please tell your social worker.";

fn child_line(c: &Child, name: &str, variant: Variant) -> String {
    match (&c.birth, variant) {
        (Birth::Born { date_of_birth, .. }, _) => format!("{name}, born {}", date_of_birth.format("%-d %B %Y")),
        (Birth::Unborn { expected_delivery }, Variant::Professional) => {
            format!(
                "{name} (unborn), expected date of delivery {}",
                expected_delivery.format("%-d %B %Y")
            )
        }
        (Birth::Unborn { expected_delivery }, Variant::Family) => {
            format!("{name}, baby due {}", expected_delivery.format("%-d %B %Y"))
        }
    }
}

/// The timescale line: the due items of the meeting's children that this meeting meets (held)
/// or would meet (planned).
fn timescale_line(m: &Meeting, items: &[DueItem], pack: &RulePack, variant: Variant) -> Option<String> {
    let mine = |i: &&DueItem| {
        m.children.contains(&i.child)
            && (i.met_by == Some(Source::Meeting(m.id)) || i.scheduled.is_some_and(|s| s.meeting == m.id))
    };
    let item = items.iter().filter(mine).min_by_key(|i| i.deadline)?;
    let within = match item.status {
        DueStatus::Met => true,
        DueStatus::MetLate => false,
        _ => item.scheduled.is_some_and(|s| s.within_deadline),
    };
    let deadline = long_date(item.deadline);
    Some(match variant {
        Variant::Professional => {
            let title = pack
                .rules
                .iter()
                .find(|r| r.id == item.rule.as_str())
                .map(|r| r.title.clone())
                .unwrap_or_else(|| item.rule.to_string());
            let verdict = if within {
                "within timescale"
            } else {
                "OUTSIDE timescale"
            };
            format!("{title}: due by {deadline}; this meeting is {verdict}.")
        }
        Variant::Family => {
            if within {
                format!("This meeting has to happen by {deadline}. It is on time.")
            } else {
                format!("This meeting should have happened by {deadline}. It is late.")
            }
        }
    })
}

/// Renders the agenda of one meeting. `as_of` is today (the caller reads the clock).
pub fn build(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    settings: &Settings,
    meeting: MeetingId,
    variant: Variant,
    as_of: NaiveDate,
) -> Result<Agenda, AgendaError> {
    let m = ds.meeting(meeting)?;
    let names = Names::new(ds);
    let children: Vec<&Child> = m
        .children
        .iter()
        .filter_map(|id| ds.children.iter().find(|c| c.id == *id))
        .collect();
    let items = crate::schedule::planning::items_for(pack, cal, ds, &m.children, as_of)?;
    // A parent's organisation is not "Family and friends": theirs is left empty.
    let agency = |p: &Person| {
        ds.agencies
            .iter()
            .find(|a| a.id == p.agency && a.kind != AgencyKind::Family)
            .map(|a| a.name.clone())
            .unwrap_or_default()
    };
    let mut invitees: Vec<AgendaInvitee> = m
        .invitees
        .iter()
        .filter_map(|i| names.person(i.person).map(|p| (i, p)))
        .map(|(i, p)| AgendaInvitee {
            name: p.name.clone(),
            role: p.role.clone(),
            agency: agency(p),
            required: i.required,
        })
        .collect();
    invitees.sort_by(|a, b| (!a.required, &a.agency, &a.name).cmp(&(!b.required, &b.agency, &b.name)));
    let child_names = names.meeting_children(&children.iter().map(|c| c.id).collect::<Vec<_>>());
    let joined = match child_names.as_slice() {
        [] => "the child".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    let (place_label, place) = match &m.location {
        Location::Venue { venue } => (
            "Where",
            ds.venues
                .iter()
                .find(|v| v.id == *venue)
                .map(Venue::name_and_address)
                .unwrap_or_else(|| "(unknown venue)".into()),
        ),
        Location::Online { joining_details } => ("How to join", format!("Online: {joining_details}")),
    };
    let status = match &m.status {
        MeetingStatus::Cancelled { reason } => Some(format!("This meeting has been cancelled: {reason}")),
        MeetingStatus::Held => Some("This meeting has already taken place.".to_string()),
        MeetingStatus::Planned => None,
    };
    let mut agenda = Agenda {
        meeting: m.id,
        variant,
        title: m.kind.title().to_string(),
        purpose: (variant == Variant::Family).then(|| family_purpose(m.kind, &joined)),
        when: when_text(m.start, m.end),
        place_label: place_label.to_string(),
        place,
        // With their role, so a family knows who is leading: "Kwame Mensah (Social worker)".
        chair: m.chair.map(|p| names.person_with_role(p)),
        minute_taker: m.minute_taker.map(|p| names.person_name(p)),
        children: children
            .iter()
            .zip(&child_names)
            .map(|(c, name)| child_line(c, name, variant))
            .collect(),
        invitees,
        timescale: timescale_line(m, &items, pack, variant),
        status,
        items: self::items(settings, m.kind, variant),
        notice: match variant {
            Variant::Professional => PROFESSIONAL_NOTICE,
            Variant::Family => FAMILY_NOTICE,
        }
        .to_string(),
        facts: vec![],
        invitees_heading: invitees_heading(variant).to_string(),
        items_heading: items_heading(variant).to_string(),
    };
    agenda.facts = facts(&agenda);
    Ok(agenda)
}

/// Why an agenda cannot be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AgendaError {
    #[error(transparent)]
    Validation(#[from] ValidationError),
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

/// The facts block, in print order.
fn facts(a: &Agenda) -> Vec<AgendaFact> {
    let mut out = vec![
        ("When".to_string(), a.when.clone()),
        (a.place_label.clone(), a.place.clone()),
    ];
    let child_label = match (a.variant, a.children.len()) {
        (Variant::Family, _) => "About",
        (Variant::Professional, 1) => "Child",
        (Variant::Professional, _) => "Children",
    };
    out.push((child_label.to_string(), a.children.join("; ")));
    if let Some(c) = &a.chair {
        out.push((
            match a.variant {
                Variant::Professional => "Chair",
                Variant::Family => "Leading the meeting",
            }
            .to_string(),
            c.clone(),
        ));
    }
    if let Some(mt) = &a.minute_taker {
        out.push((
            match a.variant {
                Variant::Professional => "Minute-taker",
                Variant::Family => "Taking notes",
            }
            .to_string(),
            mt.clone(),
        ));
    }
    if let Some(t) = &a.timescale {
        out.push((
            match a.variant {
                Variant::Professional => "Timescale",
                Variant::Family => "When it must happen",
            }
            .to_string(),
            t.clone(),
        ));
    }
    out.into_iter()
        .map(|(label, value)| AgendaFact { label, value })
        .collect()
}

/// Heading of the invitees table, by variant.
fn invitees_heading(v: Variant) -> &'static str {
    match v {
        Variant::Professional => "Invited",
        Variant::Family => "Who is invited",
    }
}

/// Heading of the items list, by variant.
fn items_heading(v: Variant) -> &'static str {
    match v {
        Variant::Professional => "Agenda",
        Variant::Family => "What we will talk about",
    }
}

#[cfg(test)]
mod tests;
