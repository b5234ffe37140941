//! The domain's nouns: children, people, agencies, teams, venues, episodes, meetings, events.
//! Plain data; the rules that bind them live in `validate`.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::*;

mod busy;
mod meeting;

pub use busy::{BusyBlock, BusyKind, BusyOwner};
pub use meeting::{
    Attendance, ConflictOverride, Invitee, Location, Meeting, MeetingChange, MeetingHistoryEntry, MeetingKind,
    MeetingStatus,
};

/// How a child's name is shown on screens and printed agendas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "kebab-case")]
pub enum NameDisplay {
    #[default]
    FullName,
    Initials,
}

/// Date of birth, or the expected date of delivery for an unborn baby.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Birth {
    Born {
        date_of_birth: NaiveDate,
        /// For a baby known to the service before the birth, the expected date of delivery it
        /// had then (kept by `record_birth`): the pre-birth conference's timescale was counted
        /// back from it, and stays on the child's record. `None` for a child first recorded
        /// after the birth, and in records saved before it was kept.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[ts(optional)]
        expected_delivery: Option<NaiveDate>,
    },
    Unborn {
        expected_delivery: NaiveDate,
    },
}

impl Birth {
    /// Born on `date_of_birth`, not known to the service before the birth.
    pub fn born(date_of_birth: NaiveDate) -> Birth {
        Birth::Born {
            date_of_birth,
            expected_delivery: None,
        }
    }

    pub fn is_unborn(&self) -> bool {
        matches!(self, Birth::Unborn { .. })
    }

    /// The expected date of delivery: before the birth, or kept from then.
    pub fn expected_delivery(&self) -> Option<NaiveDate> {
        match *self {
            Birth::Unborn { expected_delivery } => Some(expected_delivery),
            Birth::Born { expected_delivery, .. } => expected_delivery,
        }
    }

    /// The date of birth, once born.
    pub fn date_of_birth(&self) -> Option<NaiveDate> {
        match *self {
            Birth::Born { date_of_birth, .. } => Some(date_of_birth),
            Birth::Unborn { .. } => None,
        }
    }
}

/// The role a person plays in a child's professional network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum NetworkRole {
    School,
    Gp,
    HealthVisitor,
    SchoolNurse,
    Midwife,
    Police,
    Camhs,
    Probation,
    Housing,
    IndependentReviewingOfficer,
    FosterCarer,
    Parent,
    Carer,
    Advocate,
    Other,
}

impl NetworkRole {
    pub const ALL: [NetworkRole; 15] = [
        NetworkRole::Parent,
        NetworkRole::Carer,
        NetworkRole::FosterCarer,
        NetworkRole::School,
        NetworkRole::Gp,
        NetworkRole::HealthVisitor,
        NetworkRole::SchoolNurse,
        NetworkRole::Midwife,
        NetworkRole::Police,
        NetworkRole::Camhs,
        NetworkRole::Probation,
        NetworkRole::Housing,
        NetworkRole::IndependentReviewingOfficer,
        NetworkRole::Advocate,
        NetworkRole::Other,
    ];

    /// A parent, carer or foster carer: family at the child's meetings, whatever their agency.
    pub fn is_family(&self) -> bool {
        matches!(
            self,
            NetworkRole::Parent | NetworkRole::Carer | NetworkRole::FosterCarer
        )
    }

    /// What a practitioner reads for the role.
    pub fn label(&self) -> &'static str {
        match self {
            NetworkRole::Parent => "Parent",
            NetworkRole::Carer => "Carer",
            NetworkRole::FosterCarer => "Foster carer",
            NetworkRole::School => "School",
            NetworkRole::Gp => "GP",
            NetworkRole::HealthVisitor => "Health visitor",
            NetworkRole::SchoolNurse => "School nurse",
            NetworkRole::Midwife => "Midwife",
            NetworkRole::Police => "Police",
            NetworkRole::Camhs => "CAMHS",
            NetworkRole::Probation => "Probation",
            NetworkRole::Housing => "Housing",
            NetworkRole::IndependentReviewingOfficer => "Independent reviewing officer",
            NetworkRole::Advocate => "Advocate",
            NetworkRole::Other => "Other",
        }
    }

    /// The name inside a sentence: "health visitor", "GP".
    pub fn in_sentence(&self) -> String {
        let label = self.label();
        if label.chars().all(|c| c.is_uppercase()) {
            label.to_string()
        } else {
            label.to_lowercase()
        }
    }

    /// The role named by its id ("gp", "health-visitor").
    pub fn parse(text: &str) -> Result<Self, crate::error::ValidationError> {
        let id = |r: &NetworkRole| {
            serde_json::to_value(r)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
        };
        Self::ALL
            .into_iter()
            .find(|r| id(r).as_deref() == Some(text.trim()))
            .ok_or_else(|| crate::error::ValidationError::UnknownName {
                what: "network role",
                text: text.to_string(),
                known: Self::ALL.iter().filter_map(id).collect::<Vec<_>>().join(", "),
            })
    }
}

