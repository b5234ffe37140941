//! The calendar screen's entries: the meetings of a range of days, for everyone or for one
//! person, team or venue, in UK wall-clock time. Pure: it reads a dataset and writes nothing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dataset::Dataset;
use crate::ids::*;
use crate::model::*;
use crate::queries::Names;
use crate::views::status_label;

/// Whose meetings the calendar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum CalendarFilter {
    Everyone,
    /// Meetings the person chairs, minutes or is invited to.
    Person {
        person: PersonId,
    },
    /// Meetings anyone in the team chairs, minutes or is invited to.
    Team {
        team: TeamId,
    },
    Venue {
        venue: VenueId,
    },
}

/// One meeting on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarEntry {
    pub id: MeetingId,
    pub kind: MeetingKind,
    /// "Core group: Ava Smith, Leo Smith" (children as their record says to show them).
    pub title: String,
    /// For a month's narrow cells: its kind in short, then whose meeting ("ICPC · Maya
    /// Dunmore"), so a cell cut short loses a name, not what kind of meeting it is.
    pub label: String,
    /// UK wall-clock time without an offset, `YYYY-MM-DDTHH:MM:SS`: what the calendar draws.
    pub start: String,
    pub end: String,
    /// "planned", "held" or "cancelled".
    pub status: String,
    pub location: String,
    /// Only a planned meeting can be moved.
    pub movable: bool,
}

/// A range of the calendar: at most `per_day` meetings a day (the earliest), and for busier days
/// how many more there are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarPage {
    pub entries: Vec<CalendarEntry>,
    pub more: Vec<DayMore>,
    /// Every meeting in the range, shown or not.
    pub total: u32,
    /// The abbreviations the shown entries' labels use, in the order kinds are listed.
    pub abbreviations: Vec<Abbreviation>,
}

/// A short name in the labels and what it stands for: "CIN", "child in need".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Abbreviation {
    pub short: String,
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DayMore {
    pub date: NaiveDate,
    pub count: u32,
}

/// Which meetings a page shows: the ids of the first `per_day` of each day (in time order), the
/// counts of the rest, and the total. Needs only the range's meetings (and, for a team, its
/// people), not the children: the caller loads names for the shown meetings alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSelection {
    pub shown: Vec<MeetingId>,
    pub more: Vec<DayMore>,
    pub total: u32,
}

pub fn select_page(
    ds: &Dataset,
    from: NaiveDate,
    to: NaiveDate,
    filter: CalendarFilter,
    per_day: usize,
) -> PageSelection {
    let all = selected(ds, from, to, filter);
    let total = u32::try_from(all.len()).unwrap_or(u32::MAX);
    let mut shown = Vec::new();
    let mut more: Vec<DayMore> = Vec::new();
    let mut day = None;
    let mut count = 0usize;
    for m in all {
        let date = m.date();
        if day != Some(date) {
            day = Some(date);
            count = 0;
        }
        count += 1;
        if count <= per_day {
            shown.push(m.id);
        } else {
            match more.last_mut() {
                Some(x) if x.date == date => x.count += 1,
                _ => more.push(DayMore { date, count: 1 }),
            }
        }
    }
    PageSelection { shown, more, total }
}

/// A page's entries for `selection` (made by `select_page` on the same meetings).
pub fn page_of(ds: &Dataset, selection: PageSelection) -> CalendarPage {
    let names = Names::new(ds);
    let by_id: std::collections::HashMap<MeetingId, &Meeting> = ds.meetings.iter().map(|m| (m.id, m)).collect();
    let entries: Vec<CalendarEntry> = selection
        .shown
        .iter()
        .filter_map(|id| by_id.get(id))
        .map(|m| entry(m, &names))
        .collect();
    let abbreviations = MeetingKind::ALL
        .iter()
        .filter(|k| entries.iter().any(|e| e.kind == **k))
        .filter_map(|k| k.abbreviation())
        .map(|(short, meaning)| Abbreviation {
            short: short.to_string(),
            meaning: meaning.to_string(),
        })
        .collect();
    CalendarPage {
        entries,
        more: selection.more,
        total: selection.total,
        abbreviations,
    }
}

/// `calendar_entries`, keeping the first `per_day` meetings of each day: a whole authority has a
/// hundred meetings a day, which no one can read in a month view (or draw quickly).
pub fn calendar_page(
    ds: &Dataset,
    from: NaiveDate,
    to: NaiveDate,
    filter: CalendarFilter,
    per_day: usize,
) -> CalendarPage {
    page_of(ds, select_page(ds, from, to, filter, per_day))
}

