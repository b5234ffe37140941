//! Evaluation: from a child's events, meetings and episodes, and an as-of date, the due items
//! and their status. Pure: the caller loads the records and passes "as of". A child's
//! occurrences, and how a meeting and an event on the same day are ordered, are in
//! `occurrences.rs`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkingDayCalendar;
use crate::error::CalendarError;
use crate::ids::{ChildId, EpisodeId, EventId, MeetingId};
use crate::model::{Child, Episode, Event, Meeting};
use crate::rules::{Direction, Pick, Rule, RulePack};

mod occurrences;
use occurrences::{mask, occurrence_table, select, Occurrence};

/// A due item's status as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DueStatus {
    Overdue,
    DueSoon,
    Upcoming,
    /// Not met by its deadline, and it can no longer be: the meeting it was due before has been
    /// held, the expected date of delivery has come, or its episode ended after the deadline.
    Missed,
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
            DueStatus::Missed => "missed",
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
    /// For an item that stopped applying without being met, the day it stopped: its episode's
    /// end (a plan ended, a child stopped being looked after), or the day of the meeting it was
    /// due before (reports before a conference) or of the expected date of delivery, or under
    /// `Pick::Each` the day of the next anchor (the next conference's decision letter is its own). `None` for
    /// one closed by a decision (no further action) and for every open or met item. The item is
    /// `Missed` when its deadline passed before that day, `Closed` otherwise.
    pub ended: Option<NaiveDate>,
}

/// One child's records, as loaded by the store.
#[derive(Debug, Clone, Copy)]
pub struct ChildRecords<'a> {
    pub child: &'a Child,
    pub events: &'a [Event],
    pub meetings: &'a [Meeting],
    pub episodes: &'a [Episode],
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
    /// Each anchor with the episode it falls in (its id and last day) under an episode rule.
    anchors: Vec<(Occurrence, Option<(EpisodeId, NaiveDate)>)>,
    targets: Vec<Occurrence>,
    planned: Vec<Occurrence>,
    closers: Vec<Occurrence>,
    matched: Vec<Option<usize>>,
    /// Per anchor, how many closing events come before it: anchors either side of one are
    /// never grouped into one item.
    segments: Vec<usize>,
    /// Occurrences that open a backward rule's window (see `backward`).
    bounds: Vec<Occurrence>,
    nth: Vec<(EpisodeId, u32)>,
}

/// Rules ready to evaluate for many children: each with its triggers as occurrence masks,
/// worked out once rather than for every child.
#[derive(Debug)]
pub struct PreparedRules<'r> {
    rules: &'r [Rule],
    masks: Vec<Masks>,
}

/// A rule's triggers as masks of occurrence tags (`occurrences::mask`).
#[derive(Debug, Clone, Copy)]
struct Masks {
    anchor: u64,
    anchor_planned: u64,
    target: u64,
    target_planned: u64,
    closers: u64,
    requires: u64,
    /// What opens a backward rule's window (`window_openers`).
    openers: u64,
}

impl<'r> PreparedRules<'r> {
    /// `rules` (a pack's active rules) prepared; `pack` is theirs, for which rules share a target.
    pub fn new(pack: &RulePack, rules: &'r [Rule]) -> Self {
        let masks = rules
            .iter()
            .map(|r| Masks {
                anchor: mask(&r.anchor, false),
                anchor_planned: mask(&r.anchor, true),
                target: mask(&r.target, false),
                target_planned: mask(&r.target, true),
                closers: r.closed_by.as_ref().map_or(0, |c| mask(c, false)),
                requires: r.requires.as_ref().map_or(0, |t| mask(t, false)),
                openers: window_openers(pack, r),
            })
            .collect();
        PreparedRules { rules, masks }
    }
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
    let rules = PreparedRules::new(pack, rules);
    evaluate_child_into(pack, &rules, cal, records, as_of, &mut Scratch::default(), &mut items)?;
    Ok(items)
}