/// A person linked to a child with their role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NetworkLink {
    pub person: PersonId,
    pub role: NetworkRole,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Child {
    pub id: ChildId,
    pub given_name: String,
    pub family_name: String,
    pub name_display: NameDisplay,
    pub birth: Birth,
    /// The local authority's own case number.
    pub case_id: String,
    pub siblings: Vec<ChildId>,
    pub social_worker: Option<PersonId>,
    pub network: Vec<NetworkLink>,
}

impl Child {
    /// The name as the user chose to show it: "Amelia Hart" or "A.H.". Beside brothers and
    /// sisters, screens use `shown_by_initials` (through `queries::Names`) instead.
    pub fn display_name(&self) -> String {
        self.name_shown(self.name_display == NameDisplay::Initials)
    }

    /// The name in full or by initials, as the caller has decided.
    pub fn name_shown(&self, by_initials: bool) -> String {
        if by_initials {
            initials(&self.given_name, &self.family_name)
        } else {
            format!("{} {}", self.given_name, self.family_name)
        }
    }
}

/// The children shown by initials: those the user chose to show so, and their brothers and
/// sisters (recorded either way round), whose full names would give the family name away
/// beside them on any list.
pub fn shown_by_initials<'a>(
    children: impl IntoIterator<Item = &'a Child> + Clone,
) -> std::collections::HashSet<ChildId> {
    let chosen: std::collections::HashSet<ChildId> = children
        .clone()
        .into_iter()
        .filter(|c| c.name_display == NameDisplay::Initials)
        .map(|c| c.id)
        .collect();
    let mut out = chosen.clone();
    for c in children {
        if chosen.contains(&c.id) {
            out.extend(c.siblings.iter().copied());
        } else if c.siblings.iter().any(|s| chosen.contains(s)) {
            out.insert(c.id);
        }
    }
    out
}

