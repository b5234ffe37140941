//! Read models for screens and the CLI: flat, display-ready, serialisable, and typed for the
//! UI (TypeScript bindings are generated from these by ts-rs).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::*;
use crate::model::*;
use crate::timescales::{DueItem, DueStatus, Scheduled, Source};

mod drafts;
use drafts::WEEKDAY_NAMES;
pub use drafts::{VenueDraft, WorkingDayDraft, WorkingPatternDraft};

/// A row of the children list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChildSummary {
    pub id: ChildId,
    pub name: String,
    pub case_id: String,
    /// "DOB 12/03/2015" or "EDD 01/02/2027".
    pub birth: String,
    pub social_worker: Option<String>,
    pub team: Option<String>,
    /// Open episodes, e.g. "Child protection plan (neglect)".
    pub open_episodes: Vec<String>,
    pub overdue: u32,
    pub due_soon: u32,
}

/// A row of a meetings list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingSummary {
    pub id: MeetingId,
    pub kind: MeetingKind,
    pub kind_title: String,
    /// RFC 3339 with the UK offset, e.g. 2026-05-12T10:00:00+01:00.
    pub start: String,
    pub end: String,
    pub children: Vec<String>,
    pub child_ids: Vec<ChildId>,
    pub location: String,
    pub chair: Option<String>,
    /// "planned", "held" or "cancelled".
    pub status: String,
    /// Whether it can still be moved or changed (`Meeting::is_changeable`: only while planned).
    pub changeable: bool,
}

/// A due item with the names a reader needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueItemView {
    pub child: ChildId,
    pub child_name: String,
    pub rule: String,
    pub rule_title: String,
    pub anchor: NaiveDate,
    pub deadline: NaiveDate,
    pub status: DueStatus,
    pub met_on: Option<NaiveDate>,
    pub scheduled: Option<Scheduled>,
    pub deadline_computed: bool,
    /// One sentence: "ICPC due by Mon 12 May 2025 — 3 working days overdue".
    pub summary: String,
    pub team: Option<String>,
    pub social_worker: Option<String>,
    pub anchor_source: Source,
    /// The kind of meeting to book to meet this item ("schedule now"), for this child
    /// (`Rule::meeting_to_book`); none where only an event meets it.
    pub schedule_kind: Option<MeetingKind>,
    /// The kind of event to record to meet this item ("record it": a visit, reports shared),
    /// (`Rule::event_to_record`); none where only a meeting meets it.
    pub record_kind: Option<EventKind>,
}

/// A kind of meeting as the scheduler offers it: its name and usual length in minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingKindView {
    pub kind: MeetingKind,
    pub title: String,
    pub typical_minutes: u32,
}

/// What the app shows about the store it opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StoreStatus {
    pub data_dir: String,
    pub schema_version: u32,
    pub children: u32,
    pub meetings: u32,
    pub empty: bool,
    /// Said until the next change when the latest import or restore brought a record of who
    /// changed what that does not verify (kept, but not as this data's history).
    pub history_note: Option<String>,
}

/// An error as the UI receives it: a kind to branch on and a sentence to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UiError {
    pub kind: String,
    pub message: String,
}

/// "Tue 12 May 2026".
pub fn uk_date(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

pub fn birth_label(b: &Birth) -> String {
    match b {
        Birth::Born { date_of_birth } => format!("DOB {}", date_of_birth.format("%d/%m/%Y")),
        Birth::Unborn { expected_delivery } => {
            format!("EDD {}", expected_delivery.format("%d/%m/%Y"))
        }
    }
}

pub fn episode_label(k: &EpisodeKind) -> String {
    match k {
        EpisodeKind::ChildInNeed => "Child in need".to_string(),
        EpisodeKind::ChildProtection { category } => {
            let c = match category {
                CpCategory::Neglect => "neglect",
                CpCategory::Physical => "physical abuse",
                CpCategory::Emotional => "emotional abuse",
                CpCategory::Sexual => "sexual abuse",
                CpCategory::Multiple => "multiple categories",
            };
            format!("Child protection plan ({c})")
        }
        EpisodeKind::LookedAfter => "Looked after".to_string(),
    }
}

pub fn status_label(s: &MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Planned => "planned",
        MeetingStatus::Held => "held",
        MeetingStatus::Cancelled { .. } => "cancelled",
    }
}

/// The one-sentence summary of a due item.
pub fn due_summary(item: &DueItem, rule_title: &str, as_of: NaiveDate, working_days_late: Option<i64>) -> String {
    let by = uk_date(item.deadline);
    match item.status {
        DueStatus::Met => format!(
            "{rule_title}: met on {} (due by {by})",
            uk_date(item.met_on.unwrap_or(item.deadline))
        ),
        DueStatus::MetLate => format!(
            "{rule_title}: met late on {} (due by {by})",
            uk_date(item.met_on.unwrap_or(item.deadline))
        ),
        DueStatus::Closed => format!("{rule_title}: closed (was due by {by})"),
        DueStatus::Missed => match item.ended {
            Some(end) => format!("{rule_title}: missed (due by {by}; not met before {})", uk_date(end)),
            None => format!("{rule_title}: missed (due by {by})"),
        },
        DueStatus::Overdue => {
            let late = working_days_late
                .map(|n| format!(", {n} working day{} overdue", if n == 1 { "" } else { "s" }))
                .unwrap_or_default();
            let sched = scheduled_text(item);
            format!("{rule_title}: due by {by}{late}{sched}")
        }
        DueStatus::DueSoon | DueStatus::Upcoming => {
            let days = (item.deadline - as_of).num_days();
            let sched = scheduled_text(item);
            let when = match days {
                0 => "today".to_string(),
                1 => "tomorrow".to_string(),
                n => format!("in {n} days"),
            };
            format!("{rule_title}: due by {by} ({when}){sched}")
        }
    }
}

fn scheduled_text(item: &DueItem) -> String {
    item.scheduled
        .map(|s| {
            format!(
                "; scheduled for {}, {} the deadline",
                uk_date(s.date),
                if s.within_deadline { "inside" } else { "outside" }
            )
        })
        .unwrap_or_default()
}

