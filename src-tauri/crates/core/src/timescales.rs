//! Evaluation: from a child's events, meetings and episodes, and an as-of date, the due items
//! and their status. Pure: the caller loads the records and passes "as of".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkingDayCalendar;
use crate::error::CalendarError;
use crate::ids::{ChildId, EpisodeId, EventId, MeetingId};
use crate::model::{Birth, Child, Episode, Event, Meeting, MeetingStatus};
use crate::rules::{Direction, Pick, Rule, RulePack, Trigger};

/// A due item's status as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DueStatus {
    Overdue,
    DueSoon,
    Upcoming,
    MetLate,
    Met,
    Closed,
}

impl DueStatus {
    pub fn id(&self) -> &'static str {
        match self {
            DueStatus::Overdue => "overdue",
            DueStatus::DueSoon => "due-soon",
            DueStatus::Upcoming => "upcoming",
            DueStatus::MetLate => "met-late",
            DueStatus::Met => "met",
            DueStatus::Closed => "closed",
        }
    }
    /// Not yet done and still expected.
    pub fn is_open(&self) -> bool {
        matches!(
            self,
            DueStatus::Overdue | DueStatus::DueSoon | DueStatus::Upcoming
        )
    }
}

/// What an occurrence is: a record the user can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "id", rename_all = "kebab-case")]
pub enum Source {
    Meeting(MeetingId),
    Event(EventId),
    Episode(EpisodeId),
    ExpectedDelivery(ChildId),
}

/// A planned (not yet held) meeting that would meet an open item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Scheduled {
    pub meeting: MeetingId,
    pub date: NaiveDate,
    pub within_deadline: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueItem {
    pub child: ChildId,
    pub rule: String,
    pub anchor: NaiveDate,
    pub anchor_source: Source,
    pub deadline: NaiveDate,
    pub status: DueStatus,
    pub met_on: Option<NaiveDate>,
    pub met_by: Option<Source>,
    pub scheduled: Option<Scheduled>,
    /// The deadline's year has bank holidays computed by rule, not yet published by GOV.UK.
    pub deadline_computed: bool,
}

/// One child's records, as loaded by the store.
#[derive(Debug, Clone, Copy)]
pub struct ChildRecords<'a> {
    pub child: &'a Child,
    pub events: &'a [Event],
    pub meetings: &'a [Meeting],
    pub episodes: &'a [Episode],
}

#[derive(Debug, Clone, Copy)]
struct Occurrence {
    date: NaiveDate,
    /// Orders occurrences on the same date (minutes since midnight for meetings).
    order: u32,
    source: Source,
}

fn occurrences(
    t: &Trigger,
    r: &ChildRecords<'_>,
    planned: bool,
    as_of: NaiveDate,
) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for m in r.meetings {
        let wanted = match &m.status {
            MeetingStatus::Held => !planned && m.date() <= as_of,
            MeetingStatus::Planned => planned,
            MeetingStatus::Cancelled { .. } => false,
        };
        if wanted && t.meetings.contains(&m.kind) && m.children.contains(&r.child.id) {
            let time = m.start.time();
            out.push(Occurrence {
                date: m.date(),
                order: chrono::Timelike::num_seconds_from_midnight(&time),
                source: Source::Meeting(m.id),
            });
        }
    }
    if !planned {
        for e in r.events {
            if t.events.contains(&e.kind) && e.date <= as_of {
                out.push(Occurrence {
                    date: e.date,
                    order: 0,
                    source: Source::Event(e.id),
                });
            }
        }
        if let Some(kind) = t.episode_start {
            for ep in r.episodes {
                if ep.kind.episode_type() == kind && ep.start <= as_of {
                    out.push(Occurrence {
                        date: ep.start,
                        order: 0,
                        source: Source::Episode(ep.id),
                    });
                }
            }
        }
    }
    if t.expected_delivery && !planned {
        if let Birth::Unborn { expected_delivery } = r.child.birth {
            out.push(Occurrence {
                date: expected_delivery,
                order: 0,
                source: Source::ExpectedDelivery(r.child.id),
            });
        }
    }
    out.sort_by_key(|o| (o.date, o.order));
    out
}

