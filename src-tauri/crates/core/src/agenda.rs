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

/// Most items a template may have: the agenda is meant to fit one page.
pub const MAX_ITEMS: usize = 20;
/// Longest item, in characters.
pub const MAX_ITEM_CHARS: usize = 200;

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

/// A locally edited template: the items of one variant of one kind's agenda. Kinds and variants
/// with no edit use the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaTemplate {
    pub kind: MeetingKind,
    pub variant: Variant,
    pub items: Vec<String>,
}

/// One kind's template as the settings screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateView {
    pub kind: MeetingKind,
    pub kind_title: String,
    pub variant: Variant,
    pub items: Vec<String>,
    pub edited: bool,
}

/// The default items, from AGENDAS.md for professionals and in plain words for families.
pub fn default_items(kind: MeetingKind, variant: Variant) -> Vec<String> {
    let items: &[&str] = match (kind, variant) {
        (MeetingKind::StrategyDiscussion, Variant::Professional) => &[
            "Introductions, purpose, confidentiality",
            "Family details, other children in the household",
            "Reason for the meeting and the concerns",
            "Information from each agency",
            "Worries, what's working well, emerging danger statement",
            "Decision: section 47 enquiry / single or joint investigation / assessment / no further action",
            "Achieving best evidence interview, medical, legal advice",
            "Immediate safety plan and actions (who, what, by when)",
            "Date of next strategy discussion or ICPC (deadline: 15 working days)",
        ],
        (MeetingKind::StrategyDiscussion, Variant::Family) => &[
            "Who is here and why we are meeting",
            "Your family and the children who live with you",
            "What people are worried about",
            "What each service knows",
            "What is going well, and what worries us",
            "What happens next, and who will talk to you about it",
            "How the children will be kept safe now",
            "When we will meet again",
        ],
        (MeetingKind::Icpc | MeetingKind::PreBirthConference, Variant::Professional) => &[
            "Introductions, purpose, confidentiality, apologies",
            "Reports received and shared (social work report, agency reports)",
            "Family details and reason for the conference",
            "What's working well",
            "What are we worried about (past harm, future danger, complicating factors)",
            "The child's wishes and views; parents' views",
            "Danger statement, safety goals, scaling",
            "Decision: child protection plan needed? Category (neglect, physical, emotional, sexual, multiple)",
            "Outline plan: what needs to happen",
            "Core group membership; first core group (within 10 working days); first review (within 3 months)",
        ],
        (MeetingKind::Icpc | MeetingKind::PreBirthConference, Variant::Family) => &[
            "Who is here, and why we are meeting",
            "The reports you have been given",
            "Why we are worried",
            "What is going well for your family",
            "What we are worried about",
            "What your child wants, and what you think",
            "What needs to change to keep your child safe",
            "Deciding if your child needs a child protection plan",
            "What will happen next",
            "Who will meet with you to help, and when we meet again",
        ],
        (MeetingKind::ReviewConference, Variant::Professional) => &[
            "Introductions, purpose, apologies",
            "Progress against the plan's outcomes since the last conference",
            "Child's views; parents' views",
            "Current worries and strengths; scaling",
            "Are agencies coordinating well? Further assessment needed?",
            "Decision: continue, change, or end the plan (step down to a child-in-need plan); category",
            "Next review (within 6 months)",
        ],
        (MeetingKind::ReviewConference, Variant::Family) => &[
            "Who is here, and why we are meeting",
            "What has changed since the last meeting",
            "What your child wants, and what you think",
            "What is going well, and what still worries us",
            "Is everyone helping in the right way?",
            "Deciding if the plan should carry on, change, or end",
            "When we meet again",
        ],
        (MeetingKind::CoreGroup, Variant::Professional) => &[
            "Apologies; membership check",
            "The children and categories of the plan",
            "Visits since the last meeting (child seen, seen alone)",
            "Updates from each agency and the family",
            "Review and update the plan: actions, owners, deadlines",
            "Safeguarding check: any new worries?",
            "Next core group date",
        ],
        (MeetingKind::CoreGroup, Variant::Family) => &[
            "Who is here",
            "The plan for your children",
            "Visits since we last met",
            "News from you and from each service",
            "What needs doing next, who will do it, and by when",
            "Any new worries",
            "When we meet again",
        ],
        (MeetingKind::CinReview, Variant::Professional) => &[
            "The child's needs and priorities; child's and parents' views",
            "Services provided and their effect; how often the child is seen",
            "Outcomes achieved; who is responsible for what",
            "Decision: continue, step down to early help, close, or escalate to a strategy discussion",
            "Next review date",
        ],
        (MeetingKind::CinReview, Variant::Family) => &[
            "What your child needs, what they want, and what you think",
            "The help you are getting, and whether it is working",
            "What has got better, and who is doing what",
            "Deciding what happens next",
            "When we meet again",
        ],
        (MeetingKind::FamilyNetworkMeeting, Variant::Professional) => &[
            "Information sharing: the worries and what must change",
            "Private family time",
            "Agree the family plan: tasks, deadlines, checks, back-up plan",
            "Agree the safe network of adults around the child",
        ],
        (MeetingKind::FamilyNetworkMeeting, Variant::Family) => &[
            "What people are worried about, and what must change",
            "Time for your family to talk on your own",
            "Your family's plan: who does what, by when, and what happens if it does not work",
            "The adults who will help keep your child safe",
        ],
        (MeetingKind::LacReview, Variant::Professional) => &[
            "Child's views; parents' and carers' views",
            "Care plan and placement stability",
            "Health, education (personal education plan), contact",
            "Permanence plan",
            "Decisions and next review",
        ],
        (MeetingKind::LacReview, Variant::Family) => &[
            "What the child wants, and what parents and carers think",
            "Where the child lives, and how settled they are",
            "Health, school, and time with family",
            "Plans for the longer term",
            "What we decide, and when we meet again",
        ],
        (MeetingKind::ProfessionalsMeeting, Variant::Professional) => &[
            "Introductions, purpose, confidentiality",
            "Information from each agency",
            "Worries and what is working well",
            "Actions (who, what, by when)",
            "Next meeting",
        ],
        (MeetingKind::ProfessionalsMeeting, Variant::Family) => &[
            "Who is here and why",
            "What each service knows",
            "What is going well, and what worries us",
            "What happens next",
        ],
    };
    items.iter().map(|s| s.to_string()).collect()
}