/// An id with the name to show for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Named {
    pub id: uuid::Uuid,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EpisodeView {
    pub id: EpisodeId,
    pub kind: EpisodeType,
    pub label: String,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventView {
    pub id: EventId,
    pub kind: EventKind,
    pub label: String,
    pub date: NaiveDate,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NetworkMember {
    pub person: PersonId,
    pub name: String,
    pub role: NetworkRole,
    pub job: String,
    pub agency: String,
}

/// Everything the child screen shows: details, episodes, siblings, network, and a timeline of
/// events and meetings with every statutory deadline and its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChildDetail {
    pub summary: ChildSummary,
    /// Who the child is allocated to (`summary.social_worker` is their name).
    pub social_worker_id: Option<PersonId>,
    /// Not born yet (`summary.birth` gives the expected date of delivery).
    pub unborn: bool,
    /// The details as the edit form starts from them.
    pub edit: ChildEdit,
    /// The roles a person can have in the child's network, with their names.
    pub network_roles: Vec<NetworkRoleView>,
    pub siblings: Vec<Named>,
    pub network: Vec<NetworkMember>,
    pub episodes: Vec<EpisodeView>,
    pub events: Vec<EventView>,
    pub meetings: Vec<MeetingSummary>,
    pub items: Vec<DueItemView>,
    /// The kinds of meeting the record offers to schedule, with their names and usual lengths.
    pub meeting_kinds: Vec<MeetingKindView>,
    /// The kinds of event the record offers to record, with their names.
    pub event_kinds: Vec<EventKindView>,
}

/// An event as the record shows it.
pub fn event_view(e: &Event) -> EventView {
    EventView {
        id: e.id,
        kind: e.kind,
        label: event_label(e.kind).to_string(),
        date: e.date,
        note: e.note.clone(),
    }
}

/// A kind of event as the record offers it: its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventKindView {
    pub kind: EventKind,
    pub title: String,
}

/// The kinds of event the record offers, in the order a case moves through them, with their
/// names. Not "became looked after": being looked after is an episode, started and ended on the
/// record as such (`EpisodeDraft`), which is what starts the looked-after timescales.
pub fn event_kinds() -> Vec<EventKindView> {
    EventKind::ALL
        .iter()
        .filter(|&&k| k != EventKind::BecameLookedAfter)
        .map(|&kind| EventKindView {
            kind,
            title: event_label(kind).to_string(),
        })
        .collect()
}

/// A child in need plan or a period of being looked after, started as the app and the CLI enter
/// it (a child protection plan starts at a conference, from its outcome): the start as
/// YYYY-MM-DD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EpisodeDraft {
    pub child: ChildId,
    pub kind: EpisodeType,
    pub start: String,
}

fn day_not_after(text: &str, today: NaiveDate) -> Result<NaiveDate, crate::error::ValidationError> {
    let date = crate::time::parse_date(text)?;
    if date > today {
        return Err(crate::error::ValidationError::EventInFuture {
            date: date.format("%d/%m/%Y").to_string(),
        });
    }
    Ok(date)
}

impl EpisodeDraft {
    /// The episode to save, with a new id. Refused when the start is not a date or is after
    /// `today`, for a child protection plan, and when the child (`existing`: their episodes)
    /// already has one of this kind open on that day or starting later.
    pub fn to_episode(&self, existing: &[Episode], today: NaiveDate) -> Result<Episode, crate::error::ValidationError> {
        let kind = match self.kind {
            EpisodeType::ChildInNeed => EpisodeKind::ChildInNeed,
            EpisodeType::LookedAfter => EpisodeKind::LookedAfter,
            EpisodeType::ChildProtection => return Err(crate::error::ValidationError::PlanStartsAtConference),
        };
        let start = day_not_after(&self.start, today)?;
        let ukd = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        let mine = |t: EpisodeType| {
            existing
                .iter()
                .filter(move |e| e.child == self.child && e.kind.episode_type() == t)
                .find(|e| e.end.is_none_or(|end| end >= start))
        };
        if let Some(other) = mine(self.kind) {
            return Err(match other.end {
                None => crate::error::ValidationError::EpisodeAlreadyOpen {
                    what: episode_label(&kind),
                    since: ukd(other.start),
                },
                Some(end) => crate::error::ValidationError::EpisodeOverlaps {
                    what: episode_label(&kind),
                    start: ukd(other.start),
                    end: ukd(end),
                },
            });
        }
        // A child in need plan follows a child protection plan when a review steps it down
        // (the conference's outcome starts it); the two do not run side by side.
        if self.kind == EpisodeType::ChildInNeed {
            if let Some(plan) = mine(EpisodeType::ChildProtection) {
                return Err(crate::error::ValidationError::ChildInNeedDuringPlan { since: ukd(plan.start) });
            }
        }
        Ok(Episode {
            id: EpisodeId::new_random(),
            child: self.child,
            kind,
            start,
            end: None,
        })
    }
}

/// Whether `episode` may be removed as recorded by mistake: a child in need plan or a period of
/// being looked after (a child protection plan is a conference's decision, kept with it).
pub fn removable_episode(episode: &Episode) -> Result<(), crate::error::ValidationError> {
    match episode.kind.episode_type() {
        EpisodeType::ChildProtection => Err(crate::error::ValidationError::PlanStartsAtConference),
        _ => Ok(()),
    }
}

/// Whether `person` (of `agency`) can be allocated children: a member of a children's social
/// care team (not a chair, reviewing officer or minute-taker, who belong to no team, nor anyone
/// of another agency).
pub fn check_allocation(person: &Person, agency: Option<&Agency>) -> Result<(), crate::error::ValidationError> {
    if agency.is_some_and(|a| a.kind == AgencyKind::ChildrensSocialCare) && person.team.is_some() {
        Ok(())
    } else {
        Err(crate::error::ValidationError::NotASocialWorker {
            name: person.name.clone(),
        })
    }
}

/// `episode` ended on `end` (YYYY-MM-DD): refused for a child protection plan (a conference ends
/// it), an episode already ended, an end that is not a date, after `today` or before the start.
pub fn end_episode(episode: &Episode, end: &str, today: NaiveDate) -> Result<Episode, crate::error::ValidationError> {
    if episode.kind.episode_type() == EpisodeType::ChildProtection {
        return Err(crate::error::ValidationError::PlanStartsAtConference);
    }
    if let Some(ended) = episode.end {
        return Err(crate::error::ValidationError::EpisodeAlreadyEnded {
            end: ended.format("%d/%m/%Y").to_string(),
        });
    }
    let end = day_not_after(end, today)?;
    if end < episode.start {
        return Err(crate::error::ValidationError::EpisodeEndsBeforeStart {
            start: episode.start,
            end,
        });
    }
    Ok(Episode {
        end: Some(end),
        ..episode.clone()
    })
}

