//! A baby's birth: the date typed for a new child or a correction (`birth`), the birth of an
//! unborn child recorded (`record_birth`, keeping the expected date of delivery), and what it
//! leaves to do (`after_birth`).

use chrono::NaiveDate;

use super::AfterBirth;
use crate::model::*;

/// A birth as typed: a date of birth not after `today`, or for an unborn child (`unborn`) an
/// expected date of delivery within the usual weeks.
pub(super) fn birth(unborn: bool, date: &str, today: NaiveDate) -> Result<Birth, crate::error::ValidationError> {
    let date = crate::time::parse_date(date)?;
    if unborn {
        // A pregnancy lasts about 40 weeks, and a birth comes up to a fortnight late: a date
        // outside that is a typing slip (or a birth to record as such).
        let unlikely = |reason| crate::error::ValidationError::UnlikelyDueDate {
            date: date.format("%d/%m/%Y").to_string(),
            reason,
        };
        if date < today - chrono::Duration::weeks(4) {
            return Err(unlikely(
                "more than four weeks ago: if the baby has been born, give the date of birth",
            ));
        }
        if date > today + chrono::Duration::weeks(42) {
            return Err(unlikely("more than 42 weeks away: check the year"));
        }
        Ok(Birth::Unborn {
            expected_delivery: date,
        })
    } else if date > today {
        Err(crate::error::ValidationError::BirthInFuture {
            date: date.format("%d/%m/%Y").to_string(),
        })
    } else {
        Ok(Birth::born(date))
    }
}

/// An unborn child's birth, on `date` (YYYY-MM-DD): the child is born from that day, so a
/// conference booked from now on is an initial one rather than a pre-birth one (one already
/// planned stays as it was booked). The expected date of delivery is kept beside the date of
/// birth: the pre-birth conference's timescale, counted back from it, stays on the child's record
/// (met, late, or missed if the baby came first). Refused for a child already born, and for a
/// date that is not one, is after `today`, or is more than 20 weeks before or six weeks after the
/// expected date.
pub fn record_birth(child: &Child, date: &str, today: NaiveDate) -> Result<Child, crate::error::ValidationError> {
    let expected_delivery = match child.birth {
        Birth::Born { date_of_birth, .. } => {
            return Err(crate::error::ValidationError::AlreadyBorn {
                date: date_of_birth.format("%d/%m/%Y").to_string(),
            })
        }
        Birth::Unborn { expected_delivery } => expected_delivery,
    };
    Ok(Child {
        birth: Birth::Born {
            date_of_birth: born_on(
                date,
                expected_delivery,
                today,
                "after today: record the birth once it has happened",
            )?,
            expected_delivery: Some(expected_delivery),
        },
        ..child.clone()
    })
}

/// A date of birth as typed (YYYY-MM-DD) for a baby expected on `expected`: not after `today`
/// (refused with `after_today`), and not more than 20 weeks before or six weeks after the
/// expected date.
pub(super) fn born_on(
    date: &str,
    expected: NaiveDate,
    today: NaiveDate,
    after_today: &'static str,
) -> Result<NaiveDate, crate::error::ValidationError> {
    let date_of_birth = crate::time::parse_date(date)?;
    let unlikely = |reason| crate::error::ValidationError::UnlikelyBirthDate {
        date: date_of_birth.format("%d/%m/%Y").to_string(),
        reason,
    };
    if date_of_birth > today {
        return Err(unlikely(after_today));
    }
    // A birth more than 20 weeks early or 6 weeks late is a typing slip.
    if date_of_birth < expected - chrono::Duration::weeks(20) {
        return Err(unlikely("more than 20 weeks before the expected date: check the date"));
    }
    if date_of_birth > expected + chrono::Duration::weeks(6) {
        return Err(unlikely("more than six weeks after the expected date: check the date"));
    }
    Ok(date_of_birth)
}

/// What a born child's birth leaves to do: each pre-birth conference still planned for them
/// (earliest first), which now that they are born is held as the initial child protection
/// conference or replaced by one, with a sentence saying so. None for a child not born yet.
pub fn after_birth(child: &Child, meetings: &[Meeting]) -> Vec<AfterBirth> {
    if child.birth.is_unborn() {
        return Vec::new();
    }
    let mut planned: Vec<&Meeting> = meetings
        .iter()
        .filter(|m| {
            m.kind == MeetingKind::PreBirthConference
                && m.status == MeetingStatus::Planned
                && m.children.contains(&child.id)
        })
        .collect();
    planned.sort_by_key(|m| m.start);
    planned
        .into_iter()
        .map(|m| AfterBirth {
            meeting: m.id,
            sentence: format!(
                "The pre-birth conference on {} is still booked: now that {} is born, hold it as the initial child protection conference, or cancel it and book one in its place, as your local procedures say.",
                crate::agenda::when_text(m.start, m.end),
                child.display_name()
            ),
        })
        .collect()
}