pub fn initials(given: &str, family: &str) -> String {
    [given, family]
        .iter()
        .filter_map(|n| n.chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AgencyKind {
    ChildrensSocialCare,
    Police,
    Health,
    Education,
    Probation,
    Housing,
    Voluntary,
    Family,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Agency {
    pub id: AgencyId,
    pub name: String,
    pub kind: AgencyKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Team {
    pub id: TeamId,
    pub name: String,
    pub agency: AgencyId,
    pub manager: Option<PersonId>,
}

/// One working day's hours; weekday 1 = Monday ... 7 = Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkingHours {
    pub weekday: u8,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// The days and hours a person works. Part-time workers list fewer days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkingPattern {
    pub days: Vec<WorkingHours>,
}

impl WorkingPattern {
    /// Monday to Friday, 09:00 to 17:00.
    pub fn full_time() -> Self {
        Self::days(&[1, 2, 3, 4, 5], (9, 0), (17, 0))
    }

    pub fn days(weekdays: &[u8], start: (u32, u32), end: (u32, u32)) -> Self {
        let t = |(h, m): (u32, u32)| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
        Self {
            days: weekdays
                .iter()
                .map(|&weekday| WorkingHours {
                    weekday,
                    start: t(start),
                    end: t(end),
                })
                .collect(),
        }
    }
}

/// A practitioner, family member or anyone else who attends meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    /// Job title or relationship: "Social worker", "Designated safeguarding lead", "Mother".
    pub role: String,
    pub agency: AgencyId,
    pub team: Option<TeamId>,
    pub email: Option<String>,
    pub working_pattern: WorkingPattern,
    /// A professional who has left (or is leaving) their post: their last working day. They stay
    /// in the meetings they were part of, but are no longer offered to invite, allocate or manage,
    /// and cannot be part of a meeting after it. Left out of the stored JSON while they still
    /// work here, so records written before it read and export unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_day: Option<NaiveDate>,
}

impl Person {
    /// Whether they still work on `day` (no last working day, or one not before it).
    pub fn works_on(&self, day: NaiveDate) -> bool {
        self.last_day.is_none_or(|last| day <= last)
    }

    /// Their name and last working day, if one is recorded (`validate::Lookup::last_day`).
    pub fn leaving(&self) -> Option<(String, NaiveDate)> {
        Some((self.name.clone(), self.last_day?))
    }
}

impl Venue {
    /// "Elm Room, 22 Elm Road, Northbridge", or the name alone when there is no address.
    pub fn name_and_address(&self) -> String {
        if self.address.trim().is_empty() {
            self.name.clone()
        } else {
            format!("{}, {}", self.name, self.address)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Venue {
    pub id: VenueId,
    pub name: String,
    pub address: String,
    pub capacity: u32,
}

/// The child protection plan's category of abuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CpCategory {
    Neglect,
    Physical,
    Emotional,
    Sexual,
    Multiple,
}

impl CpCategory {
    pub const ALL: [CpCategory; 5] = [
        CpCategory::Neglect,
        CpCategory::Physical,
        CpCategory::Emotional,
        CpCategory::Sexual,
        CpCategory::Multiple,
    ];

    /// "Physical abuse": the category as forms and records name it.
    pub fn title(self) -> &'static str {
        match self {
            CpCategory::Neglect => "Neglect",
            CpCategory::Physical => "Physical abuse",
            CpCategory::Emotional => "Emotional abuse",
            CpCategory::Sexual => "Sexual abuse",
            CpCategory::Multiple => "Multiple categories",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum EpisodeKind {
    ChildInNeed,
    ChildProtection { category: CpCategory },
    LookedAfter,
}

/// Which kind of episode, without its details: what a rule is bound to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum EpisodeType {
    ChildInNeed,
    ChildProtection,
    LookedAfter,
}

impl EpisodeKind {
    pub fn episode_type(&self) -> EpisodeType {
        match self {
            EpisodeKind::ChildInNeed => EpisodeType::ChildInNeed,
            EpisodeKind::ChildProtection { .. } => EpisodeType::ChildProtection,
            EpisodeKind::LookedAfter => EpisodeType::LookedAfter,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Episode {
    pub id: EpisodeId,
    pub child: ChildId,
    pub kind: EpisodeKind,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl Episode {
    /// Open on `date` (start and end days included).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|e| date <= e)
    }
}

/// Things that happen to a child and start or meet a timescale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    Referral,
    ReferralDecision,
    /// A strategy discussion held outside a recorded meeting (e.g. by phone).
    StrategyDiscussion,
    S47Start,
    /// The section 47 enquiry or strategy discussion decided no conference is needed.
    NoFurtherAction,
    AssessmentCompleted,
    Visit,
    ReportsShared,
    DecisionLetterSent,
    MinutesDistributed,
    BecameLookedAfter,
    PlacementStart,
    /// Invitations to a conference sent to its participants (Scotland: 5 calendar days' notice
    /// of a child protection planning meeting).
    InvitationsSent,
}

impl EventKind {
    pub const ALL: [EventKind; 13] = [
        EventKind::Referral,
        EventKind::ReferralDecision,
        EventKind::StrategyDiscussion,
        EventKind::S47Start,
        EventKind::NoFurtherAction,
        EventKind::AssessmentCompleted,
        EventKind::Visit,
        EventKind::ReportsShared,
        EventKind::DecisionLetterSent,
        EventKind::MinutesDistributed,
        EventKind::BecameLookedAfter,
        EventKind::PlacementStart,
        EventKind::InvitationsSent,
    ];

    pub fn id(&self) -> &'static str {
        match self {
            EventKind::Referral => "referral",
            EventKind::ReferralDecision => "referral-decision",
            EventKind::StrategyDiscussion => "strategy-discussion",
            EventKind::S47Start => "s47-start",
            EventKind::NoFurtherAction => "no-further-action",
            EventKind::AssessmentCompleted => "assessment-completed",
            EventKind::Visit => "visit",
            EventKind::ReportsShared => "reports-shared",
            EventKind::DecisionLetterSent => "decision-letter-sent",
            EventKind::MinutesDistributed => "minutes-distributed",
            EventKind::BecameLookedAfter => "became-looked-after",
            EventKind::PlacementStart => "placement-start",
            EventKind::InvitationsSent => "invitations-sent",
        }
    }

    pub fn parse(text: &str) -> Result<Self, crate::error::ValidationError> {
        Self::ALL.into_iter().find(|k| k.id() == text.trim()).ok_or_else(|| {
            crate::error::ValidationError::UnknownName {
                what: "event kind",
                text: text.to_string(),
                known: Self::ALL.map(|k| k.id()).join(", "),
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Event {
    pub id: EventId,
    pub child: ChildId,
    pub kind: EventKind,
    pub date: NaiveDate,
    pub note: String,
}