/// A role as the record offers it, with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NetworkRoleView {
    pub role: NetworkRole,
    pub title: String,
}

pub fn network_roles() -> Vec<NetworkRoleView> {
    NetworkRole::ALL
        .iter()
        .map(|&role| NetworkRoleView {
            role,
            title: role.label().to_string(),
        })
        .collect()
}

/// Whether `role` fits someone who is family (`family`: of a family agency) or not: a child's
/// parent or carer is family, a GP, school or police officer is not (the meetings each role is
/// invited to depend on it: family are not invited to a strategy discussion); a foster carer,
/// advocate or other may be either.
pub fn role_fits(role: NetworkRole, family: bool) -> bool {
    match role {
        NetworkRole::Parent | NetworkRole::Carer => family,
        NetworkRole::FosterCarer | NetworkRole::Advocate | NetworkRole::Other => true,
        _ => !family,
    }
}

/// `child` with `person` (of `agency`: a family's, or not) added to their network as
/// `role`: who the meetings about them invite by default, where the role is invited. Refused when
/// they are there in that role already, or the role does not fit them (`role_fits`).
pub fn link_person(
    child: &Child,
    person: &Person,
    agency: Option<&Agency>,
    role: NetworkRole,
) -> Result<Child, crate::error::ValidationError> {
    let family = agency.is_some_and(|a| a.kind == AgencyKind::Family);
    let name = person.name.as_str();
    if !role_fits(role, family) {
        return Err(crate::error::ValidationError::RoleDoesNotFit {
            name: name.to_string(),
            which: if family { "family" } else { "not family" },
            why: if family {
                "in a child's network, family are a parent or carer (or a foster carer, advocate or other)."
            } else {
                "only family are a child's parent or carer in the network."
            },
        });
    }
    let person = person.id;
    let link = NetworkLink { person, role };
    if child.network.contains(&link) {
        return Err(crate::error::ValidationError::AlreadyLinked {
            name: name.to_string(),
            role: role.in_sentence(),
        });
    }
    let mut c = child.clone();
    c.network.push(link);
    Ok(c)
}

/// `child` without `person` as `role` in their network. Refused when they are not
/// there in that role.
pub fn unlink_person(
    child: &Child,
    person: &Person,
    role: NetworkRole,
) -> Result<Child, crate::error::ValidationError> {
    let name = person.name.as_str();
    let person = person.id;
    let link = NetworkLink { person, role };
    if !child.network.contains(&link) {
        return Err(crate::error::ValidationError::NotLinked {
            name: name.to_string(),
            role: role.in_sentence(),
        });
    }
    let mut c = child.clone();
    c.network.retain(|l| *l != link);
    Ok(c)
}

/// Two children recorded as brother and sister (`linked`), each on the other's record, or no
/// longer. Refused for a child and themself, and for a link already there (or not there).
pub fn change_siblings(a: &Child, b: &Child, linked: bool) -> Result<(Child, Child), crate::error::ValidationError> {
    if a.id == b.id {
        return Err(crate::error::ValidationError::OwnSibling);
    }
    // A link on one record only (an import) is mended on both, either way.
    let both = a.siblings.contains(&b.id) && b.siblings.contains(&a.id);
    let either = a.siblings.contains(&b.id) || b.siblings.contains(&a.id);
    let names = || (a.display_name(), b.display_name());
    if linked && both {
        let (a, b) = names();
        return Err(crate::error::ValidationError::AlreadySiblings { a, b });
    }
    if !linked && !either {
        let (a, b) = names();
        return Err(crate::error::ValidationError::NotSiblings { a, b });
    }
    let set = |c: &Child, other: ChildId| {
        let mut c = c.clone();
        c.siblings.retain(|s| *s != other);
        if linked {
            c.siblings.push(other);
        }
        c
    };
    Ok((set(a, b.id), set(b, a.id)))
}

/// A new person as the app and the CLI enter them: a professional, or a member of a child's
/// family (a person of a family agency: no working hours).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonDraft {
    pub name: String,
    /// Job title or relationship: "Designated safeguarding lead", "Mother".
    pub role: String,
    pub agency: AgencyId,
    pub team: Option<TeamId>,
    pub email: Option<String>,
}

impl PersonDraft {
    /// The person to save, with a new id and the text trimmed (an empty email is none), in
    /// `agency` (the draft's) and `team` (the draft's, if any). A professional works Monday to
    /// Friday, 09:00 to 17:00 until their pattern is changed; family (of a family agency) have no
    /// working hours and no team. Refused when the team is another agency's. The store checks
    /// the rest (the name not empty, the agency and team exist).
    pub fn to_person(&self, agency: &Agency, team: Option<&Team>) -> Result<Person, crate::error::ValidationError> {
        let family = agency.kind == AgencyKind::Family;
        if let Some(t) = team.filter(|_| !family) {
            if t.agency != agency.id {
                return Err(crate::error::ValidationError::TeamOfAnotherAgency {
                    team: t.name.clone(),
                    agency: agency.name.clone(),
                });
            }
        }
        Ok(Person {
            id: PersonId::new_random(),
            name: self.name.trim().to_string(),
            role: self.role.trim().to_string(),
            agency: self.agency,
            team: if family { None } else { self.team },
            email: self
                .email
                .as_deref()
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_string),
            working_pattern: if family {
                WorkingPattern { days: vec![] }
            } else {
                WorkingPattern::full_time()
            },
        })
    }
}

/// A child's details corrected: names, how the name is shown, case id, and the date of birth (or,
/// not yet born, the expected date of delivery), as the app and CLI enter them. Whether the child
/// is born changes only by recording the birth (`record_birth`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChildEdit {
    pub given_name: String,
    pub family_name: String,
    pub initials: bool,
    pub case_id: String,
    /// The date of birth, or for an unborn child the expected date of delivery (YYYY-MM-DD).
    pub date: String,
}