/// The items in force: the local edit if there is one, else the default.
pub fn items(settings: &Settings, kind: MeetingKind, variant: Variant) -> Vec<String> {
    settings
        .agendas
        .iter()
        .find(|t| t.kind == kind && t.variant == variant)
        .map(|t| t.items.clone())
        .unwrap_or_else(|| default_items(kind, variant))
}

/// Every kind's template in both variants, for the settings screen.
pub fn templates(settings: &Settings) -> Vec<TemplateView> {
    MeetingKind::ALL
        .into_iter()
        .flat_map(|kind| {
            Variant::ALL.into_iter().map(move |variant| TemplateView {
                kind,
                kind_title: kind.title().to_string(),
                variant,
                items: items(settings, kind, variant),
                edited: settings.agendas.iter().any(|t| t.kind == kind && t.variant == variant),
            })
        })
        .collect()
}

/// Checks and tidies an edited list of items (blank lines dropped, spaces trimmed).
pub fn clean_items(items: &[String]) -> Result<Vec<String>, ValidationError> {
    let items: Vec<String> = items
        .iter()
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .collect();
    if items.is_empty() {
        return Err(ValidationError::Empty { field: "The agenda" });
    }
    if items.len() > MAX_ITEMS {
        return Err(ValidationError::TooMany {
            field: "The agenda",
            count: items.len(),
            max: MAX_ITEMS,
        });
    }
    for i in &items {
        let len = i.chars().count();
        if len > MAX_ITEM_CHARS {
            return Err(ValidationError::TooLong {
                field: "An agenda item",
                len,
                max: MAX_ITEM_CHARS,
            });
        }
    }
    Ok(items)
}

/// Stores an edited template in the settings (replacing an earlier edit).
pub fn set_template(
    settings: &mut Settings,
    kind: MeetingKind,
    variant: Variant,
    items: &[String],
) -> Result<(), ValidationError> {
    let items = clean_items(items)?;
    settings.agendas.retain(|t| !(t.kind == kind && t.variant == variant));
    if items != default_items(kind, variant) {
        settings.agendas.push(AgendaTemplate { kind, variant, items });
        settings.agendas.sort_by_key(|t| (t.kind, t.variant));
    }
    Ok(())
}

/// Back to the default items.
pub fn reset_template(settings: &mut Settings, kind: MeetingKind, variant: Variant) {
    settings.agendas.retain(|t| !(t.kind == kind && t.variant == variant));
}

/// One invitee line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaInvitee {
    pub name: String,
    pub role: String,
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

