//! Rule packs as data: the timescales of TIMESCALES.md for each nation, each rule with its
//! source, and a local-override layer (change an offset, add a rule, switch one off).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkingDayCalendar;
use crate::error::{CalendarError, RuleError};
use crate::holidays::Division;
use crate::model::{EpisodeType, EventKind, MeetingKind};

mod counting;
pub use counting::{deadline, Counting};

/// What starts or meets a timescale: held meetings of some kinds, events of some kinds, the start
/// of an episode, or the expected date of delivery.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Trigger {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<MeetingKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<EventKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode_start: Option<EpisodeType>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub expected_delivery: bool,
    /// Count only some occurrences within the rule's episode (1 = the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nth_in_episode: Option<Nth>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Nth {
    Exactly(u32),
    AtLeast(u32),
}

impl Nth {
    pub fn accepts(&self, n: u32) -> bool {
        match *self {
            Nth::Exactly(k) => n == k,
            Nth::AtLeast(k) => n >= k,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum OffsetUnit {
    WorkingDays,
    CalendarDays,
    Weeks,
    Months,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Offset {
    pub amount: u32,
    pub unit: OffsetUnit,
}

impl std::fmt::Display for Offset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = match (self.unit, self.amount == 1) {
            (OffsetUnit::WorkingDays, true) => "working day",
            (OffsetUnit::WorkingDays, false) => "working days",
            (OffsetUnit::CalendarDays, true) => "calendar day",
            (OffsetUnit::CalendarDays, false) => "calendar days",
            (OffsetUnit::Weeks, true) => "week",
            (OffsetUnit::Weeks, false) => "weeks",
            (OffsetUnit::Months, true) => "month",
            (OffsetUnit::Months, false) => "months",
        };
        write!(f, "{} {unit}", self.amount)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// The target is due within the offset after the anchor.
    #[default]
    After,
    /// The target is due at least the offset before the anchor (reports before a conference).
    Before,
}

/// Which anchor a target is measured from when several come before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Pick {
    /// The latest anchor before the target (WT2023: "the last strategy discussion").
    #[default]
    Last,
    /// The earliest anchor before the target.
    First,
    /// Every anchor needs its own target before the next anchor (a letter per conference).
    Each,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum RuleKind {
    Statutory,
    Local,
}

/// What a timescale is about, in the order the dashboard puts the work first: a child who may be
/// at risk of significant harm (strategy discussions, conferences, core groups, visits to a child
/// on a plan), a referral waiting for its decision or assessment, a looked-after child, a child in
/// need, a conference's papers (reports to the parents, the decision letter, the minutes), and
/// anything else a local rule adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    ChildProtection,
    Referral,
    LookedAfter,
    ChildInNeed,
    ConferencePapers,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Rule {
    pub id: String,
    pub title: String,
    pub anchor: Trigger,
    pub target: Trigger,
    pub offset: Offset,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub pick: Pick,
    /// The rule applies only while the child has an open episode of this type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub episode: Option<EpisodeType>,
    /// Anchors while the child has an open episode of this type start no item: a strategy
    /// discussion about a child already on a child protection plan leads to the plan's review
    /// conference (brought forward if need be), not to an initial conference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless_in_episode: Option<EpisodeType>,
    /// The rule asks for its target only once one of these has happened to the child and no
    /// closing event (`closed_by`) has followed the latest: a pre-birth conference is due for an
    /// unborn child once a strategy discussion has started an enquiry, not for every pregnancy
    /// known to the service. A target already met still counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requires: Option<Trigger>,
    /// Occurrences that end the need for the target (no further action).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_by: Option<Trigger>,
    pub kind: RuleKind,
    pub source: String,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

impl Rule {
    /// The meeting to book to meet this rule for a child ("schedule now", an outcome's
    /// proposals): the first its target names that fits, where an unborn child's conference is a
    /// pre-birth conference and a born child's an initial conference; none where only events
    /// meet it.
    pub fn meeting_to_book(&self, unborn: bool) -> Option<MeetingKind> {
        let fits = |k: &&MeetingKind| match k {
            MeetingKind::Icpc => !unborn,
            MeetingKind::PreBirthConference => unborn,
            _ => true,
        };
        self.target
            .meetings
            .iter()
            .find(fits)
            .or(self.target.meetings.first())
            .copied()
    }

    /// The event to record to meet this rule ("record it": a visit, reports shared, a decision
    /// letter sent): the first its target names; none where only meetings meet it.
    pub fn event_to_record(&self) -> Option<EventKind> {
        self.target.events.first().copied()
    }

    /// What the rule is about: what only paperwork meets is a conference's papers; else the
    /// episode it applies in, else what starts or meets it (a referral's decision is referral
    /// work).
    pub fn area(&self) -> Area {
        let papers = [
            EventKind::ReportsShared,
            EventKind::DecisionLetterSent,
            EventKind::MinutesDistributed,
            EventKind::InvitationsSent,
        ];
        if self.target.meetings.is_empty()
            && !self.target.events.is_empty()
            && self.target.events.iter().all(|e| papers.contains(e))
        {
            return Area::ConferencePapers;
        }
        match self.episode {
            Some(EpisodeType::ChildProtection) => return Area::ChildProtection,
            Some(EpisodeType::LookedAfter) => return Area::LookedAfter,
            Some(EpisodeType::ChildInNeed) => return Area::ChildInNeed,
            None => {}
        }
        // Whether the rule starts or is met by any of these.
        let names = |meetings: &[MeetingKind], events: &[EventKind], episode: Option<EpisodeType>| {
            [&self.anchor, &self.target].iter().any(|t| {
                t.meetings.iter().any(|k| meetings.contains(k))
                    || t.events.iter().any(|e| events.contains(e))
                    || (episode.is_some() && t.episode_start == episode)
            })
        };
        use MeetingKind as M;
        let protection = [
            M::StrategyDiscussion,
            M::Icpc,
            M::PreBirthConference,
            M::ReviewConference,
            M::CoreGroup,
        ];
        let referral = [
            EventKind::Referral,
            EventKind::ReferralDecision,
            EventKind::AssessmentCompleted,
        ];
        let looked_after = [EventKind::BecameLookedAfter, EventKind::PlacementStart];
        if names(
            &protection,
            &[EventKind::StrategyDiscussion, EventKind::S47Start],
            Some(EpisodeType::ChildProtection),
        ) {
            Area::ChildProtection
        } else if names(&[], &referral, None) {
            Area::Referral
        } else if names(&[M::LacReview], &looked_after, Some(EpisodeType::LookedAfter)) {
            Area::LookedAfter
        } else if names(&[M::CinReview], &[], Some(EpisodeType::ChildInNeed)) {
            Area::ChildInNeed
        } else {
            Area::Other
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum IcpcAnchor {
    #[default]
    LastStrategyDiscussion,
    FirstStrategyDiscussion,
    S47Start,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PackSettings {
    pub counting: Counting,
    pub icpc_anchor: IcpcAnchor,
    pub due_soon_working_days: u32,
}

impl Default for PackSettings {
    fn default() -> Self {
        Self {
            counting: Counting::Day0,
            icpc_anchor: IcpcAnchor::LastStrategyDiscussion,
            due_soon_working_days: 5,
        }
    }
}

/// A change to one rule of a pack: any field left out keeps the pack's value.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct RuleChange {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<Offset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A local authority's changes to a pack; stored by the store, applied here.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct LocalOverrides {
    #[serde(default)]
    pub settings: Option<PackSettings>,
    #[serde(default)]
    pub changes: Vec<RuleChange>,
    #[serde(default)]
    pub added: Vec<Rule>,
}

/// A rule pack as written in a file: whole, or extending another pack with changes.
#[derive(Debug, Clone, Deserialize)]
struct PackFile {
    name: String,
    title: String,
    division: Division,
    #[serde(default)]
    extends: Option<String>,
    #[serde(default)]
    settings: Option<PackSettings>,
    /// The pack's rules; in an extending file, new rules and whole replacements of the base's.
    #[serde(default)]
    rules: Vec<Rule>,
    #[serde(default)]
    changes: Vec<RuleChange>,
    /// Ids of the base's rules this pack does without.
    #[serde(default)]
    removed: Vec<String>,
}

/// A resolved rule pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RulePack {
    pub name: String,
    pub title: String,
    pub division: Division,
    pub settings: PackSettings,
    pub rules: Vec<Rule>,
}

const PACK_FILES: [&str; 4] = [
    include_str!("../packs/england.json"),
    include_str!("../packs/wales.json"),
    include_str!("../packs/scotland.json"),
    include_str!("../packs/northern-ireland.json"),
];

/// The names of the packs shipped with the app.
pub const PACK_NAMES: [&str; 4] = ["england", "wales", "scotland", "northern-ireland"];

fn parse_file(text: &str) -> Result<PackFile, RuleError> {
    serde_json::from_str(text).map_err(|e| RuleError::Malformed { detail: e.to_string() })
}

impl RulePack {
    /// A shipped pack by name ("england", "wales", "scotland", "northern-ireland").
    pub fn builtin(name: &str) -> Result<RulePack, RuleError> {
        let files = PACK_FILES
            .iter()
            .map(|t| parse_file(t))
            .collect::<Result<Vec<_>, _>>()?;
        let find = |n: &str| {
            files
                .iter()
                .find(|f| f.name == n)
                .ok_or_else(|| RuleError::UnknownPack {
                    name: n.to_string(),
                    known: PACK_NAMES.join(", "),
                })
        };
        let file = find(name)?;
        let mut pack = match &file.extends {
            Some(base) => {
                let base = find(base)?;
                RulePack {
                    name: file.name.clone(),
                    title: file.title.clone(),
                    division: file.division,
                    settings: file.settings.or(base.settings).unwrap_or_default(),
                    rules: base.rules.clone(),
                }
            }
            None => RulePack {
                name: file.name.clone(),
                title: file.title.clone(),
                division: file.division,
                settings: file.settings.unwrap_or_default(),
                rules: file.rules.clone(),
            },
        };
        pack.rules.retain(|r| !file.removed.contains(&r.id));
        if file.extends.is_some() {
            // A rule the extending file writes out whole replaces the base's rule of that id
            // (where a change of offset or title is not enough, e.g. a different anchor).
            for rule in &file.rules {
                match pack.rules.iter_mut().find(|r| r.id == rule.id) {
                    Some(base) => *base = rule.clone(),
                    None => pack.rules.push(rule.clone()),
                }
            }
        }
        pack.apply_changes(&file.changes)?;
        Ok(pack)
    }

    fn apply_changes(&mut self, changes: &[RuleChange]) -> Result<(), RuleError> {
        for c in changes {
            let known = self.known_ids();
            let rule = self
                .rules
                .iter_mut()
                .find(|r| r.id == c.id)
                .ok_or_else(|| RuleError::UnknownRule {
                    id: c.id.clone(),
                    known,
                })?;
            if let Some(t) = &c.title {
                rule.title = t.clone();
            }
            if let Some(o) = c.offset {
                rule.offset = o;
            }
            if let Some(e) = c.enabled {
                rule.enabled = e;
            }
            if let Some(s) = &c.source {
                rule.source = s.clone();
            }
        }
        Ok(())
    }

    /// The pack with a local authority's overrides applied.
    pub fn with_overrides(mut self, o: &LocalOverrides) -> Result<RulePack, RuleError> {
        if let Some(s) = o.settings {
            self.settings = s;
        }
        // Local rules first, so a change can name one (its time limit, switching it off).
        for rule in &o.added {
            if self.rules.iter().any(|r| r.id == rule.id) {
                return Err(RuleError::Malformed {
                    detail: format!("a local rule has the id '{}' of an existing rule", rule.id),
                });
            }
            let mut r = rule.clone();
            r.kind = RuleKind::Local;
            self.rules.push(r);
        }
        self.apply_changes(&o.changes)?;
        Ok(self)
    }

    fn known_ids(&self) -> String {
        self.rules.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", ")
    }

    pub fn rule(&self, id: &str) -> Result<&Rule, RuleError> {
        self.rules
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| RuleError::UnknownRule {
                id: id.to_string(),
                known: self.known_ids(),
            })
    }

    /// The rules in force, with the pack's ICPC anchor setting applied to `strategy-to-icpc`.
    pub fn active_rules(&self) -> Vec<Rule> {
        self.rules
            .iter()
            .filter(|r| r.enabled)
            .cloned()
            .map(|mut r| {
                if r.id == "strategy-to-icpc" {
                    match self.settings.icpc_anchor {
                        IcpcAnchor::LastStrategyDiscussion => r.pick = Pick::Last,
                        IcpcAnchor::FirstStrategyDiscussion => r.pick = Pick::First,
                        IcpcAnchor::S47Start => {
                            r.anchor = Trigger {
                                events: vec![EventKind::S47Start],
                                ..Trigger::default()
                            };
                            r.pick = Pick::First;
                        }
                    }
                }
                r
            })
            .collect()
    }

    /// The deadline of `rule` for an anchor on `anchor`, under this pack's counting convention.
    pub fn deadline(
        &self,
        rule: &Rule,
        anchor: NaiveDate,
        cal: &WorkingDayCalendar,
    ) -> Result<NaiveDate, CalendarError> {
        deadline(rule.offset, rule.direction, self.settings.counting, anchor, cal)
    }
}

/// Whether a deadline counted from `anchor` to `date` rests only on published (not computed)
/// bank holidays: every year from one to the other is confirmed (a deadline counted back from
/// a computed year into a published one depends on the computed year's holidays too).
pub fn deadline_confirmed(cal: &WorkingDayCalendar, anchor: NaiveDate, date: NaiveDate) -> bool {
    let (a, b) = (anchor.year().min(date.year()), anchor.year().max(date.year()));
    (a..=b).all(|y| cal.is_confirmed_year(y))
}

#[cfg(test)]
mod tests;