impl ChildEdit {
    /// What the edit starts from: `child` as it is.
    pub fn of(child: &Child) -> ChildEdit {
        ChildEdit {
            given_name: child.given_name.clone(),
            family_name: child.family_name.clone(),
            initials: child.name_display == NameDisplay::Initials,
            case_id: child.case_id.clone(),
            date: match child.birth {
                Birth::Born { date_of_birth } => date_of_birth,
                Birth::Unborn { expected_delivery } => expected_delivery,
            }
            .to_string(),
        }
    }

    /// `child` with these details, checked as a new child's are (a date of birth not after
    /// `today`, an expected date within the usual weeks); everything else is kept.
    pub fn apply(&self, child: &Child, today: NaiveDate) -> Result<Child, crate::error::ValidationError> {
        let draft = ChildDraft {
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            initials: self.initials,
            unborn: child.birth.is_unborn(),
            date: self.date.clone(),
            case_id: self.case_id.clone(),
            social_worker: child.social_worker,
        };
        // A date left as it was is not checked again: an expected date long past must not stop
        // the case id being corrected.
        let same_date = self.date.trim() == ChildEdit::of(child).date;
        let fresh = ChildDraft {
            date: if same_date {
                today.to_string()
            } else {
                draft.date.clone()
            },
            unborn: if same_date { false } else { draft.unborn },
            ..draft
        }
        .to_child(today)?;
        Ok(Child {
            given_name: fresh.given_name,
            family_name: fresh.family_name,
            name_display: fresh.name_display,
            case_id: fresh.case_id,
            birth: if same_date { child.birth } else { fresh.birth },
            ..child.clone()
        })
    }
}

/// An unborn child's birth, on `date` (YYYY-MM-DD): the date of birth takes the place of the
/// expected date of delivery, so a conference booked from now on is an initial one rather than a
/// pre-birth one (one already planned stays as it was booked). Refused for a child already born,
/// and for a date that is not one, is after `today`, or is more than 20 weeks before or six
/// weeks after the expected date.
pub fn record_birth(child: &Child, date: &str, today: NaiveDate) -> Result<Child, crate::error::ValidationError> {
    if let Birth::Born { date_of_birth } = child.birth {
        return Err(crate::error::ValidationError::AlreadyBorn {
            date: date_of_birth.format("%d/%m/%Y").to_string(),
        });
    }
    let date_of_birth = crate::time::parse_date(date)?;
    let unlikely = |reason| crate::error::ValidationError::UnlikelyBirthDate {
        date: date_of_birth.format("%d/%m/%Y").to_string(),
        reason,
    };
    if date_of_birth > today {
        return Err(unlikely("after today: record the birth once it has happened"));
    }
    if let Birth::Unborn { expected_delivery } = child.birth {
        // A birth more than 20 weeks early or 6 weeks late is a typing slip.
        if date_of_birth < expected_delivery - chrono::Duration::weeks(20) {
            return Err(unlikely("more than 20 weeks before the expected date: check the date"));
        }
        if date_of_birth > expected_delivery + chrono::Duration::weeks(6) {
            return Err(unlikely("more than six weeks after the expected date: check the date"));
        }
    }
    Ok(Child {
        birth: Birth::Born { date_of_birth },
        ..child.clone()
    })
}

/// A new child as the app and the CLI enter them: born (`date` is the date of birth) or unborn
/// (`date` is the expected date of delivery), dates as YYYY-MM-DD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChildDraft {
    pub given_name: String,
    pub family_name: String,
    /// Show the child by initials ("A.H.") rather than full name.
    pub initials: bool,
    pub unborn: bool,
    pub date: String,
    pub case_id: String,
    pub social_worker: Option<PersonId>,
}

impl ChildDraft {
    /// The child to save, with a new id and the names and case id trimmed. Refused when the date
    /// is not one, or a date of birth is after `today` (an unborn child has an expected date of
    /// delivery instead). The store checks the rest (names not empty, lengths, the social worker
    /// exists) as for any record.
    pub fn to_child(&self, today: NaiveDate) -> Result<Child, crate::error::ValidationError> {
        let date = crate::time::parse_date(&self.date)?;
        let birth = if self.unborn {
            // A pregnancy lasts about 40 weeks, and a birth comes up to a fortnight late: a date
            // outside that is a typing slip (or a birth to record as such).
            let unlikely = |reason| crate::error::ValidationError::UnlikelyDueDate {
                date: date.format("%d/%m/%Y").to_string(),
                reason,
            };
            if date < today - chrono::Duration::weeks(4) {
                return Err(unlikely(
                    "more than four weeks ago: if the baby has been born, give the date of birth",
                ));
            }
            if date > today + chrono::Duration::weeks(42) {
                return Err(unlikely("more than 42 weeks away: check the year"));
            }
            Birth::Unborn {
                expected_delivery: date,
            }
        } else if date > today {
            return Err(crate::error::ValidationError::BirthInFuture {
                date: date.format("%d/%m/%Y").to_string(),
            });
        } else {
            Birth::Born { date_of_birth: date }
        };
        Ok(Child {
            id: ChildId::new_random(),
            given_name: self.given_name.trim().to_string(),
            family_name: self.family_name.trim().to_string(),
            name_display: if self.initials {
                NameDisplay::Initials
            } else {
                NameDisplay::FullName
            },
            birth,
            case_id: self.case_id.trim().to_string(),
            siblings: vec![],
            social_worker: self.social_worker,
            network: vec![],
        })
    }
}

/// Something that has happened to a child (a visit, reports shared, a decision letter sent),
/// as the app and the CLI enter it: the date as YYYY-MM-DD.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EventDraft {
    pub child: ChildId,
    pub kind: EventKind,
    pub date: String,
    pub note: String,
}

impl EventDraft {
    /// The event to save, with a new id and its note trimmed. Refused when the date is not one,
    /// or is after `today`: an event records what has happened, and a deadline it meets must
    /// not read "met" before it is. The store checks the rest (the child exists, the note's
    /// length) as for any record.
    pub fn to_event(&self, today: NaiveDate) -> Result<Event, crate::error::ValidationError> {
        if self.kind == EventKind::BecameLookedAfter {
            return Err(crate::error::ValidationError::LookedAfterIsAnEpisode);
        }
        let date = day_not_after(&self.date, today)?;
        Ok(Event {
            id: EventId::new_random(),
            child: self.child,
            kind: self.kind,
            date,
            note: self.note.trim().to_string(),
        })
    }
}

