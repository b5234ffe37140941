//! Use-cases over a loaded dataset: what the app's screens and the CLI's listings show.
//! The store loads; these compute; the app and the CLI only format.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::calendar::WorkingDayCalendar;
use crate::dataset::{ChildBundle, Dataset};
use crate::error::CalendarError;
use crate::ids::*;
use crate::model::*;
use crate::rules::{Area, Rule, RuleKind, RulePack};
use crate::timescales::{evaluate_child_into, DueItem, DueStatus, PreparedRules, Scratch};
use crate::views::*;

/// Names of people, teams, venues and children, for turning ids into text.
pub struct Names<'a> {
    people: HashMap<PersonId, &'a Person>,
    teams: HashMap<TeamId, &'a Team>,
    venues: HashMap<VenueId, &'a Venue>,
    children: HashMap<ChildId, &'a Child>,
    /// Children shown by initials, by choice or beside a brother or sister who is.
    initials: std::collections::HashSet<ChildId>,
}

impl<'a> Names<'a> {
    pub fn new(ds: &'a Dataset) -> Self {
        Names {
            people: ds.people.iter().map(|p| (p.id, p)).collect(),
            teams: ds.teams.iter().map(|t| (t.id, t)).collect(),
            venues: ds.venues.iter().map(|v| (v.id, v)).collect(),
            children: ds.children.iter().map(|c| (c.id, c)).collect(),
            initials: crate::model::shown_by_initials(&ds.children),
        }
    }
    pub fn person(&self, id: PersonId) -> Option<&'a Person> {
        self.people.get(&id).copied()
    }
    pub fn person_name(&self, id: PersonId) -> String {
        self.person(id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| "(unknown person)".into())
    }
    /// A person with their role, as a chair is introduced: "Kwame Mensah (Social worker)"; the
    /// name alone when no role is recorded.
    pub fn person_with_role(&self, id: PersonId) -> String {
        match self.person(id) {
            Some(p) if !p.role.trim().is_empty() => format!("{} ({})", p.name, p.role.trim()),
            _ => self.person_name(id),
        }
    }
    /// A child's name as every screen shows it: by initials when they, or a brother or sister,
    /// are shown so (`shown_by_initials`).
    pub fn child_name(&self, id: ChildId) -> String {
        self.children
            .get(&id)
            .map(|c| c.name_shown(self.initials.contains(&id)))
            .unwrap_or_else(|| "(unknown child)".into())
    }
    /// The children of one meeting, as a row naming them together shows them: by initials, all of
    /// them, when any is shown by initials (beside a named child of the same meeting, initials
    /// would hide nothing, brother or sister recorded or not).
    pub fn meeting_children(&self, ids: &[ChildId]) -> Vec<String> {
        let initials = ids.iter().any(|id| self.initials.contains(id));
        ids.iter()
            .map(|id| match self.children.get(id) {
                Some(c) if initials => crate::model::initials(&c.given_name, &c.family_name),
                _ => self.child_name(*id),
            })
            .collect()
    }
    /// The team of the child's allocated social worker.
    pub fn child_team(&self, c: &Child) -> Option<&'a Team> {
        c.social_worker
            .and_then(|sw| self.person(sw))
            .and_then(|p| p.team)
            .and_then(|t| self.teams.get(&t).copied())
    }
    pub fn location(&self, l: &Location) -> String {
        match l {
            Location::Venue { venue } => self
                .venues
                .get(venue)
                .map(|v| v.name.clone())
                .unwrap_or_else(|| "(unknown venue)".into()),
            Location::Online { joining_details } => format!("Online: {joining_details}"),
        }
    }
}

