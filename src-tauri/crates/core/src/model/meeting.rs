//! Meetings: their kinds, place, invitees and status, conflicts saved anyway, and each
//! meeting's history.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::*;

/// Meeting kinds, ids as in AGENDAS.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingKind {
    StrategyDiscussion,
    Icpc,
    ReviewConference,
    CoreGroup,
    CinReview,
    FamilyNetworkMeeting,
    LacReview,
    PreBirthConference,
    ProfessionalsMeeting,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 9] = [
        MeetingKind::StrategyDiscussion,
        MeetingKind::Icpc,
        MeetingKind::ReviewConference,
        MeetingKind::CoreGroup,
        MeetingKind::CinReview,
        MeetingKind::FamilyNetworkMeeting,
        MeetingKind::LacReview,
        MeetingKind::PreBirthConference,
        MeetingKind::ProfessionalsMeeting,
    ];

    /// The id used by the CLI, the store and the rules.
    pub fn id(&self) -> &'static str {
        match self {
            MeetingKind::StrategyDiscussion => "strategy-discussion",
            MeetingKind::Icpc => "icpc",
            MeetingKind::ReviewConference => "review-conference",
            MeetingKind::CoreGroup => "core-group",
            MeetingKind::CinReview => "cin-review",
            MeetingKind::FamilyNetworkMeeting => "family-network-meeting",
            MeetingKind::LacReview => "lac-review",
            MeetingKind::PreBirthConference => "pre-birth-conference",
            MeetingKind::ProfessionalsMeeting => "professionals-meeting",
        }
    }

    /// How long a meeting of this kind usually takes, in minutes (the editor's default).
    /// A child protection conference (initial, review or pre-birth), to which parents and
    /// carers are normally invited.
    pub fn is_conference(&self) -> bool {
        matches!(
            self,
            MeetingKind::Icpc | MeetingKind::ReviewConference | MeetingKind::PreBirthConference
        )
    }

    pub fn typical_minutes(&self) -> u32 {
        match self {
            MeetingKind::Icpc | MeetingKind::PreBirthConference | MeetingKind::FamilyNetworkMeeting => 120,
            MeetingKind::ReviewConference | MeetingKind::LacReview => 90,
            _ => 60,
        }
    }

    /// The name a practitioner reads.
    pub fn title(&self) -> &'static str {
        match self {
            MeetingKind::StrategyDiscussion => "Strategy discussion",
            MeetingKind::Icpc => "Initial child protection conference",
            MeetingKind::ReviewConference => "Review child protection conference",
            MeetingKind::CoreGroup => "Core group",
            MeetingKind::CinReview => "Child-in-need review",
            MeetingKind::FamilyNetworkMeeting => "Family network meeting",
            MeetingKind::LacReview => "Looked-after child review",
            MeetingKind::PreBirthConference => "Pre-birth conference",
            MeetingKind::ProfessionalsMeeting => "Professionals meeting",
        }
    }

    /// The name in a sentence, with its article: "an initial child protection conference".
    pub fn a_title(&self) -> String {
        let lower = self.title().to_lowercase();
        let article = if lower.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {lower}")
    }

    /// The short name practitioners write on a wall planner ("ICPC", "RCPC"): for narrow places
    /// such as a month's cells, beside the full title read out.
    pub fn short_title(&self) -> &'static str {
        match self {
            MeetingKind::StrategyDiscussion => "Strategy",
            MeetingKind::Icpc => "ICPC",
            MeetingKind::ReviewConference => "RCPC",
            MeetingKind::CoreGroup => "Core group",
            MeetingKind::CinReview => "CIN review",
            MeetingKind::FamilyNetworkMeeting => "Family network",
            MeetingKind::LacReview => "LAC review",
            MeetingKind::PreBirthConference => "Pre-birth",
            MeetingKind::ProfessionalsMeeting => "Professionals",
        }
    }

    /// The abbreviation in the short title and what it stands for, when it has one
    /// (("CIN", "child in need")): what a month's key explains.
    pub fn abbreviation(&self) -> Option<(&'static str, &'static str)> {
        match self {
            MeetingKind::Icpc => Some(("ICPC", "initial child protection conference")),
            MeetingKind::ReviewConference => Some(("RCPC", "review child protection conference")),
            MeetingKind::CinReview => Some(("CIN", "child in need")),
            MeetingKind::LacReview => Some(("LAC", "looked-after child")),
            MeetingKind::StrategyDiscussion
            | MeetingKind::CoreGroup
            | MeetingKind::FamilyNetworkMeeting
            | MeetingKind::PreBirthConference
            | MeetingKind::ProfessionalsMeeting => None,
        }
    }

    pub fn parse(text: &str) -> Result<Self, crate::error::ValidationError> {
        Self::ALL.into_iter().find(|k| k.id() == text.trim()).ok_or_else(|| {
            crate::error::ValidationError::UnknownName {
                what: "meeting kind",
                text: text.to_string(),
                known: Self::ALL.map(|k| k.id()).join(", "),
            }
        })
    }
}