/// What a practitioner reads for an event kind.
pub fn event_label(k: EventKind) -> &'static str {
    match k {
        EventKind::Referral => "Referral",
        EventKind::ReferralDecision => "Decision on referral",
        EventKind::StrategyDiscussion => "Strategy discussion",
        EventKind::S47Start => "Section 47 enquiry started",
        EventKind::NoFurtherAction => "No further action",
        EventKind::AssessmentCompleted => "Assessment completed",
        EventKind::Visit => "Visit",
        EventKind::ReportsShared => "Reports shared with parents",
        EventKind::DecisionLetterSent => "Decision letter sent",
        EventKind::MinutesDistributed => "Minutes distributed",
        EventKind::BecameLookedAfter => "Became looked after",
        EventKind::PlacementStart => "Placement started",
    }
}

/// The answer to "save this meeting": saved, or the conflicts to confirm with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SaveOutcome {
    pub saved: Option<MeetingSummary>,
    pub conflicts: Vec<crate::schedule::Conflict>,
}

/// What the slot finder is asked from the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SlotQuery {
    pub kind: MeetingKind,
    pub children: Vec<ChildId>,
    /// None: the default invitees for the kind.
    pub required: Option<Vec<PersonId>>,
    pub optional: Vec<PersonId>,
    pub venues: Vec<VenueId>,
    pub duration_minutes: u32,
    pub earliest: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
}

/// A row of the people list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonView {
    pub id: PersonId,
    pub name: String,
    pub role: String,
    pub agency: String,
    pub team: Option<String>,
    /// "Mon–Fri 09:00–17:00" or "Mon, Tue, Wed 09:00–17:00".
    pub working_pattern: String,
    /// A member of the child's family (not an agency): no working hours, no agency report.
    pub family: bool,
}

/// Leave or busy time as the app enters it: dates for whole days, or UK wall times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BusyDraft {
    pub owner: BusyOwner,
    pub start: String,
    pub end: String,
    pub kind: BusyKind,
    pub note: String,
}

impl BusyDraft {
    pub fn to_block(&self) -> Result<BusyBlock, crate::error::ValidationError> {
        Ok(BusyBlock {
            id: BusyId::new_random(),
            owner: self.owner,
            start: crate::time::parse_day_or_time(&self.start, false)?,
            end: crate::time::parse_day_or_time(&self.end, true)?,
            kind: self.kind,
            note: self.note.trim().to_string(),
            source: None,
        })
    }
}

pub fn pattern_label(p: &WorkingPattern) -> String {
    if p.days.is_empty() {
        return "No working days recorded".to_string();
    }
    let mut groups: Vec<(String, Vec<u8>)> = Vec::new();
    for h in &p.days {
        let hours = format!("{}–{}", h.start.format("%H:%M"), h.end.format("%H:%M"));
        match groups.iter_mut().find(|(k, _)| *k == hours) {
            Some((_, days)) => days.push(h.weekday),
            None => groups.push((hours, vec![h.weekday])),
        }
    }
    groups
        .into_iter()
        .map(|(hours, mut days)| {
            days.sort();
            let name = |d: u8| {
                WEEKDAY_NAMES
                    .get(usize::from(d.saturating_sub(1)))
                    .map_or("?", |n| &n[..3])
            };
            let contiguous = days.windows(2).all(|w| w[1] == w[0] + 1);
            let list = if days.len() > 2 && contiguous {
                format!("{}–{}", name(days[0]), name(days[days.len() - 1]))
            } else {
                days.iter().map(|d| name(*d)).collect::<Vec<_>>().join(", ")
            };
            format!("{list} {hours}")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// One change in a child's history (from the audit trail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChangeView {
    pub seq: u32,
    /// RFC 3339, UTC.
    pub at: String,
    pub who: String,
    /// "save", "create", "reschedule", "cancel", "delete", …
    pub action: String,
    /// "meeting", "event", "child", …
    pub record: String,
    pub id: String,
}

/// One step of long work (loading the demo, exporting, importing or restoring), as a progress
/// bar shows it: "Step 2 of 5: Checking 60 children, 412 meetings and their records".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Progress {
    pub step: u32,
    pub steps: u32,
    pub label: String,
}

impl Progress {
    pub fn new(step: u32, steps: u32, label: impl Into<String>) -> Self {
        Progress {
            step,
            steps,
            label: label.into(),
        }
    }
}

/// An agenda saved as a PDF: where, and the characters its font could not show (empty boxes in
/// the file), joined with spaces; empty when there are none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SavedPdf {
    pub path: String,
    pub unprintable: String,
}

/// A backup file in the data folder, as the Settings screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupView {
    /// The file name (what restoring takes).
    pub name: String,
    /// "Daily", "Before an import", …
    pub kind: String,
    /// When it was taken, UTC, RFC 3339.
    pub taken: String,
}

/// A backup's name read back: `convene-20261130T081500Z-daily.json` (the store's naming).
pub fn backup_view(name: &str) -> Option<BackupView> {
    let rest = name.strip_prefix("convene-")?;
    let taken = chrono::NaiveDateTime::parse_from_str(rest.get(..16)?, "%Y%m%dT%H%M%SZ").ok()?;
    let tag = rest.get(16..)?.strip_prefix('-')?.strip_suffix(".json")?;
    let kind = match tag {
        "daily" => "Daily",
        "before-migration" => "Before an upgrade",
        "before-import" => "Before an import",
        "before-restore" => "Before a restore",
        "manual" => "Taken by hand",
        _ => return None,
    };
    Some(BackupView {
        name: name.to_string(),
        kind: kind.to_string(),
        taken: taken.and_utc().to_rfc3339(),
    })
}

#[cfg(test)]
mod backup_name_tests {
    use super::*;