/// As `evaluate_child`, with the rules prepared once for many children, appending to `items`
/// and reusing `scratch` between calls.
pub fn evaluate_child_into(
    pack: &RulePack,
    rules: &PreparedRules<'_>,
    cal: &WorkingDayCalendar,
    records: &ChildRecords<'_>,
    as_of: NaiveDate,
    scratch: &mut Scratch,
    items: &mut Vec<DueItem>,
) -> Result<(), CalendarError> {
    let Scratch { table, bufs } = scratch;
    occurrence_table(records, as_of, table);
    let present = table.iter().fold(0u64, |m, o| m | 1 << o.tag);
    for (rule, masks) in rules.rules.iter().zip(&rules.masks) {
        // Most children have no occurrence that could anchor most rules: skip those cheaply.
        if present & (masks.anchor | masks.anchor_planned) == 0 {
            continue;
        }
        let ctx = Ctx {
            pack,
            rule,
            masks,
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
    masks: &'a Masks,
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

    /// Whether the rule asks for its target now (`Rule::requires`): one of its occurrences has
    /// happened and no closing event has followed the latest — or the target is booked (a
    /// planned pre-birth conference says the need was found).
    fn required(&self) -> bool {
        if self.rule.requires.is_none() {
            return true;
        }
        let booked = self.masks.target_planned;
        if self.table.iter().any(|o| booked & (1 << o.tag) != 0) {
            return true;
        }
        let (need, close) = (self.masks.requires, self.masks.closers);
        let last = |m: u64| {
            self.table
                .iter()
                .rev()
                .find(|o| m & (1 << o.tag) != 0)
                .map(Occurrence::key)
        };
        match (last(need), last(close)) {
            (None, _) => false,
            (Some(n), c) => c.is_none_or(|c| c < n),
        }
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
            deadline_computed: !crate::rules::deadline_confirmed(self.cal, anchor.date, deadline),
            ended: None,
        }
    }
}

/// Anchors that fall inside the rule's episode (if it has one), with the nth filter applied.
fn anchors(ctx: &Ctx<'_, '_>, planned_too: bool, b: &mut Buffers) {
    let mut m = ctx.masks.anchor;
    if planned_too {
        m |= ctx.masks.anchor_planned;
    }
    select(ctx.table, m, &mut b.occurrences);
    let out = &mut b.anchors;
    out.clear();
    let nth_count = &mut b.nth;
    nth_count.clear();
    for &o in &b.occurrences {
        // An open episode the rule does not start within (its last day no longer counts: a plan
        // that ended today does not hold back a new enquiry's conference).
        if let Some(kind) = ctx.rule.unless_in_episode {
            let open = |e: &&Episode| {
                e.kind.episode_type() == kind && e.start <= o.date && e.end.is_none_or(|end| o.date < end)
            };
            if ctx.records.episodes.iter().any(|e| open(&e)) {
                continue;
            }
        }
        let episode = match ctx.rule.episode {
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
                    Some((ep.id, ep.end.unwrap_or(NaiveDate::MAX)))
                }
            },
        };
        out.push((o, episode));
    }
}

/// The first anchor after anchor `i` at a later point in time (two on one day, such as two
/// referrals, are not each other's next).
fn next_anchor<T>(anchors: &[(Occurrence, T)], i: usize) -> Option<&Occurrence> {
    let a = anchors[i].0.key();
    anchors[i + 1..].iter().map(|(n, _)| n).find(|n| n.key() > a)
}

fn after(o: &Occurrence, anchor: &Occurrence) -> bool {
    o.key() >= anchor.key() && o.source != anchor.source
}