/// Where a meeting happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Location {
    Venue { venue: VenueId },
    Online { joining_details: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Attendance {
    #[default]
    Invited,
    Attended,
    Apologies,
    DidNotAttend,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Invitee {
    pub person: PersonId,
    pub required: bool,
    pub attendance: Attendance,
    /// Their agency's report for the meeting has been received (AGENDAS.md item 2). Left out of
    /// the stored JSON while false, so records written before it read and export unchanged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub report_received: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum MeetingStatus {
    Planned,
    Held,
    Cancelled { reason: String },
}

/// A meeting. `start` and `end` are Europe/London wall times stored with the offset in force,
/// so a time in the repeated hour when the clocks go back is never ambiguous once stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Meeting {
    pub id: MeetingId,
    pub kind: MeetingKind,
    pub children: Vec<ChildId>,
    #[ts(type = "string")]
    #[serde(with = "crate::time::rfc3339_offset")]
    pub start: DateTime<FixedOffset>,
    #[ts(type = "string")]
    #[serde(with = "crate::time::rfc3339_offset")]
    pub end: DateTime<FixedOffset>,
    pub location: Location,
    pub chair: Option<PersonId>,
    pub minute_taker: Option<PersonId>,
    pub invitees: Vec<Invitee>,
    pub status: MeetingStatus,
    /// Bumped on every reschedule, so calendar invitations update rather than duplicate.
    #[serde(default)]
    pub sequence: u32,
    /// Conflicts the user chose to save despite, with their reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<ConflictOverride>,
    /// What was decided, once the meeting has been held and its outcome recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<crate::outcome::MeetingOutcome>,
}

/// A conflict saved anyway: what it was, why the user went ahead, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictOverride {
    pub conflicts: Vec<String>,
    pub reason: String,
    #[ts(type = "string")]
    #[serde(with = "crate::time::rfc3339_offset")]
    pub at: DateTime<FixedOffset>,
}

/// One entry of a meeting's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum MeetingChange {
    Created,
    Rescheduled {
        #[ts(type = "string")]
        #[serde(with = "crate::time::rfc3339_offset")]
        from: DateTime<FixedOffset>,
        #[ts(type = "string")]
        #[serde(with = "crate::time::rfc3339_offset")]
        to: DateTime<FixedOffset>,
        reason: String,
    },
    Cancelled {
        reason: String,
    },
    Updated,
    /// Held, with its attendance and (for a conference) its decision recorded.
    OutcomeRecorded {
        summary: String,
    },
    /// Held as another kind of meeting: a pre-birth conference as the initial child protection
    /// conference, once the baby is born.
    KindChanged {
        from: MeetingKind,
        to: MeetingKind,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingHistoryEntry {
    pub meeting: MeetingId,
    #[ts(type = "string")]
    #[serde(with = "crate::time::rfc3339_offset")]
    pub at: DateTime<FixedOffset>,
    pub change: MeetingChange,
}

/// What follows a meeting's id in its invitations' UID.
const CALENDAR_UID_SUFFIX: &str = "@convene.local";

impl Meeting {
    /// The meeting's date in the UK.
    pub fn date(&self) -> NaiveDate {
        self.start.date_naive()
    }
    pub fn is_cancelled(&self) -> bool {
        matches!(self.status, MeetingStatus::Cancelled { .. })
    }
    /// Whether `person` chairs it, takes its minutes or is invited.
    pub fn involves(&self, person: PersonId) -> bool {
        self.people().any(|p| p == person)
    }
    /// Whether the meeting may still be moved or changed (its invitees, place, reports): only
    /// while planned. A held or cancelled meeting is a record of what happened.
    pub fn is_changeable(&self) -> bool {
        self.status == MeetingStatus::Planned
    }
    /// Count one more change that calendars must see (a new time or place, a new list, a
    /// cancellation). Refuses rather than wrap: a sequence back at 0 makes calendars ignore it.
    pub fn bump_sequence(&mut self) -> Result<(), crate::error::ValidationError> {
        match self.sequence.checked_add(1) {
            Some(next) if next <= crate::validate::MAX_SEQUENCE => {
                self.sequence = next;
                Ok(())
            }
            _ => Err(crate::error::ValidationError::ChangedTooManyTimes { count: self.sequence }),
        }
    }
    /// Everyone the meeting involves: chair, minute-taker and invitees.
    /// The UID its invitations carry (RFC 5545), "<id>@convene.local": one per meeting, so a
    /// calendar updates or cancels the same event.
    pub fn calendar_uid(&self) -> String {
        format!("{}{CALENDAR_UID_SUFFIX}", self.id)
    }

    /// The meeting an invitation's UID names, if it is one of ours.
    pub fn id_of_calendar_uid(uid: &str) -> Option<MeetingId> {
        uid.strip_suffix(CALENDAR_UID_SUFFIX)?.parse().ok()
    }

    /// Everyone the meeting has a part for: its chair, minute-taker and invitees.
    pub fn people(&self) -> impl Iterator<Item = PersonId> + '_ {
        self.chair
            .iter()
            .chain(self.minute_taker.iter())
            .copied()
            .chain(self.invitees.iter().map(|i| i.person))
    }
}