    #[test]
    fn backup_names_read_back_and_others_are_ignored() {
        assert_eq!(
            backup_view("convene-20261130T081500Z-before-import.json"),
            Some(BackupView {
                name: "convene-20261130T081500Z-before-import.json".into(),
                kind: "Before an import".into(),
                taken: "2026-11-30T08:15:00+00:00".into(),
            })
        );
        assert_eq!(
            backup_view("convene-20261130T081500Z-daily.json").unwrap().kind,
            "Daily"
        );
        for other in [
            "notes.txt",
            "convene-2026-daily.json",
            "convene-20261330T081500Z-daily.json",
            "convene-20261130T081500Z-weekly.json",
            "convene-20261130T081500Z-daily.json.tmp",
        ] {
            assert_eq!(backup_view(other), None, "{other}");
        }
    }
}

#[cfg(test)]
mod event_draft_tests {
    use super::*;
    use crate::error::ValidationError;

    fn draft(date: &str) -> EventDraft {
        EventDraft {
            child: ChildId::new_random(),
            kind: EventKind::DecisionLetterSent,
            date: date.into(),
            note: "  Posted first class  ".into(),
        }
    }

    #[test]
    fn becoming_looked_after_is_an_episode_not_an_event() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let d = EventDraft {
            kind: EventKind::BecameLookedAfter,
            ..draft("2026-12-01")
        };
        assert_eq!(d.to_event(today), Err(ValidationError::LookedAfterIsAnEpisode));
    }

    #[test]
    fn an_event_is_recorded_on_or_before_today_and_never_after() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let e = draft("2026-12-01").to_event(today).unwrap();
        assert_eq!(
            (e.kind, e.date, e.note.as_str()),
            (EventKind::DecisionLetterSent, today, "Posted first class")
        );
        assert_ne!(
            e.id,
            draft("2026-12-01").to_event(today).unwrap().id,
            "a new id each time"
        );
        assert!(draft("2026-11-30").to_event(today).is_ok());
        let err = draft("2026-12-02").to_event(today).unwrap_err();
        assert_eq!(
            err,
            ValidationError::EventInFuture {
                date: "02/12/2026".into()
            }
        );
        assert_eq!(
            err.to_string(),
            "02/12/2026 is after today: record something once it has happened."
        );
        assert!(matches!(
            draft("2026-02-30").to_event(today),
            Err(ValidationError::BadDate { .. })
        ));
        assert!(matches!(
            draft("").to_event(today),
            Err(ValidationError::BadDate { .. })
        ));
        assert!(matches!(
            draft("1850-01-01").to_event(today),
            Err(ValidationError::OutsideSupportedDates { .. })
        ));
    }

    #[test]
    fn each_kind_of_event_is_offered_once_by_a_name_of_its_own_but_not_became_looked_after() {
        let kinds = event_kinds();
        let ids: std::collections::HashSet<EventKind> = kinds.iter().map(|k| k.kind).collect();
        let titles: std::collections::HashSet<&str> = kinds.iter().map(|k| k.title.as_str()).collect();
        assert_eq!(
            (ids.len(), titles.len()),
            (kinds.len(), kinds.len()),
            "no kind or name twice"
        );
        assert!(
            !ids.contains(&EventKind::BecameLookedAfter),
            "an episode, started as such"
        );
        assert_eq!(kinds.len(), EventKind::ALL.len() - 1, "every other kind");
        assert!(titles.contains("Decision letter sent") && titles.contains("Placement started"));
    }
}

#[cfg(test)]
mod episode_draft_tests {
    use super::*;
    use crate::error::ValidationError;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn a_looked_after_episode_starts_once_on_or_before_today_and_ends_after_it_starts() {
        let today = day(12, 1);
        let child = ChildId::new_random();
        let draft = |kind, start: &str| EpisodeDraft {
            child,
            kind,
            start: start.into(),
        };
        let e = draft(EpisodeType::LookedAfter, "2026-11-02")
            .to_episode(&[], today)
            .unwrap();
        assert_eq!((e.kind, e.start, e.end), (EpisodeKind::LookedAfter, day(11, 2), None));
        let open = std::slice::from_ref(&e);
        // A second one while it is open, or overlapping it, is refused; another child's is not.
        let err = draft(EpisodeType::LookedAfter, "2026-11-20")
            .to_episode(open, today)
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Looked after is already open for this child (since 02/11/2026): end it first, or record what happens within it."
        );
        assert!(draft(EpisodeType::LookedAfter, "2026-10-01")
            .to_episode(open, today)
            .is_err());
        let other = EpisodeDraft {
            child: ChildId::new_random(),
            kind: EpisodeType::LookedAfter,
            start: "2026-11-20".into(),
        };
        assert!(other.to_episode(open, today).is_ok());
        // A child in need plan beside it is fine.
        assert!(draft(EpisodeType::ChildInNeed, "2026-11-20")
            .to_episode(open, today)
            .is_ok());
        assert_eq!(
            draft(EpisodeType::ChildProtection, "2026-11-20").to_episode(&[], today),
            Err(ValidationError::PlanStartsAtConference)
        );
        assert!(matches!(
            draft(EpisodeType::LookedAfter, "2026-12-02").to_episode(&[], today),
            Err(ValidationError::EventInFuture { .. })
        ));

        let ended = end_episode(&e, "2026-11-30", today).unwrap();
        assert_eq!((ended.id, ended.end), (e.id, Some(day(11, 30))));
        assert!(matches!(
            end_episode(&ended, "2026-12-01", today),
            Err(ValidationError::EpisodeAlreadyEnded { .. })
        ));
        assert!(matches!(
            end_episode(&e, "2026-11-01", today),
            Err(ValidationError::EpisodeEndsBeforeStart { .. })
        ));
        assert!(matches!(
            end_episode(&e, "2026-12-02", today),
            Err(ValidationError::EventInFuture { .. })
        ));
        // Overlapping one that has ended is said as such.
        let overlap = draft(EpisodeType::LookedAfter, "2026-11-10")
            .to_episode(std::slice::from_ref(&ended), today)
            .unwrap_err();
        assert_eq!(
            overlap.to_string(),
            "Looked after from 02/11/2026 to 30/11/2026 overlaps that day: start the new one after it, or remove it if it was a mistake."
        );
        assert!(removable_episode(&ended).is_ok());
        // Once ended, a new one may start after it.
        assert!(draft(EpisodeType::LookedAfter, "2026-12-01")
            .to_episode(&[ended], today)
            .is_ok());
        let plan = Episode {
            kind: EpisodeKind::ChildProtection {
                category: CpCategory::Neglect,
            },
            ..e
        };
        assert_eq!(
            end_episode(&plan, "2026-11-30", today),
            Err(ValidationError::PlanStartsAtConference)
        );
        assert_eq!(removable_episode(&plan), Err(ValidationError::PlanStartsAtConference));
    }
}