fn forward(ctx: &Ctx<'_, '_>, b: &mut Buffers, out: &mut Vec<DueItem>) -> Result<(), CalendarError> {
    anchors(ctx, false, b);
    select(ctx.table, ctx.masks.target, &mut b.targets);
    select(ctx.table, ctx.masks.target_planned, &mut b.planned);
    select(ctx.table, ctx.masks.closers, &mut b.closers);
    let (anchors, targets, planned, closers) = (&b.anchors, &b.targets, &b.planned, &b.closers);
    // Once per rule and child: it does not depend on the anchor.
    let required = ctx.required();
    // For each anchor, the first target after it (bounded by the next anchor under Pick::Each).
    b.matched.clear();
    let matched = &mut b.matched;
    matched.extend(anchors.iter().enumerate().map(|(i, (a, _))| {
        // The next anchor at a later point: two on the same day (two referrals) are bounded
        // together, so one decision that day answers both instead of neither ever being met.
        let next = next_anchor(anchors, i);
        // Targets are in time order: start at the first not before the anchor.
        let from = targets.partition_point(|t| t.key() < a.key());
        targets[from..]
            .iter()
            .position(|t| t.source != a.source)
            .map(|k| k + from)
            .filter(|&k| ctx.rule.pick != Pick::Each || next.is_none_or(|n| !after(&targets[k], n)))
    }));
    // A closing event ends only the anchors before it: a later anchor (a new enquiry after "no
    // further action") starts a new item even when both would be met by the same target.
    b.segments.clear();
    let segments = &mut b.segments;
    segments.extend(
        anchors
            .iter()
            .map(|(a, _)| closers.partition_point(|c| c.key() < a.key())),
    );
    for (i, (anchor, episode)) in anchors.iter().enumerate() {
        // Anchors of different episodes are never one item: a plan that ended without its
        // review keeps its missed item when a later plan's review is the first after both.
        let same_group = |j: usize| {
            matched[j] == matched[i] && segments[j] == segments[i] && anchors[j].1.map(|e| e.0) == episode.map(|e| e.0)
        };
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
        let end = episode.map_or(NaiveDate::MAX, |e| e.1);
        // Under "each", the day of the next anchor, which ends this one's chance to be met.
        let superseded = (ctx.rule.pick == Pick::Each)
            .then(|| next_anchor(anchors, i).map(|n| n.date))
            .flatten();
        let closed = closers
            .iter()
            .any(|c| after(c, anchor) && target.is_none_or(|t| c.key() <= t.key()));
        match target {
            Some(t) if t.date <= end && !closed => {
                item.met_on = Some(t.date);
                item.met_by = Some(t.source);
                item.status = if t.date <= deadline {
                    DueStatus::Met
                } else {
                    DueStatus::MetLate
                };
            }
            // The episode's last day is its end: from then on its rules no longer apply.
            _ if closed || end <= ctx.as_of => {
                // A deadline that passed before the episode ended stays missed.
                item.status = if !closed && deadline < end {
                    DueStatus::Missed
                } else {
                    DueStatus::Closed
                };
                item.ended = (!closed).then_some(end);
            }
            // Under "each", the next anchor (the next conference, a new referral) has happened:
            // what comes after it is its own, so this one can no longer be met. Missed if its
            // deadline had passed by then, closed if not.
            _ if superseded.is_some() => {
                let next = superseded.unwrap_or(ctx.as_of);
                item.status = if deadline < next {
                    DueStatus::Missed
                } else {
                    DueStatus::Closed
                };
                item.ended = Some(next);
            }
            // Not asked for (yet): no item, rather than one overdue for a need no one has found.
            _ if !required => continue,
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

/// What opens a backward rule's window: the anchors of every backward rule of the pack that
/// shares a target with this one. Reports shared with parents are for one conference of the
/// child's chain (ICPC or pre-birth, then reviews), so reports for a review must come after the
/// conference before it of any kind, not just the previous review.
fn window_openers(pack: &RulePack, rule: &Rule) -> u64 {
    let target = mask(&rule.target, false);
    let anchors_of = |r: &Rule| mask(&r.anchor, false) | mask(&r.anchor, true);
    pack.rules
        .iter()
        .filter(|r| r.direction == Direction::Before && mask(&r.target, false) & target != 0)
        .fold(anchors_of(rule), |m, r| m | anchors_of(r))
}

/// Backward rules: the target must happen at least the offset before the anchor (which may be
/// a planned meeting: reports are due before a conference that has not happened yet), and after
/// the previous occurrence it could have been for (see `window_openers`).
fn backward(ctx: &Ctx<'_, '_>, b: &mut Buffers, out: &mut Vec<DueItem>) -> Result<(), CalendarError> {
    anchors(ctx, true, b);
    if b.anchors.is_empty() {
        return Ok(());
    }
    select(ctx.table, ctx.masks.target, &mut b.targets);
    select(ctx.table, ctx.masks.openers, &mut b.bounds);
    // Planned targets are looked for only once an anchor has no held one.
    let mut planned_selected = false;
    let (targets, planned, bounds) = (&b.targets, &mut b.planned, &b.bounds);
    let required = ctx.required();
    // Born by the day evaluated: what had to come before the expected date of delivery (a
    // pre-birth conference) had to come before the birth too.
    let born = ctx.records.child.birth.date_of_birth().filter(|d| *d <= ctx.as_of);
    for (anchor, _) in &b.anchors {
        let deadline = ctx.pack.deadline(ctx.rule, anchor.date, ctx.cal)?;
        let mut item = ctx.item(anchor, deadline);
        let opened = bounds[..bounds.partition_point(|o| o.key() < anchor.key())]
            .last()
            .map(Occurrence::key);
        // Born before the expected date: the day a pre-birth conference could last be held.
        let born_early = born.filter(|b| matches!(anchor.source, Source::ExpectedDelivery(_)) && *b < anchor.date);
        let in_window = |t: &&Occurrence| {
            t.key() <= anchor.key() && opened.is_none_or(|p| t.key() > p) && born_early.is_none_or(|b| t.date <= b)
        };
        match (targets.iter().rfind(in_window), born_early) {
            (Some(t), _) => {
                item.met_on = Some(t.date);
                item.met_by = Some(t.source);
                item.status = if t.date <= deadline {
                    DueStatus::Met
                } else {
                    DueStatus::MetLate
                };
            }
            // Not asked for (yet, or any more): no item (`Rule::requires`).
            (None, _) if !required => continue,
            // The baby came first, with no pre-birth conference: missed if its deadline had
            // passed by the birth, else it stopped applying then (an initial conference is due
            // instead).
            (None, Some(b)) => {
                item.status = if deadline < b {
                    DueStatus::Missed
                } else {
                    DueStatus::Closed
                };
                item.ended = Some(b);
            }
            // The conference was held (or the expected date of delivery came) without it: it
            // can no longer be met, so it leaves "what needs doing" and counts as missed.
            (None, None) if !anchor.is_planned() && anchor.date <= ctx.as_of => {
                item.status = DueStatus::Missed;
                item.ended = Some(anchor.date);
            }
            (None, None) => {
                item.status = ctx.status_open(deadline)?;
                // A planned target (a pre-birth conference booked before the expected date of
                // delivery): the booking the deadline is judged on, as forward rules do.
                if !planned_selected {
                    select(ctx.table, ctx.masks.target_planned, planned);
                    planned_selected = true;
                }
                item.scheduled = planned.iter().rfind(in_window).and_then(|p| match p.source {
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

#[cfg(test)]
mod tests;
