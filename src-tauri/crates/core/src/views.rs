//! Read models for screens and the CLI: flat, display-ready, serialisable, and typed for the
//! UI (TypeScript bindings are generated from these by ts-rs).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::*;
use crate::model::*;
use crate::rules::{Area, RuleKind};
use crate::timescales::{DueStatus, Scheduled, Source};

mod directory;
mod drafts;
mod due;
mod records;
pub use directory::*;
use drafts::WEEKDAY_NAMES;
pub use drafts::{BusyDraft, VenueDraft, WorkingDayDraft, WorkingPatternDraft};
pub use due::{due_summary, due_when, working_days_to};
pub use records::*;

/// A row of the children list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChildSummary {
    pub id: ChildId,
    pub name: String,
    pub case_id: String,
    /// "DOB 12/03/2015" or "EDD 01/02/2027".
    pub birth: String,
    /// A born child's age on the day: "14 years", "8 months", "3 weeks", "5 days" (`age_label`).
    pub age: Option<String>,
    pub social_worker: Option<String>,
    pub team: Option<String>,
    /// Open episodes, e.g. "Child protection plan (neglect)".
    pub open_episodes: Vec<String>,
    /// An open section 47 enquiry: "Section 47 enquiry since Tue 24 Nov 2026" (`open_enquiries`).
    pub enquiry: Option<String>,
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
    /// For a meeting booked after a deadline it is to meet, that deadline (the earliest, if
    /// several): lists of meetings that check (`queries::meetings_between_checked`) say so.
    pub after_deadline: Option<NaiveDate>,
    /// For a planned meeting, what stands against it besides a late date (a clash, someone's
    /// hours or leave, no parent invited…), a sentence each: a conflict saved with a reason is
    /// still there to resolve. Lists that check (`queries::meetings_between_checked`) fill it.
    pub conflicts: Vec<String>,
}

/// A due item with the names a reader needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueItemView {
    pub child: ChildId,
    pub child_name: String,
    pub rule: String,
    /// What the item is called for its child: the rule's title, or the meeting that meets it where
    /// that differs ("Pre-birth conference" for an unborn baby's initial conference).
    pub rule_title: String,
    pub anchor: NaiveDate,
    pub deadline: NaiveDate,
    pub status: DueStatus,
    pub met_on: Option<NaiveDate>,
    pub scheduled: Option<Scheduled>,
    pub deadline_computed: bool,
    /// One sentence: "Initial child protection conference: due by Mon 12 May 2025 (3 working days
    /// overdue)".
    pub summary: String,
    /// For an open item, how its deadline stands: "3 working days overdue", "in 5 working days".
    pub when: Option<String>,
    pub team: Option<String>,
    pub social_worker: Option<String>,
    /// The ids behind `team` and `social_worker`, for "mine" and "my team" (names can repeat).
    pub team_id: Option<TeamId>,
    pub social_worker_id: Option<PersonId>,
    pub anchor_source: Source,
    /// The kind of meeting to book to meet this item ("schedule now"), for this child
    /// (`Rule::meeting_to_book`); none where only an event meets it.
    pub schedule_kind: Option<MeetingKind>,
    /// The kind of event to record to meet this item ("record it": a visit, reports shared),
    /// (`Rule::event_to_record`); none where only a meeting meets it.
    pub record_kind: Option<EventKind>,
    /// What the timescale is about, for putting child protection first (`Rule::area`).
    pub area: Area,
    /// Whether the timescale is set in law or statutory guidance, or by local procedure.
    pub rule_kind: RuleKind,
}

/// Who is using this computer ("who am I" in the settings): the dashboard's "mine" and "my team".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Me {
    pub person: Named,
    pub team: Option<Named>,
    /// Children allocated to them.
    pub allocated: u32,
}

/// The dashboard: open due items, and who is asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DashboardView {
    pub items: Vec<DueItemView>,
    pub me: Option<Me>,
    /// How many working days ahead an item counts as due soon (the pack's setting).
    pub due_soon_days: u32,
}

/// A meeting whose outcome is to be recorded, with whose list it is on: its children's social
/// workers and its chair, and those social workers' teams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OutcomeToRecord {
    pub meeting: MeetingSummary,
    pub people: Vec<Named>,
    pub teams: Vec<Named>,
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
        Birth::Born { date_of_birth, .. } => format!("DOB {}", date_of_birth.format("%d/%m/%Y")),
        Birth::Unborn { expected_delivery } => {
            format!("EDD {}", expected_delivery.format("%d/%m/%Y"))
        }
    }
}

/// A born child's age on `as_of`, in the unit a practitioner would say it: whole years from 2,
/// months under 2, weeks under 2 months, days under 2 weeks; `None` before the birth (or for a
/// date of birth after `as_of`).
pub fn age_label(b: &Birth, as_of: NaiveDate) -> Option<String> {
    use chrono::Datelike;
    let born = b.date_of_birth()?;
    if born > as_of {
        return None;
    }
    // Whole months by the calendar: a month is complete on the same day of a later month (one
    // born on 29 February is a year older on 1 March, as the law in the UK has it).
    let months = (as_of.year() - born.year()) * 12 + as_of.month() as i32
        - born.month() as i32
        - i32::from(as_of.day() < born.day());
    let months = u32::try_from(months).unwrap_or(0);
    let days = u32::try_from((as_of - born).num_days()).unwrap_or(u32::MAX);
    let said = |n: u32, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    Some(match months {
        24.. => said(months / 12, "year"),
        2.. => said(months, "month"),
        _ if days >= 14 => said(days / 7, "week"),
        _ => said(days, "day"),
    })
}

/// For a child born since the service knew of them, the expected date of delivery they had
/// (dd/mm/yyyy), and how early or late they came when it was a week or more: "31/01/2027, born
/// 8 weeks early". `None` before the birth (`birth_label` gives it) or if it was never known.
pub fn expected_before_birth(b: &Birth) -> Option<String> {
    let (born, expected) = (b.date_of_birth()?, b.expected_delivery()?);
    let date = expected.format("%d/%m/%Y");
    let weeks = (expected - born).num_days() / 7;
    let plural = |n: i64| if n == 1 { "week" } else { "weeks" };
    Some(match weeks {
        0 => date.to_string(),
        1.. => format!("{date}, born {weeks} {} early", plural(weeks)),
        _ => format!("{date}, born {} {} late", -weeks, plural(-weeks)),
    })
}

/// `birth_label`, with the expected date a born child had: "DOB 30/11/2026 (expected
/// 20/12/2026, born 2 weeks early)".
pub fn birth_in_full(b: &Birth) -> String {
    match expected_before_birth(b) {
        Some(expected) => format!("{} (expected {expected})", birth_label(b)),
        None => birth_label(b),
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
    /// Born, and known to the service before the birth: the expected date of delivery it had
    /// then (dd/mm/yyyy), which the pre-birth conference's timescale was counted back from, and
    /// how early or late the birth was ("31/01/2027, born 8 weeks early").
    pub expected_before_birth: Option<String>,
    /// Born, with a pre-birth conference still booked: what to do about each (`after_birth`).
    pub after_birth: Vec<AfterBirth>,
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
        EventKind::InvitationsSent => "Invitations to a conference sent",
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
    /// Their details as a correction starts from them (the agency's and team's ids, the email).
    pub details: PersonDraft,
    /// Their last working day, once they are leaving or have left (`Person::last_day`): not
    /// offered to invite, allocate or manage.
    #[ts(type = "string | null")]
    pub last_day: Option<NaiveDate>,
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
mod tests;