#[cfg(test)]
mod child_draft_tests {
    use super::*;
    use crate::error::ValidationError;

    fn draft(unborn: bool, date: &str) -> ChildDraft {
        ChildDraft {
            given_name: " Ada ".into(),
            family_name: "Lovelace".into(),
            initials: true,
            unborn,
            date: date.into(),
            case_id: " C-1 ".into(),
            social_worker: None,
        }
    }

    #[test]
    fn a_child_is_born_on_or_before_today_or_expected() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let c = draft(false, "2026-12-01").to_child(today).unwrap();
        assert_eq!(c.birth, Birth::Born { date_of_birth: today });
        assert_eq!((c.given_name.as_str(), c.case_id.as_str()), ("Ada", "C-1"));
        assert_eq!(c.display_name(), "A.L.");
        let err = draft(false, "2026-12-02").to_child(today).unwrap_err();
        assert_eq!(
            err,
            ValidationError::BirthInFuture {
                date: "02/12/2026".into()
            }
        );
        assert!(err.to_string().contains("give the expected date of delivery"));
        let expected = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let u = draft(true, "2027-03-01").to_child(today).unwrap();
        assert_eq!(
            u.birth,
            Birth::Unborn {
                expected_delivery: expected
            }
        );
        assert!(matches!(
            draft(true, "soon").to_child(today),
            Err(ValidationError::BadDate { .. })
        ));
        // An expected date long past, or more than 42 weeks off, is a slip.
        assert!(
            draft(true, "2026-11-10").to_child(today).is_ok(),
            "a little late is usual"
        );
        let past = draft(true, "2026-10-01").to_child(today).unwrap_err();
        assert!(
            past.to_string()
                .contains("more than four weeks ago: if the baby has been born"),
            "{past}"
        );
        let far = draft(true, "2027-12-01").to_child(today).unwrap_err();
        assert!(far.to_string().contains("more than 42 weeks away"), "{far}");
    }
}

#[cfg(test)]
mod birth_tests {
    use super::*;
    use crate::error::ValidationError;

    #[test]
    fn an_unborn_childs_birth_is_recorded_once_and_not_after_today() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let draft = ChildDraft {
            given_name: "Baby".into(),
            family_name: "Hart".into(),
            initials: false,
            unborn: true,
            date: "2026-12-20".into(),
            case_id: String::new(),
            social_worker: None,
        };
        let unborn = draft.to_child(today).unwrap();
        let born = record_birth(&unborn, "2026-11-30", today).unwrap();
        assert_eq!(
            born.birth,
            Birth::Born {
                date_of_birth: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
            }
        );
        assert_eq!((born.id, born.given_name.as_str()), (unborn.id, "Baby"));
        assert_eq!(
            record_birth(&born, "2026-11-30", today),
            Err(ValidationError::AlreadyBorn {
                date: "30/11/2026".into()
            })
        );
        let said = |d: &str| record_birth(&unborn, d, today).unwrap_err().to_string();
        assert_eq!(
            said("2026-12-02"),
            "The date of birth 02/12/2026 is after today: record the birth once it has happened."
        );
        // Due 20 Dec 2026: more than 20 weeks early is a slip.
        assert!(said("2026-07-01").contains("more than 20 weeks before the expected date"));
        assert!(record_birth(&unborn, "2026-08-10", today).is_ok());
        assert!(matches!(
            record_birth(&unborn, "", today),
            Err(ValidationError::BadDate { .. })
        ));
    }
}

#[cfg(test)]
mod network_tests {
    use super::*;
    use crate::error::ValidationError;

    fn someone(name: &str, kind: AgencyKind) -> (Person, Agency) {
        let agency = Agency {
            id: AgencyId::new_random(),
            name: "Agency".into(),
            kind,
        };
        let person = PersonDraft {
            name: name.into(),
            role: String::new(),
            agency: agency.id,
            team: None,
            email: None,
        }
        .to_person(&agency, None)
        .unwrap();
        (person, agency)
    }

    #[test]
    fn a_person_joins_a_childs_network_once_per_role_and_leaves_it() {
        let child = test_child("Ada");
        let (pike, health) = someone("Dr Pike", AgencyKind::Health);
        let gp = pike.id;
        let linked = link_person(&child, &pike, Some(&health), NetworkRole::Gp).unwrap();
        assert_eq!(
            linked.network,
            vec![NetworkLink {
                person: gp,
                role: NetworkRole::Gp
            }]
        );
        assert_eq!(
            link_person(&linked, &pike, Some(&health), NetworkRole::Gp)
                .unwrap_err()
                .to_string(),
            "Dr Pike is already in this child's network as GP."
        );
        // The same person in another role is another link.
        let both = link_person(&linked, &pike, Some(&health), NetworkRole::Other).unwrap();
        assert_eq!(both.network.len(), 2);
        let back = unlink_person(&both, &pike, NetworkRole::Other).unwrap();
        assert_eq!(back.network, linked.network);
        assert_eq!(
            unlink_person(&back, &pike, NetworkRole::HealthVisitor),
            Err(ValidationError::NotLinked {
                name: "Dr Pike".into(),
                role: "health visitor".into()
            })
        );
    }