/// Evaluate every active rule of `pack` for one child as of `as_of`.
pub fn evaluate_child(
    pack: &RulePack,
    rules: &[Rule],
    cal: &WorkingDayCalendar,
    records: &ChildRecords<'_>,
    as_of: NaiveDate,
) -> Result<Vec<DueItem>, CalendarError> {
    let mut items = Vec::new();
    for rule in rules {
        evaluate_rule(pack, rule, cal, records, as_of, &mut items)?;
    }
    Ok(items)
}

struct Ctx<'a, 'r> {
    pack: &'a RulePack,
    rule: &'a Rule,
    cal: &'a WorkingDayCalendar,
    records: &'a ChildRecords<'r>,
    as_of: NaiveDate,
}

impl Ctx<'_, '_> {
    fn episode_for(&self, date: NaiveDate) -> Option<&Episode> {
        let kind = self.rule.episode?;
        self.records
            .episodes
            .iter()
            .filter(|e| e.kind.episode_type() == kind && e.covers(date))
            .max_by_key(|e| e.start)
    }

    fn status_open(&self, deadline: NaiveDate) -> Result<DueStatus, CalendarError> {
        if self.as_of > deadline {
            return Ok(DueStatus::Overdue);
        }
        let left = self.cal.working_days_between(self.as_of, deadline)?;
        Ok(
            if left <= i64::from(self.pack.settings.due_soon_working_days) {
                DueStatus::DueSoon
            } else {
                DueStatus::Upcoming
            },
        )
    }

    fn item(&self, anchor: &Occurrence, deadline: NaiveDate) -> DueItem {
        DueItem {
            child: self.records.child.id,
            rule: self.rule.id.clone(),
            anchor: anchor.date,
            anchor_source: anchor.source,
            deadline,
            status: DueStatus::Upcoming,
            met_on: None,
            met_by: None,
            scheduled: None,
            deadline_computed: !crate::rules::deadline_confirmed(self.cal, deadline),
        }
    }
}

fn evaluate_rule(
    pack: &RulePack,
    rule: &Rule,
    cal: &WorkingDayCalendar,
    records: &ChildRecords<'_>,
    as_of: NaiveDate,
    out: &mut Vec<DueItem>,
) -> Result<(), CalendarError> {
    let ctx = Ctx {
        pack,
        rule,
        cal,
        records,
        as_of,
    };
    match rule.direction {
        Direction::After => forward(&ctx, out),
        Direction::Before => backward(&ctx, out),
    }
}

/// Anchors that fall inside the rule's episode (if it has one), with the nth filter applied.
fn anchors(ctx: &Ctx<'_, '_>, planned_too: bool) -> Vec<(Occurrence, Option<NaiveDate>)> {
    let mut all = occurrences(&ctx.rule.anchor, ctx.records, false, ctx.as_of);
    if planned_too {
        all.extend(occurrences(&ctx.rule.anchor, ctx.records, true, ctx.as_of));
        all.sort_by_key(|o| (o.date, o.order));
    }
    let mut out = Vec::new();
    let mut nth_count: Vec<(EpisodeId, u32)> = Vec::new();
    for o in all {
        let episode_end = match ctx.rule.episode {
            None => None,
            Some(_) => match ctx.episode_for(o.date) {
                None => continue,
                Some(ep) => {
                    if let Some(nth) = ctx.rule.anchor.nth_in_episode {
                        let n = match nth_count.iter_mut().find(|(id, _)| *id == ep.id) {
                            Some((_, n)) => {
                                *n += 1;
                                *n
                            }
                            None => {
                                nth_count.push((ep.id, 1));
                                1
                            }
                        };
                        if !nth.accepts(n) {
                            continue;
                        }
                    }
                    Some(ep.end.unwrap_or(NaiveDate::MAX))
                }
            },
        };
        out.push((o, episode_end));
    }
    out
}

