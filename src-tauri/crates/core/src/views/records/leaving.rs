//! A professional leaving their post: their last working day recorded (`record_leaving`) once
//! nothing rests on them, after which they are refused anything that lasts (`check_staying`).

use chrono::NaiveDate;

use crate::model::*;

/// `person` recorded as leaving their post, `last_day` (YYYY-MM-DD) their last working day; or,
/// with `None`, as working here again. Only a professional leaves (a member of a family takes
/// part as family). Refused while anything would be left with no one: children allocated to them
/// (`allocated`), a team they manage (`manages`), or a meeting after their last day that they
/// chair, take the minutes of or are invited to (`meetings`: theirs, any date; cancelled ones
/// do not count). A last day more than a year from `today` either way is a typing slip.
pub fn record_leaving(
    person: &Person,
    agency: &Agency,
    last_day: Option<&str>,
    today: NaiveDate,
    allocated: usize,
    manages: &[Team],
    meetings: &[Meeting],
) -> Result<Person, crate::error::ValidationError> {
    use crate::error::ValidationError as E;
    let Some(text) = last_day else {
        return Ok(Person {
            last_day: None,
            ..person.clone()
        });
    };
    if agency.kind == AgencyKind::Family {
        return Err(E::FamilyDoNotLeave {
            name: person.name.clone(),
        });
    }
    let day = crate::time::parse_date(text)?;
    if (day - today).num_days().abs() > 366 {
        return Err(E::UnlikelyLastDay {
            date: day.format("%d/%m/%Y").to_string(),
        });
    }
    let name = person.name.clone();
    if allocated > 0 {
        return Err(E::LeavingWithChildren {
            name,
            children: if allocated == 1 {
                "1 child".to_string()
            } else {
                format!("{allocated} children")
            },
        });
    }
    if let Some(t) = manages.first() {
        return Err(E::LeavingAsManager {
            name,
            team: t.name.clone(),
        });
    }
    let mut after: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| !m.is_cancelled() && m.date() > day && m.involves(person.id))
        .collect();
    after.sort_by_key(|m| m.start);
    if let Some(first) = after.first() {
        return Err(E::LeavingWithMeetings {
            name,
            meetings: if after.len() == 1 {
                "a meeting".to_string()
            } else {
                format!("{} meetings", after.len())
            },
            first: format!("{} on {}", first.kind.title(), first.date().format("%d/%m/%Y")),
        });
    }
    Ok(Person {
        last_day: Some(day),
        ..person.clone()
    })
}

/// Refuse `person` for something that lasts (holding a child's case, managing a team) once a
/// last working day is recorded for them, even one still ahead.
pub fn check_staying(person: &Person) -> Result<(), crate::error::ValidationError> {
    match person.last_day {
        Some(day) => Err(crate::error::ValidationError::HasLeft {
            name: person.name.clone(),
            last_day: day.format("%d/%m/%Y").to_string(),
        }),
        None => Ok(()),
    }
}