fn child_line(c: &Child, variant: Variant) -> String {
    let name = c.display_name();
    match (&c.birth, variant) {
        (Birth::Born { date_of_birth }, _) => format!("{name}, born {}", date_of_birth.format("%-d %B %Y")),
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
    let agency = |p: &Person| {
        ds.agencies
            .iter()
            .find(|a| a.id == p.agency)
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
    let child_names = children.iter().map(|c| c.display_name()).collect::<Vec<_>>();
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
        chair: m.chair.map(|p| names.person_name(p)),
        minute_taker: m.minute_taker.map(|p| names.person_name(p)),
        children: children.iter().map(|c| child_line(c, variant)).collect(),
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

/// The agenda as plain text (for the terminal, e-mail bodies and snapshot tests).
pub fn to_text(a: &Agenda) -> String {
    let mut out = String::new();
    out.push_str(&a.title);
    out.push('\n');
    out.push_str(&"=".repeat(a.title.chars().count()));
    out.push('\n');
    if let Some(s) = &a.status {
        out.push_str(&format!("\n{s}\n"));
    }
    if let Some(p) = &a.purpose {
        out.push_str(&format!("\n{p}\n"));
    }
    out.push('\n');
    for f in &a.facts {
        out.push_str(&format!("{}: {}\n", f.label, f.value));
    }
    out.push_str(&format!("\n{}\n", a.invitees_heading));
    for i in &a.invitees {
        let need = if i.required { "" } else { " (optional)" };
        out.push_str(&format!("  - {}, {}, {}{need}\n", i.name, i.role, i.agency));
    }
    out.push_str(&format!("\n{}\n", a.items_heading));
    for (n, item) in a.items.iter().enumerate() {
        out.push_str(&format!("  {}. {item}\n", n + 1));
    }
    out.push_str(&format!("\n{}\n", a.notice));
    out
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The agenda as a standalone HTML page with a print stylesheet (A4, one page where it fits).
pub fn to_html(a: &Agenda) -> String {
    let base = match a.variant {
        Variant::Professional => "11pt",
        Variant::Family => "14pt",
    };
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{} — {}</title>\n", esc(&a.title), esc(&a.when)));
    out.push_str(&format!(
        "<style>\n@page {{ size: A4; margin: 18mm; }}\nbody {{ font-family: 'DejaVu Sans', Arial, sans-serif; font-size: {base}; line-height: 1.4; color: #000; max-width: 46em; margin: 2em auto; }}\n@media print {{ body {{ margin: 0; max-width: none; }} }}\nh1 {{ font-size: 1.6em; margin: 0 0 .3em; }}\nh2 {{ font-size: 1.15em; margin: 1em 0 .3em; }}\ndl {{ display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0; }}\ndt {{ font-weight: bold; }} dd {{ margin: 0; }}\ntable {{ border-collapse: collapse; width: 100%; }}\nth, td {{ text-align: left; padding: .15em .5em .15em 0; border-bottom: 1px solid #888; vertical-align: top; }}\n.notice {{ border: 2px solid #000; padding: .5em .8em; margin-top: 1.2em; }}\n.status {{ font-weight: bold; border-left: 6px solid #000; padding-left: .6em; }}\n</style>\n"
    ));
    out.push_str("</head>\n<body>\n");
    out.push_str(&format!("<h1>{}</h1>\n", esc(&a.title)));
    if let Some(s) = &a.status {
        out.push_str(&format!("<p class=\"status\">{}</p>\n", esc(s)));
    }
    if let Some(p) = &a.purpose {
        out.push_str(&format!("<p>{}</p>\n", esc(p)));
    }
    out.push_str("<dl>\n");
    for f in &a.facts {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(&f.label), esc(&f.value)));
    }
    out.push_str("</dl>\n");
    out.push_str(&format!("<h2>{}</h2>\n<table>\n", esc(&a.invitees_heading)));
    out.push_str("<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Role</th><th scope=\"col\">Organisation</th><th scope=\"col\">Attendance</th></tr></thead>\n<tbody>\n");
    for i in &a.invitees {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&i.name),
            esc(&i.role),
            esc(&i.agency),
            if i.required { "Expected" } else { "Optional" }
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str(&format!("<h2>{}</h2>\n<ol>\n", esc(&a.items_heading)));
    for item in &a.items {
        out.push_str(&format!("<li>{}</li>\n", esc(item)));
    }
    out.push_str("</ol>\n");
    out.push_str(&format!("<p class=\"notice\">{}</p>\n", esc(&a.notice)));
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests;