fn after(o: &Occurrence, anchor: &Occurrence) -> bool {
    (o.date, o.order) >= (anchor.date, anchor.order) && o.source != anchor.source
}

fn forward(ctx: &Ctx<'_, '_>, out: &mut Vec<DueItem>) -> Result<(), CalendarError> {
    let anchors = anchors(ctx, false);
    let targets = occurrences(&ctx.rule.target, ctx.records, false, ctx.as_of);
    let planned = occurrences(&ctx.rule.target, ctx.records, true, ctx.as_of);
    let closers = match &ctx.rule.closed_by {
        Some(t) => occurrences(t, ctx.records, false, ctx.as_of),
        None => Vec::new(),
    };
    // For each anchor, the first target after it (bounded by the next anchor under Pick::Each).
    let matched: Vec<Option<usize>> = anchors
        .iter()
        .enumerate()
        .map(|(i, (a, _))| {
            let next = anchors.get(i + 1).map(|(n, _)| n);
            targets.iter().position(|t| {
                after(t, a) && (ctx.rule.pick != Pick::Each || next.is_none_or(|n| !after(t, n)))
            })
        })
        .collect();
    for (i, (anchor, episode_end)) in anchors.iter().enumerate() {
        let same_group = |j: usize| matched[j] == matched[i];
        let keep = match ctx.rule.pick {
            Pick::Each => true,
            Pick::Last => i + 1 == anchors.len() || !same_group(i + 1),
            Pick::First => i == 0 || !same_group(i - 1),
        };
        if !keep {
            continue;
        }
        let deadline = ctx.pack.deadline(ctx.rule, anchor.date, ctx.cal)?;
        let mut item = ctx.item(anchor, deadline);
        let target = matched[i].map(|k| targets[k]);
        let end = episode_end.unwrap_or(NaiveDate::MAX);
        let closed_at = closers
            .iter()
            .find(|c| after(c, anchor) && target.is_none_or(|t| c.date <= t.date))
            .map(|c| c.date);
        match target {
            Some(t) if t.date <= end && closed_at.is_none() => {
                item.met_on = Some(t.date);
                item.met_by = Some(t.source);
                item.status = if t.date <= deadline {
                    DueStatus::Met
                } else {
                    DueStatus::MetLate
                };
            }
            _ if closed_at.is_some() || end < ctx.as_of => item.status = DueStatus::Closed,
            _ => {
                item.status = ctx.status_open(deadline)?;
                item.scheduled =
                    planned
                        .iter()
                        .find(|p| after(p, anchor))
                        .and_then(|p| match p.source {
                            Source::Meeting(meeting) => Some(Scheduled {
                                meeting,
                                date: p.date,
                                within_deadline: p.date <= deadline,
                            }),
                            _ => None,
                        });
            }
        }
        out.push(item);
    }
    Ok(())
}

/// Backward rules: the target must happen at least the offset before the anchor (which may be
/// a planned meeting: reports are due before a conference that has not happened yet).
fn backward(ctx: &Ctx<'_, '_>, out: &mut Vec<DueItem>) -> Result<(), CalendarError> {
    let anchors = anchors(ctx, true);
    let targets = occurrences(&ctx.rule.target, ctx.records, false, ctx.as_of);
    let mut previous: Option<NaiveDate> = None;
    for (anchor, _) in &anchors {
        let deadline = ctx.pack.deadline(ctx.rule, anchor.date, ctx.cal)?;
        let mut item = ctx.item(anchor, deadline);
        let target = targets
            .iter()
            .filter(|t| t.date <= anchor.date && previous.is_none_or(|p| t.date > p))
            .next_back();
        match target {
            Some(t) => {
                item.met_on = Some(t.date);
                item.met_by = Some(t.source);
                item.status = if t.date <= deadline {
                    DueStatus::Met
                } else {
                    DueStatus::MetLate
                };
            }
            None => item.status = ctx.status_open(deadline)?,
        }
        previous = Some(anchor.date);
        out.push(item);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
