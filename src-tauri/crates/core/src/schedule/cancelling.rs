//! Cancelling a planned meeting. The reason is kept on the meeting and in its history, and the
//! invitation's SEQUENCE goes up so calendars that hold it take the cancellation. A held meeting
//! is a record and is not cancelled; the CLI and the app both cancel through here.

use crate::error::ValidationError;
use crate::model::{Meeting, MeetingStatus};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CancelError {
    #[error("That meeting is already cancelled.")]
    AlreadyCancelled,
    #[error("A held meeting has happened and cannot be cancelled; its outcome is a record.")]
    Held,
    #[error("Say why the meeting is cancelled: the reason is kept on it and sent with the cancellation.")]
    ReasonNeeded,
    #[error(transparent)]
    Invalid(#[from] ValidationError),
}

/// `existing` cancelled for `reason` (trimmed): what to save, with `MeetingChange::Cancelled`.
pub fn cancelled(existing: &Meeting, reason: &str) -> Result<Meeting, CancelError> {
    match existing.status {
        MeetingStatus::Cancelled { .. } => return Err(CancelError::AlreadyCancelled),
        MeetingStatus::Held => return Err(CancelError::Held),
        MeetingStatus::Planned => {}
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(CancelError::ReasonNeeded);
    }
    let mut m = existing.clone();
    m.status = MeetingStatus::Cancelled {
        reason: reason.to_string(),
    };
    m.bump_sequence()?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ChildId;
    use crate::model::MeetingKind;
    use crate::schedule::fixtures::meeting;

    #[test]
    fn a_planned_meeting_is_cancelled_with_its_reason_and_a_new_sequence() {
        let m = meeting(
            MeetingKind::PreBirthConference,
            ChildId::new_random(),
            "2026-12-04T09:00",
            MeetingStatus::Planned,
        );
        let c = cancelled(&m, "  The baby was born: an ICPC is booked instead. ").unwrap();
        assert_eq!(
            c.status,
            MeetingStatus::Cancelled {
                reason: "The baby was born: an ICPC is booked instead.".into()
            }
        );
        assert_eq!(c.sequence, m.sequence + 1);
        assert_eq!((c.id, c.start, &c.invitees), (m.id, m.start, &m.invitees));
    }

    #[test]
    fn a_held_or_cancelled_meeting_or_no_reason_is_refused_in_a_sentence() {
        let child = ChildId::new_random();
        let planned = meeting(
            MeetingKind::CoreGroup,
            child,
            "2026-12-04T09:00",
            MeetingStatus::Planned,
        );
        assert_eq!(cancelled(&planned, "   "), Err(CancelError::ReasonNeeded));
        let held = meeting(MeetingKind::CoreGroup, child, "2026-12-01T09:00", MeetingStatus::Held);
        assert_eq!(
            cancelled(&held, "x").unwrap_err().to_string(),
            "A held meeting has happened and cannot be cancelled; its outcome is a record."
        );
        let gone = cancelled(&planned, "Family asked to rearrange").unwrap();
        assert_eq!(
            cancelled(&gone, "again").unwrap_err().to_string(),
            "That meeting is already cancelled."
        );
    }
}