fn involves(m: &Meeting, who: impl Fn(PersonId) -> bool) -> bool {
    m.people().any(who)
}

/// The range's meetings for the filter (cancelled ones left out), in time order.
fn selected(ds: &Dataset, from: NaiveDate, to: NaiveDate, filter: CalendarFilter) -> Vec<&Meeting> {
    let team: std::collections::HashMap<PersonId, TeamId> =
        ds.people.iter().filter_map(|p| p.team.map(|t| (p.id, t))).collect();
    let mut ms: Vec<&Meeting> = ds
        .meetings
        .iter()
        .filter(|m| !m.is_cancelled() && m.date() >= from && m.date() <= to)
        .filter(|m| match filter {
            CalendarFilter::Everyone => true,
            CalendarFilter::Person { person } => involves(m, |p| p == person),
            CalendarFilter::Team { team: t } => involves(m, |p| team.get(&p) == Some(&t)),
            CalendarFilter::Venue { venue } => m.location == Location::Venue { venue },
        })
        .collect();
    ms.sort_by_key(|m| (m.start, m.id));
    ms
}

/// A month cell's words: the kind in short, then whose meeting. The kind comes first because it
/// is short and always fits; a cell cut short loses a second child's name, not the kind.
fn month_label(kind: MeetingKind, children: &[String]) -> String {
    if children.is_empty() {
        kind.short_title().to_string()
    } else {
        format!("{} · {}", kind.short_title(), children.join(", "))
    }
}

fn entry(m: &Meeting, names: &Names<'_>) -> CalendarEntry {
    let children: Vec<String> = names.meeting_children(&m.children);
    CalendarEntry {
        id: m.id,
        kind: m.kind,
        title: format!("{}: {}", m.kind.title(), children.join(", ")),
        label: month_label(m.kind, &children),
        start: m.start.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string(),
        end: m.end.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string(),
        status: status_label(&m.status).to_string(),
        location: names.location(&m.location),
        movable: m.is_changeable(),
    }
}