    #[test]
    fn a_new_professional_works_office_hours_and_family_none() {
        let draft = PersonDraft {
            name: " Sarah Dunmore ".into(),
            role: "Mother".into(),
            agency: AgencyId::new_random(),
            team: None,
            email: Some("  ".into()),
        };
        let family = Agency {
            id: draft.agency,
            name: "Family and friends".into(),
            kind: AgencyKind::Family,
        };
        let health = Agency {
            id: draft.agency,
            name: "Health".into(),
            kind: AgencyKind::Health,
        };
        let csc_team = Team {
            id: TeamId::new_random(),
            name: "Assessment".into(),
            agency: AgencyId::new_random(),
            manager: None,
        };
        let mother = draft.to_person(&family, None).unwrap();
        assert_eq!((mother.name.as_str(), mother.email.clone()), ("Sarah Dunmore", None));
        assert!(mother.working_pattern.days.is_empty());
        assert_eq!(
            draft.to_person(&health, None).unwrap().working_pattern,
            WorkingPattern::full_time()
        );
        // Family have no team; a professional's team must be their agency's.
        let with_team = PersonDraft {
            team: Some(csc_team.id),
            ..draft.clone()
        };
        assert_eq!(with_team.to_person(&family, Some(&csc_team)).unwrap().team, None);
        assert_eq!(
            with_team.to_person(&health, Some(&csc_team)).unwrap_err().to_string(),
            "The team Assessment is not part of Health."
        );
        // Every role has a name and an id that reads back.
        for r in NetworkRole::ALL {
            let id = serde_json::to_value(r).unwrap();
            assert_eq!(NetworkRole::parse(id.as_str().unwrap()), Ok(r));
            assert!(!r.label().is_empty());
        }
        assert!(NetworkRole::parse("dentist").is_err());
    }

    #[test]
    fn family_are_parents_and_carers_and_professionals_are_not() {
        let c = test_child("Ada");
        let (sarah, family) = someone("Sarah", AgencyKind::Family);
        let (pike, health) = someone("Dr Pike", AgencyKind::Health);
        assert!(link_person(&c, &sarah, Some(&family), NetworkRole::Parent).is_ok());
        assert_eq!(
            link_person(&c, &sarah, Some(&family), NetworkRole::Gp)
                .unwrap_err()
                .to_string(),
            "Sarah is family: in a child's network, family are a parent or carer (or a foster carer, advocate or other)."
        );
        assert_eq!(
            link_person(&c, &pike, Some(&health), NetworkRole::Parent)
                .unwrap_err()
                .to_string(),
            "Dr Pike is not family: only family are a child's parent or carer in the network."
        );
        for r in [NetworkRole::FosterCarer, NetworkRole::Advocate, NetworkRole::Other] {
            assert!(role_fits(r, true) && role_fits(r, false), "{r:?}");
        }
    }
}

#[cfg(test)]
mod sibling_tests {
    use super::*;
    use crate::error::ValidationError;

    use super::test_child as child;

    #[test]
    fn brothers_and_sisters_are_recorded_on_both_records_once_and_unlinked_from_both() {
        let (a, b) = (child("Ada"), child("Ben"));
        let (a2, b2) = change_siblings(&a, &b, true).unwrap();
        assert_eq!((a2.siblings.clone(), b2.siblings.clone()), (vec![b.id], vec![a.id]));
        assert_eq!(
            change_siblings(&a2, &b2, true).unwrap_err().to_string(),
            "Ada Hart and Ben Hart are already recorded as brother or sister."
        );
        let (a3, b3) = change_siblings(&a2, &b2, false).unwrap();
        assert!(a3.siblings.is_empty() && b3.siblings.is_empty());
        assert!(matches!(
            change_siblings(&a3, &b3, false),
            Err(ValidationError::NotSiblings { .. })
        ));
        assert_eq!(change_siblings(&a, &a, true), Err(ValidationError::OwnSibling));
        // A link on one record only (an old import) is mended on both, either way.
        let mut half = a.clone();
        half.siblings.push(b.id);
        let (x, y) = change_siblings(&half, &b, false).unwrap();
        assert!(x.siblings.is_empty() && y.siblings.is_empty());
        let (x, y) = change_siblings(&b, &half, true).unwrap();
        assert_eq!((x.siblings, y.siblings), (vec![a.id], vec![b.id]));
    }
}

#[cfg(test)]
mod child_edit_tests {
    use super::*;

    #[test]
    fn a_childs_details_are_corrected_and_everything_else_kept() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut c = ChildDraft {
            given_name: "Ada".into(),
            family_name: "Hrat".into(),
            initials: false,
            unborn: false,
            date: "2020-01-01".into(),
            case_id: "C-1".into(),
            social_worker: Some(PersonId::new_random()),
        }
        .to_child(today)
        .unwrap();
        c.siblings.push(ChildId::new_random());
        let mut e = ChildEdit::of(&c);
        assert_eq!(
            (e.family_name.as_str(), e.date.as_str(), e.initials),
            ("Hrat", "2020-01-01", false)
        );
        e.family_name = "Hart".into();
        e.date = "2020-01-02".into();
        e.initials = true;
        let fixed = e.apply(&c, today).unwrap();
        assert_eq!(fixed.display_name(), "A.H.");
        assert_eq!(
            fixed.birth,
            Birth::Born {
                date_of_birth: NaiveDate::from_ymd_opt(2020, 1, 2).unwrap()
            }
        );
        assert_eq!(
            (fixed.id, &fixed.siblings, fixed.social_worker),
            (c.id, &c.siblings, c.social_worker)
        );
        e.date = "2027-01-01".into();
        assert!(e.apply(&c, today).unwrap_err().to_string().contains("after today"));
        e.date = "2020-01-02".into();
        e.given_name = "  ".into();
        // Empty names are the store's check, as for a new child.
        assert_eq!(e.apply(&c, today).unwrap().given_name, "");
        // An unborn child's expected date long past (no birth recorded yet) does not stop the
        // case id being corrected; a new expected date is checked.
        let late = Child {
            birth: Birth::Unborn {
                expected_delivery: NaiveDate::from_ymd_opt(2026, 9, 1).unwrap(),
            },
            ..c.clone()
        };
        let mut e = ChildEdit::of(&late);
        e.case_id = "C-2".into();
        let fixed = e.apply(&late, today).unwrap();
        assert_eq!((fixed.case_id.as_str(), fixed.birth), ("C-2", late.birth));
        e.date = "2026-09-02".into();
        assert!(e
            .apply(&late, today)
            .unwrap_err()
            .to_string()
            .contains("more than four weeks ago"));
    }
}

/// A child born 1 Jan 2020, "<given> Hart", for the tests here.
#[cfg(test)]
fn test_child(given: &str) -> Child {
    ChildDraft {
        given_name: given.into(),
        family_name: "Hart".into(),
        initials: false,
        unborn: false,
        date: "2020-01-01".into(),
        case_id: String::new(),
        social_worker: None,
    }
    .to_child(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
    .unwrap()
}