/// Every due item for every child, as of a date, in child-id order. Children are evaluated
/// independently, so the work is split across the machine's cores.
pub fn evaluate_all(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    bundles: &HashMap<ChildId, ChildBundle>,
    as_of: NaiveDate,
) -> Result<Vec<DueItem>, CalendarError> {
    let active = pack.active_rules();
    let rules = PreparedRules::new(pack, &active);
    let mut children: Vec<&ChildBundle> = bundles.values().collect();
    children.sort_by_key(|b| b.child.id);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let chunk = children.len().div_ceil(threads).max(256);
    let parts: Vec<Result<Vec<DueItem>, CalendarError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = children
            .chunks(chunk)
            .map(|part| {
                let rules = &rules;
                scope.spawn(move || {
                    let mut out = Vec::with_capacity(part.len() * 32);
                    let mut scratch = Scratch::default();
                    for b in part {
                        evaluate_child_into(pack, rules, cal, &b.records(), as_of, &mut scratch, &mut out)?;
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    // The first part becomes the result; later ones are appended (one copy, not two).
    let mut parts = parts.into_iter();
    let mut out = parts.next().transpose()?.unwrap_or_default();
    for p in parts {
        out.append(&mut p?);
    }
    Ok(out)
}

/// Every conflict of the meetings held from `from` to `to` (inclusive), with its sentence, the
/// statutory windows judged as of `as_of`: the conflicts list of the app and the CLI.
pub fn conflicts_between(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
) -> Result<Vec<crate::schedule::Conflict>, CalendarError> {
    let items = evaluate_all(pack, cal, &ds.by_child(), as_of)?;
    let ctx = crate::schedule::ScanContext::new(ds, &ds.busy, cal, &items);
    let in_range: Vec<&Meeting> = ds
        .meetings
        .iter()
        .filter(|m| m.date() >= from && m.date() <= to)
        .collect();
    Ok(crate::schedule::scan_conflicts(&in_range, &ctx))
}

/// The section 47 enquiries open on `as_of`, by child, with the day each started: the latest
/// enquiry started by then, unless a decision of no further action or a held conference
/// (initial, pre-birth or review) has come since, on the same day or later.
pub fn open_enquiries(ds: &Dataset, as_of: NaiveDate) -> HashMap<ChildId, NaiveDate> {
    enquiries_in(&ds.events, &ds.meetings, as_of)
}

/// `open_enquiries` among these events and meetings (the whole dataset's, or one child's).
fn enquiries_in(events: &[Event], meetings: &[Meeting], as_of: NaiveDate) -> HashMap<ChildId, NaiveDate> {
    let mut started: HashMap<ChildId, NaiveDate> = HashMap::new();
    let mut ended: HashMap<ChildId, NaiveDate> = HashMap::new();
    let latest = |map: &mut HashMap<ChildId, NaiveDate>, child: ChildId, day: NaiveDate| {
        if day <= as_of {
            let e = map.entry(child).or_insert(day);
            *e = (*e).max(day);
        }
    };
    for e in events {
        match e.kind {
            EventKind::S47Start => latest(&mut started, e.child, e.date),
            EventKind::NoFurtherAction => latest(&mut ended, e.child, e.date),
            _ => {}
        }
    }
    for m in meetings {
        let conference = matches!(
            m.kind,
            MeetingKind::Icpc | MeetingKind::PreBirthConference | MeetingKind::ReviewConference
        );
        if conference && m.status == MeetingStatus::Held {
            for c in &m.children {
                latest(&mut ended, *c, m.date());
            }
        }
    }
    started.retain(|c, start| ended.get(c).is_none_or(|end| end < start));
    started
}

/// One child's row: `counts` are their overdue and due-soon items, `episodes` may include other
/// children's (only the child's own open ones are shown).
fn child_summary<'e>(
    c: &Child,
    names: &Names<'_>,
    episodes: impl Iterator<Item = &'e Episode>,
    counts: (u32, u32),
    enquiry: Option<NaiveDate>,
    as_of: NaiveDate,
) -> ChildSummary {
    let mut open: Vec<&Episode> = episodes.filter(|e| e.child == c.id && e.covers(as_of)).collect();
    open.sort_by_key(|e| e.start);
    ChildSummary {
        id: c.id,
        name: names.child_name(c.id),
        case_id: c.case_id.clone(),
        birth: birth_label(&c.birth),
        age: age_label(&c.birth, as_of),
        social_worker: c.social_worker.map(|p| names.person_name(p)),
        team: names.child_team(c).map(|t| t.name.clone()),
        open_episodes: open.iter().map(|e| episode_label(&e.kind)).collect(),
        enquiry: enquiry.map(|d| format!("Section 47 enquiry since {}", uk_date(d))),
        overdue: counts.0,
        due_soon: counts.1,
    }
}

/// Each child's overdue and due-soon items.
fn due_counts(items: &[DueItem]) -> HashMap<ChildId, (u32, u32)> {
    let mut counts: HashMap<ChildId, (u32, u32)> = HashMap::new();
    for i in items {
        let e = counts.entry(i.child).or_default();
        match i.status {
            DueStatus::Overdue => e.0 += 1,
            DueStatus::DueSoon => e.1 += 1,
            _ => {}
        }
    }
    counts
}

pub fn child_summaries(ds: &Dataset, items: &[DueItem], as_of: NaiveDate) -> Vec<ChildSummary> {
    let names = Names::new(ds);
    let enquiries = open_enquiries(ds, as_of);
    let counts = due_counts(items);
    let mut out: Vec<ChildSummary> = ds
        .children
        .iter()
        .map(|c| {
            let n = counts.get(&c.id).copied().unwrap_or_default();
            child_summary(c, &names, ds.episodes.iter(), n, enquiries.get(&c.id).copied(), as_of)
        })
        .collect();
    out.sort_by(|a, b| (b.overdue, b.due_soon, &a.name).cmp(&(a.overdue, a.due_soon, &b.name)));
    out
}

/// The person "who am I" names, with their team and how many children are allocated to them;
/// none if no one is chosen or they are no longer in the directory.
pub fn me(ds: &Dataset, me: Option<PersonId>) -> Option<Me> {
    let p = ds.people.iter().find(|p| Some(p.id) == me)?;
    let team = p
        .team
        .and_then(|t| ds.teams.iter().find(|team| team.id == t))
        .map(|t| Named {
            id: t.id.0,
            name: t.name.clone(),
        });
    let allocated = ds.children.iter().filter(|c| c.social_worker == Some(p.id)).count();
    Some(Me {
        person: Named {
            id: p.id.0,
            name: p.name.clone(),
        },
        team,
        allocated: u32::try_from(allocated).unwrap_or(u32::MAX),
    })
}

/// What a due item is called for its child: its rule's title, unless the rule is met by several
/// kinds of meeting and this child's is not the first the title names. The initial conference
/// for an unborn baby is their pre-birth conference, and is called so.
fn item_title(rule: &Rule, to_book: Option<MeetingKind>) -> String {
    match to_book {
        Some(kind) if rule.target.meetings.len() > 1 && rule.target.meetings.first() != Some(&kind) => {
            kind.title().to_string()
        }
        _ => rule.title.clone(),
    }
}

pub fn due_views(
    ds: &Dataset,
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    items: &[DueItem],
    as_of: NaiveDate,
) -> Vec<DueItemView> {
    let names = Names::new(ds);
    let children: HashMap<ChildId, &Child> = ds.children.iter().map(|c| (c.id, c)).collect();
    items
        .iter()
        .map(|i| {
            let rule = pack.rule(&i.rule).ok();
            let child = children.get(&i.child);
            let unborn = child.is_some_and(|c| c.birth.is_unborn());
            let schedule_kind = rule.and_then(|r| r.meeting_to_book(unborn));
            let title = rule.map_or_else(|| i.rule.to_string(), |r| item_title(r, schedule_kind));
            let record_kind = rule.and_then(|r| r.event_to_record());
            let working_days = crate::views::working_days_to(i, cal, as_of);
            let team = child.and_then(|c| names.child_team(c));
            DueItemView {
                child: i.child,
                child_name: names.child_name(i.child),
                rule: i.rule.to_string(),
                summary: due_summary(i, &title, as_of, working_days),
                when: crate::views::due_when(i, as_of, working_days),
                rule_title: title,
                anchor: i.anchor,
                deadline: i.deadline,
                status: i.status,
                met_on: i.met_on,
                scheduled: i.scheduled,
                deadline_computed: i.deadline_computed,
                team: team.map(|t| t.name.clone()),
                social_worker: child.and_then(|c| c.social_worker).map(|p| names.person_name(p)),
                team_id: team.map(|t| t.id),
                social_worker_id: child.and_then(|c| c.social_worker),
                anchor_source: i.anchor_source,
                schedule_kind,
                record_kind,
                area: rule.map_or(Area::Other, Rule::area),
                rule_kind: rule.map_or(RuleKind::Local, |r| r.kind),
            }
        })
        .collect()
}

/// Every kind of meeting, in the order the scheduler lists them, with its name and usual length
/// (the UI reads them from here rather than keeping a list of its own).
pub fn meeting_kinds() -> Vec<MeetingKindView> {
    MeetingKind::ALL
        .iter()
        .map(|k| MeetingKindView {
            kind: *k,
            title: k.title().to_string(),
            typical_minutes: k.typical_minutes(),
        })
        .collect()
}

/// The child screen: details, siblings, network, episodes, events, meetings and due items.
pub fn child_detail(
    ds: &Dataset,
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    bundle: &ChildBundle,
    as_of: NaiveDate,
) -> Result<ChildDetail, CalendarError> {
    let names = Names::new(ds);
    let rules = pack.active_rules();
    let mut items = crate::timescales::evaluate_child(pack, &rules, cal, &bundle.records(), as_of)?;
    items.sort_by_key(|i| (i.deadline, i.status));
    // This child's row, from their own records (not every child's, to pick one).
    let c = &bundle.child;
    let counts = due_counts(&items).get(&c.id).copied().unwrap_or_default();
    let enquiry = enquiries_in(&bundle.events, &bundle.meetings, as_of)
        .get(&c.id)
        .copied();
    let summary = child_summary(c, &names, bundle.episodes.iter(), counts, enquiry, as_of);
    let agencies: HashMap<AgencyId, &Agency> = ds.agencies.iter().map(|a| (a.id, a)).collect();
    let mut events: Vec<EventView> = bundle.events.iter().map(event_view).collect();
    events.sort_by_key(|e| (e.date, e.id));
    let mut meetings: Vec<&Meeting> = bundle.meetings.iter().collect();
    meetings.sort_by_key(|m| (m.start, m.id));
    let mut episodes: Vec<EpisodeView> = bundle
        .episodes
        .iter()
        .map(|e| EpisodeView {
            id: e.id,
            kind: e.kind.episode_type(),
            label: episode_label(&e.kind),
            start: e.start,
            end: e.end,
        })
        .collect();
    episodes.sort_by_key(|e| e.start);
    Ok(ChildDetail {
        siblings: bundle
            .child
            .siblings
            .iter()
            .map(|s| Named {
                id: s.0,
                name: names.child_name(*s),
            })
            .collect(),
        network: bundle
            .child
            .network
            .iter()
            .filter_map(|l| {
                let p = names.person(l.person)?;
                Some(NetworkMember {
                    person: p.id,
                    name: p.name.clone(),
                    role: l.role,
                    job: p.role.clone(),
                    agency: agencies.get(&p.agency).map(|a| a.name.clone()).unwrap_or_default(),
                })
            })
            .collect(),
        episodes,
        events,
        meetings: meetings.into_iter().map(|m| meeting_summary(m, &names)).collect(),
        items: due_views(ds, pack, cal, &items, as_of),
        summary,
        meeting_kinds: meeting_kinds(),
        event_kinds: event_kinds(),
        social_worker_id: bundle.child.social_worker,
        unborn: bundle.child.birth.is_unborn(),
        expected_before_birth: expected_before_birth(&bundle.child.birth),
        after_birth: after_birth(&bundle.child, &bundle.meetings),
        edit: ChildEdit::of(&bundle.child),
        network_roles: network_roles(),
    })
}

/// Who a child can be allocated to (`views::check_allocation`: the members of children's social
/// care's teams), by name.
pub fn social_workers(ds: &Dataset) -> Vec<Named> {
    let agencies: HashMap<AgencyId, &Agency> = ds.agencies.iter().map(|a| (a.id, a)).collect();
    let mut out: Vec<Named> = ds
        .people
        .iter()
        .filter(|p| crate::views::check_allocation(p, agencies.get(&p.agency).copied()).is_ok())
        .map(|p| Named {
            id: p.id.0,
            name: p.name.clone(),
        })
        .collect();
    out.sort_by_cached_key(|n| (filing_name(&n.name), n.name.clone(), n.id));
    out
}

/// A name as a directory files it: without a title or rank in front ("DC Sam Whitlock" under S,
/// "Dr Alan Pike" under A), and without capitals.
pub fn filing_name(name: &str) -> String {
    const TITLES: [&str; 21] = [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "rev",
        "revd",
        "cllr",
        "sir",
        "dame",
        "pc",
        "dc",
        "ds",
        "di",
        "dci",
        "sgt",
        "insp",
        "supt",
    ];
    let mut words = name.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        let bare = w.trim_end_matches('.').to_lowercase();
        // A title is never the whole name.
        if TITLES.contains(&bare.as_str()) && name.split_whitespace().count() > 1 {
            words.next();
        } else {
            break;
        }
    }
    words.collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Practitioners and other attendees, by name (`filing_name`); those who are leaving or have left
/// after the rest, and family members last.
pub fn people(ds: &Dataset) -> Vec<PersonView> {
    let agencies: HashMap<AgencyId, &Agency> = ds.agencies.iter().map(|a| (a.id, a)).collect();
    let teams: HashMap<TeamId, &Team> = ds.teams.iter().map(|t| (t.id, t)).collect();
    let mut out: Vec<(bool, PersonView)> = ds
        .people
        .iter()
        .map(|p| {
            let agency = agencies.get(&p.agency);
            (
                agency.is_some_and(|a| a.kind == AgencyKind::Family),
                PersonView {
                    id: p.id,
                    name: p.name.clone(),
                    role: p.role.clone(),
                    agency: agency.map(|a| a.name.clone()).unwrap_or_default(),
                    team: p.team.and_then(|t| teams.get(&t)).map(|t| t.name.clone()),
                    working_pattern: pattern_label(&p.working_pattern),
                    family: agency.is_some_and(|a| a.kind == AgencyKind::Family),
                    details: crate::views::PersonDraft::of(p),
                    last_day: p.last_day,
                },
            )
        })
        .collect();
    out.sort_by_cached_key(|(family, p)| (*family, p.last_day.is_some(), filing_name(&p.name), p.name.clone()));
    out.into_iter().map(|(_, p)| p).collect()
}

mod meetings;
pub use meetings::*;

#[cfg(test)]
mod tests;
