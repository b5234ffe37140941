//! What the Settings and People screens send to add or change a record: a venue, a person's
//! working pattern, leave or busy time. Each turns into the record it describes, checked, or a
//! sentence saying why not.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::ids::*;
use crate::model::*;

/// A venue as the Settings screen adds or edits it (`id` set when editing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VenueDraft {
    pub id: Option<VenueId>,
    pub name: String,
    pub address: String,
    pub capacity: u32,
}

impl VenueDraft {
    /// The venue it describes, checked (name given, address and name not too long, room for 1
    /// to 1,000 people).
    pub fn to_venue(&self) -> Result<Venue, crate::error::ValidationError> {
        let v = Venue {
            id: self.id.unwrap_or_else(VenueId::new_random),
            name: self.name.trim().to_string(),
            address: self.address.trim().to_string(),
            capacity: self.capacity,
        };
        crate::validate::venue(&v)?;
        if !(1..=1000).contains(&v.capacity) {
            return Err(crate::error::ValidationError::OutOfRange {
                field: "A venue's capacity",
                min: 1,
                max: 1000,
                value: v.capacity,
            });
        }
        Ok(v)
    }
}

/// One working day as the Settings screen edits it: weekday 1 = Monday ... 7 = Sunday, times as
/// `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkingDayDraft {
    pub weekday: u8,
    pub start: String,
    pub end: String,
}

/// A person's working pattern as the Settings screen edits it: the days they work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkingPatternDraft {
    pub person: PersonId,
    pub days: Vec<WorkingDayDraft>,
}

pub(crate) const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

impl WorkingPatternDraft {
    /// The pattern `p` works now, Monday first.
    pub fn of(p: &Person) -> Self {
        let mut days: Vec<WorkingDayDraft> = p
            .working_pattern
            .days
            .iter()
            .map(|h| WorkingDayDraft {
                weekday: h.weekday,
                start: h.start.format("%H:%M").to_string(),
                end: h.end.format("%H:%M").to_string(),
            })
            .collect();
        days.sort_by_key(|d| d.weekday);
        WorkingPatternDraft { person: p.id, days }
    }

    /// The pattern it describes, checked: each day once, times as HH:MM, each day ending after it
    /// starts. No days at all is allowed (someone who attends by arrangement only).
    pub fn to_pattern(&self) -> Result<WorkingPattern, crate::error::ValidationError> {
        use crate::error::ValidationError;
        let mut days: Vec<WorkingHours> = Vec::with_capacity(self.days.len());
        for d in &self.days {
            let name = WEEKDAY_NAMES
                .get(usize::from(d.weekday).wrapping_sub(1))
                .copied()
                .ok_or(ValidationError::OutOfRange {
                    field: "A working day (1 Monday to 7 Sunday)",
                    min: 1,
                    max: 7,
                    value: u32::from(d.weekday),
                })?;
            let time = |text: &str| {
                chrono::NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| ValidationError::BadTimeOfDay {
                    day: name.to_string(),
                    text: text.to_string(),
                })
            };
            let (start, end) = (time(&d.start)?, time(&d.end)?);
            if end <= start {
                return Err(ValidationError::BadWorkingHours { day: name.to_string() });
            }
            if days.iter().any(|h| h.weekday == d.weekday) {
                return Err(ValidationError::Duplicate {
                    what: "working day",
                    id: name.to_string(),
                });
            }
            days.push(WorkingHours {
                weekday: d.weekday,
                start,
                end,
            });
        }
        days.sort_by_key(|h| h.weekday);
        Ok(WorkingPattern { days })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::pattern_label;

    #[test]
    fn a_venue_draft_is_trimmed_and_checked() {
        let draft = VenueDraft {
            id: None,
            name: "  Civic Centre, Room 3 ".into(),
            address: " 1 High Street ".into(),
            capacity: 12,
        };
        let v = draft.to_venue().unwrap();
        assert_eq!(
            (v.name.as_str(), v.address.as_str(), v.capacity),
            ("Civic Centre, Room 3", "1 High Street", 12)
        );
        let id = VenueId::new_random();
        assert_eq!(
            VenueDraft {
                id: Some(id),
                ..draft.clone()
            }
            .to_venue()
            .unwrap()
            .id,
            id
        );
        assert!(VenueDraft {
            name: "  ".into(),
            ..draft.clone()
        }
        .to_venue()
        .is_err());
        let no_room = VenueDraft { capacity: 0, ..draft }.to_venue().unwrap_err();
        assert_eq!(
            no_room.to_string(),
            "A venue's capacity must be between 1 and 1000, not 0."
        );
    }

    fn day(weekday: u8, start: &str, end: &str) -> WorkingDayDraft {
        WorkingDayDraft {
            weekday,
            start: start.into(),
            end: end.into(),
        }
    }

    #[test]
    fn a_pattern_round_trips_and_reads_as_the_people_screen_shows_it() {
        let person = Person {
            id: PersonId::new_random(),
            name: "Sam Hale".into(),
            role: "Health visitor".into(),
            agency: AgencyId::new_random(),
            team: None,
            email: None,
            working_pattern: WorkingPattern::full_time(),
            last_day: None,
        };
        let draft = WorkingPatternDraft::of(&person);
        assert_eq!(draft.days.len(), 5);
        assert_eq!(draft.days[0], day(1, "09:00", "17:00"));
        assert_eq!(draft.to_pattern().unwrap(), person.working_pattern);

        // Part time, entered in any order: Thursday short, Monday and Tuesday full.
        let part = WorkingPatternDraft {
            person: person.id,
            days: vec![
                day(4, "09:30", "13:00"),
                day(1, "09:00", "17:00"),
                day(2, " 09:00", "17:00 "),
            ],
        };
        let p = part.to_pattern().unwrap();
        assert_eq!(p.days.iter().map(|h| h.weekday).collect::<Vec<_>>(), [1, 2, 4]);
        assert_eq!(pattern_label(&p), "Mon, Tue 09:00–17:00; Thu 09:30–13:00");
        // Nobody's hours: allowed, and said so.
        let none = WorkingPatternDraft {
            person: person.id,
            days: vec![],
        };
        assert_eq!(pattern_label(&none.to_pattern().unwrap()), "No working days recorded");
    }

    #[test]
    fn bad_days_and_times_are_refused_in_sentences() {
        let refuse = |days: Vec<WorkingDayDraft>| {
            WorkingPatternDraft {
                person: PersonId::new_random(),
                days,
            }
            .to_pattern()
            .unwrap_err()
            .to_string()
        };
        assert_eq!(
            refuse(vec![day(3, "17:00", "09:00")]),
            "The working pattern for Wednesday ends before it starts."
        );
        assert_eq!(
            refuse(vec![day(5, "09:00", "09:00")]),
            "The working pattern for Friday ends before it starts."
        );
        assert_eq!(
            refuse(vec![day(1, "25:00", "26:00")]),
            "'25:00' is not a time of day for Monday; use HH:MM, for example 09:00."
        );
        assert_eq!(
            refuse(vec![day(7, "9am", "5pm")]),
            "'9am' is not a time of day for Sunday; use HH:MM, for example 09:00."
        );
        assert_eq!(
            refuse(vec![day(2, "09:00", "12:00"), day(2, "13:00", "17:00")]),
            "The same working day appears twice: Tuesday."
        );
        assert_eq!(
            refuse(vec![day(0, "09:00", "17:00")]),
            "A working day (1 Monday to 7 Sunday) must be between 1 and 7, not 0."
        );
    }
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
