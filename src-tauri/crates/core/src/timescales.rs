//! Evaluation: from a child's events, meetings and episodes, and an as-of date, the due items
//! and their status. Pure: the caller loads the records and passes "as of".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkingDayCalendar;
use crate::error::CalendarError;
use crate::ids::{ChildId, EpisodeId, EventId, MeetingId};
use crate::model::{Birth, Child, Episode, EpisodeType, Event, EventKind, Meeting, MeetingKind, MeetingStatus};
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
        matches!(self, DueStatus::Overdue | DueStatus::DueSoon | DueStatus::Upcoming)
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
    /// The rule id; inline (no allocation) for ids up to 24 bytes, which all shipped ids are.
    #[ts(type = "string")]
    pub rule: compact_str::CompactString,
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
    /// What it is, as a bit index (see `tag_*`), so a trigger is a bit mask.
    tag: u8,
}

// Occurrence tags: held meetings 0..9, planned meetings 9..18, events 18..30, episode starts
// 30..33, expected date of delivery 33.
const PLANNED: u8 = 9;
fn tag_meeting(k: MeetingKind) -> u8 {
    MeetingKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8
}
fn tag_event(k: EventKind) -> u8 {
    18 + EventKind::ALL.iter().position(|x| *x == k).unwrap_or(0) as u8
}
fn tag_episode(k: EpisodeType) -> u8 {
    30 + match k {
        EpisodeType::ChildInNeed => 0,
        EpisodeType::ChildProtection => 1,
        EpisodeType::LookedAfter => 2,
    }
}
const TAG_EDD: u8 = 33;

/// The occurrences a trigger matches: held ones (`planned` false) or planned meetings.
fn mask(t: &Trigger, planned: bool) -> u64 {
    let mut m = 0u64;
    if planned {
        for k in &t.meetings {
            m |= 1 << (tag_meeting(*k) + PLANNED);
        }
        return m;
    }
    for k in &t.meetings {
        m |= 1 << tag_meeting(*k);
    }
    for k in &t.events {
        m |= 1 << tag_event(*k);
    }
    if let Some(e) = t.episode_start {
        m |= 1 << tag_episode(e);
    }
    if t.expected_delivery {
        m |= 1 << TAG_EDD;
    }
    m
}

/// Everything that has happened to (or is planned for) a child as of a date, in time order:
/// built once per child, then filtered per rule by mask.
fn occurrence_table(r: &ChildRecords<'_>, as_of: NaiveDate, out: &mut Vec<Occurrence>) {
    out.clear();
    for m in r.meetings {
        let tag = match &m.status {
            MeetingStatus::Held if m.date() <= as_of => tag_meeting(m.kind),
            MeetingStatus::Planned => tag_meeting(m.kind) + PLANNED,
            _ => continue,
        };
        if m.children.contains(&r.child.id) {
            out.push(Occurrence {
                date: m.date(),
                order: chrono::Timelike::num_seconds_from_midnight(&m.start.time()),
                source: Source::Meeting(m.id),
                tag,
            });
        }
    }
    for e in r.events.iter().filter(|e| e.date <= as_of) {
        out.push(Occurrence {
            date: e.date,
            order: 0,
            source: Source::Event(e.id),
            tag: tag_event(e.kind),
        });
    }
    for ep in r.episodes.iter().filter(|e| e.start <= as_of) {
        let tag = tag_episode(ep.kind.episode_type());
        out.push(Occurrence {
            date: ep.start,
            order: 0,
            source: Source::Episode(ep.id),
            tag,
        });
    }
    if let Birth::Unborn { expected_delivery } = r.child.birth {
        out.push(Occurrence {
            date: expected_delivery,
            order: 0,
            source: Source::ExpectedDelivery(r.child.id),
            tag: TAG_EDD,
        });
    }
    out.sort_by_key(|o| (o.date, o.order));
}

fn select(table: &[Occurrence], mask: u64, out: &mut Vec<Occurrence>) {
    out.clear();
    out.extend(table.iter().filter(|o| mask & (1 << o.tag) != 0).copied());
}

/// Buffers reused across rules and children, so evaluating an authority allocates little.
#[derive(Debug, Default)]
pub struct Scratch {
    table: Vec<Occurrence>,
    bufs: Buffers,
}

#[derive(Debug, Default)]
struct Buffers {
    occurrences: Vec<Occurrence>,
    anchors: Vec<(Occurrence, Option<NaiveDate>)>,
    targets: Vec<Occurrence>,
    planned: Vec<Occurrence>,
    closers: Vec<Occurrence>,
    matched: Vec<Option<usize>>,
    nth: Vec<(EpisodeId, u32)>,
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
    evaluate_child_into(pack, rules, cal, records, as_of, &mut Scratch::default(), &mut items)?;
    Ok(items)
}