/// Meetings starting on days `from..=to` (cancelled ones left out), in time order.
pub fn calendar_entries(ds: &Dataset, from: NaiveDate, to: NaiveDate, filter: CalendarFilter) -> Vec<CalendarEntry> {
    let names = Names::new(ds);
    selected(ds, from, to, filter)
        .into_iter()
        .map(|m| entry(m, &names))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::demo_dataset;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_month_cell_says_its_kind_in_short_then_whose_meeting() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            month_label(MeetingKind::Icpc, &names(&["Maya Dunmore"])),
            "ICPC · Maya Dunmore"
        );
        assert_eq!(
            month_label(MeetingKind::ReviewConference, &names(&["A.B.", "C.B."])),
            "RCPC · A.B., C.B."
        );
        assert_eq!(month_label(MeetingKind::ProfessionalsMeeting, &[]), "Professionals");
    }

    #[test]
    fn entries_are_in_range_in_order_and_in_uk_wall_clock_time() {
        let ds = demo_dataset(d("2026-03-02"), 1);
        let all = calendar_entries(&ds, d("2026-01-01"), d("2026-06-30"), CalendarFilter::Everyone);
        assert!(all.len() > 20, "{}", all.len());
        assert!(all.windows(2).all(|w| w[0].start <= w[1].start));
        for e in &all {
            let m = ds.meetings.iter().find(|m| m.id == e.id).unwrap();
            assert!(!m.is_cancelled());
            assert!(("2026-01-01".."2026-07-01").contains(&e.start.as_str()), "{}", e.start);
            // Summer meetings are drawn at their UK time, not UTC.
            assert_eq!(e.start, m.start.format("%Y-%m-%dT%H:%M:%S").to_string());
            assert_eq!(e.movable, m.status == MeetingStatus::Planned);
            assert!(e.title.starts_with(m.kind.title()), "{}", e.title);
        }
        let bst = all.iter().find(|e| e.start.as_str() > "2026-04-01").unwrap();
        let m = ds.meetings.iter().find(|m| m.id == bst.id).unwrap();
        assert_eq!(m.start.offset().local_minus_utc(), 3600);
        assert_eq!(&bst.start[11..13], &m.start.format("%H").to_string());
    }

    #[test]
    fn a_page_keeps_the_first_meetings_of_each_day_and_counts_the_rest() {
        let ds = demo_dataset(d("2026-03-02"), 1);
        let (from, to) = (d("2025-01-01"), d("2026-12-31"));
        let all = calendar_entries(&ds, from, to, CalendarFilter::Everyone);
        let page = calendar_page(&ds, from, to, CalendarFilter::Everyone, 1);
        assert_eq!(page.total as usize, all.len());
        let hidden: u32 = page.more.iter().map(|m| m.count).sum();
        assert!(hidden > 0, "the demo has days with two meetings");
        assert_eq!(page.entries.len() + hidden as usize, all.len());
        // One shown per day, and it is the day's earliest.
        let mut days: Vec<&str> = page.entries.iter().map(|e| &e.start[..10]).collect();
        days.dedup();
        assert_eq!(days.len(), page.entries.len());
        for e in &page.entries {
            let first = all.iter().find(|a| a.start[..10] == e.start[..10]).unwrap();
            assert_eq!(first.id, e.id);
        }
        for m in &page.more {
            let on = all.iter().filter(|a| a.start[..10] == m.date.to_string()).count();
            assert_eq!(m.count as usize, on - 1);
        }
        let roomy = calendar_page(&ds, from, to, CalendarFilter::Everyone, 1000);
        assert_eq!(roomy.entries, all);
        assert!(roomy.more.is_empty());
    }

    #[test]
    fn a_page_explains_the_abbreviations_its_labels_use() {
        let ds = demo_dataset(d("2026-03-02"), 1);
        let (from, to) = (d("2025-01-01"), d("2026-12-31"));
        let page = calendar_page(&ds, from, to, CalendarFilter::Everyone, 1000);
        let shorts: Vec<&str> = page.abbreviations.iter().map(|a| a.short.as_str()).collect();
        assert_eq!(shorts, ["ICPC", "RCPC", "CIN", "LAC"]);
        for a in &page.abbreviations {
            assert!(page.entries.iter().any(|e| e.label.starts_with(&a.short)), "{a:?}");
        }
        assert_eq!(page.abbreviations[2].meaning, "child in need");
        // A page of core groups alone has nothing to explain.
        let core = ds.meetings.iter().find(|m| m.kind == MeetingKind::CoreGroup).unwrap();
        let one = page_of(
            &ds,
            PageSelection {
                shown: vec![core.id],
                more: vec![],
                total: 1,
            },
        );
        assert_eq!(one.entries.len(), 1);
        assert!(one.abbreviations.is_empty());
    }

    #[test]
    fn filters_by_person_team_and_venue() {
        let ds = demo_dataset(d("2026-03-02"), 1);
        let (from, to) = (d("2025-01-01"), d("2026-12-31"));
        let all = calendar_entries(&ds, from, to, CalendarFilter::Everyone);
        let chair = ds.meetings.iter().find_map(|m| m.chair).unwrap();
        let mine = calendar_entries(&ds, from, to, CalendarFilter::Person { person: chair });
        assert!(!mine.is_empty() && mine.len() < all.len());
        for e in &mine {
            let m = ds.meetings.iter().find(|m| m.id == e.id).unwrap();
            assert!(
                m.chair == Some(chair) || m.minute_taker == Some(chair) || m.invitees.iter().any(|i| i.person == chair)
            );
        }
        let team = ds.people.iter().find(|p| p.id == chair).unwrap().team.unwrap();
        let teams = calendar_entries(&ds, from, to, CalendarFilter::Team { team });
        assert!(teams.len() >= mine.len() && teams.len() <= all.len());
        assert!(mine.iter().all(|e| teams.iter().any(|t| t.id == e.id)));
        let venue = ds
            .meetings
            .iter()
            .find_map(|m| match m.location {
                Location::Venue { venue } => Some(venue),
                _ => None,
            })
            .unwrap();
        let there = calendar_entries(&ds, from, to, CalendarFilter::Venue { venue });
        assert!(!there.is_empty());
        let name = &ds.venues.iter().find(|v| v.id == venue).unwrap().name;
        assert!(there.iter().all(|e| &e.location == name));
        let nobody = calendar_entries(
            &ds,
            from,
            to,
            CalendarFilter::Person {
                person: PersonId::new_random(),
            },
        );
        assert!(nobody.is_empty());
    }
}