/// As `evaluate_child`, appending to `items` and reusing `scratch` between calls.
pub fn evaluate_child_into(
    pack: &RulePack,
    rules: &[Rule],
    cal: &WorkingDayCalendar,
    records: &ChildRecords<'_>,
    as_of: NaiveDate,
    scratch: &mut Scratch,
    items: &mut Vec<DueItem>,
) -> Result<(), CalendarError> {
    let Scratch { table, bufs } = scratch;
    occurrence_table(records, as_of, table);
    let present = table.iter().fold(0u64, |m, o| m | 1 << o.tag);
    for rule in rules {
        // Most children have no occurrence that could anchor most rules: skip those cheaply.
        if present & (mask(&rule.anchor, false) | mask(&rule.anchor, true)) == 0 {
            continue;
        }
        let ctx = Ctx {
            pack,
            rule,
            cal,
            records,
            as_of,
            table,
        };
        match rule.direction {
            Direction::After => forward(&ctx, bufs, items)?,
            Direction::Before => backward(&ctx, bufs, items)?,
        }
    }
    Ok(())
}

struct Ctx<'a, 'r> {
    table: &'a [Occurrence],
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
        Ok(if left <= i64::from(self.pack.settings.due_soon_working_days) {
            DueStatus::DueSoon
        } else {
            DueStatus::Upcoming
        })
    }

    fn item(&self, anchor: &Occurrence, deadline: NaiveDate) -> DueItem {
        DueItem {
            child: self.records.child.id,
            rule: compact_str::CompactString::new(&self.rule.id),
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

/// Anchors that fall inside the rule's episode (if it has one), with the nth filter applied.
fn anchors(ctx: &Ctx<'_, '_>, planned_too: bool, b: &mut Buffers) {
    let mut m = mask(&ctx.rule.anchor, false);
    if planned_too {
        m |= mask(&ctx.rule.anchor, true);
    }
    select(ctx.table, m, &mut b.occurrences);
    let out = &mut b.anchors;
    out.clear();
    let nth_count = &mut b.nth;
    nth_count.clear();
    for &o in &b.occurrences {
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
}

fn after(o: &Occurrence, anchor: &Occurrence) -> bool {
    (o.date, o.order) >= (anchor.date, anchor.order) && o.source != anchor.source
}

fn forward(ctx: &Ctx<'_, '_>, b: &mut Buffers, out: &mut Vec<DueItem>) -> Result<(), CalendarError> {
    anchors(ctx, false, b);
    select(ctx.table, mask(&ctx.rule.target, false), &mut b.targets);
    select(ctx.table, mask(&ctx.rule.target, true), &mut b.planned);
    select(
        ctx.table,
        ctx.rule.closed_by.as_ref().map_or(0, |t| mask(t, false)),
        &mut b.closers,
    );
    let (anchors, targets, planned, closers) = (&b.anchors, &b.targets, &b.planned, &b.closers);
    // For each anchor, the first target after it (bounded by the next anchor under Pick::Each).
    b.matched.clear();
    let matched = &mut b.matched;
    matched.extend(anchors.iter().enumerate().map(|(i, (a, _))| {
        let next = anchors.get(i + 1).map(|(n, _)| n);
        // Targets are in time order: start at the first not before the anchor.
        let from = targets.partition_point(|t| (t.date, t.order) < (a.date, a.order));
        targets[from..]
            .iter()
            .position(|t| t.source != a.source)
            .map(|k| k + from)
            .filter(|&k| ctx.rule.pick != Pick::Each || next.is_none_or(|n| !after(&targets[k], n)))
    }));
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
                item.scheduled = planned.iter().find(|p| after(p, anchor)).and_then(|p| match p.source {
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
fn backward(ctx: &Ctx<'_, '_>, b: &mut Buffers, out: &mut Vec<DueItem>) -> Result<(), CalendarError> {
    anchors(ctx, true, b);
    select(ctx.table, mask(&ctx.rule.target, false), &mut b.targets);
    let targets = &b.targets;
    let mut previous: Option<NaiveDate> = None;
    for (anchor, _) in &b.anchors {
        let deadline = ctx.pack.deadline(ctx.rule, anchor.date, ctx.cal)?;
        let mut item = ctx.item(anchor, deadline);
        let target = targets
            .iter()
            .rfind(|t| t.date <= anchor.date && previous.is_none_or(|p| t.date > p));
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
