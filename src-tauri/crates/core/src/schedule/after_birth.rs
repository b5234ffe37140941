//! A pre-birth conference still booked when the baby is born. Some local procedures cancel it
//! and book an initial child protection conference; others hold the booked conference as the
//! initial one, at the same time and place with the same people. This is the second: the
//! meeting keeps its id, time, place, chair, invitees and reports, and becomes an ICPC (its
//! invitation's SEQUENCE goes up, since its title changes). The first is cancelling and booking.

use crate::error::ValidationError;
use crate::model::{Child, Meeting, MeetingChange, MeetingKind, MeetingStatus};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoldAsIcpcError {
    #[error("Only a pre-birth conference is held as the initial child protection conference once the baby is born; this meeting is {kind}.")]
    NotPreBirth { kind: String },
    #[error("{name} is not born yet: a pre-birth conference is still the meeting for them. Record the birth first.")]
    NotBornYet { name: String },
    #[error(transparent)]
    Invalid(#[from] ValidationError),
}

/// `existing`, a planned pre-birth conference whose children (`children`, the meeting's) are all
/// born, as an initial child protection conference: what to save, with its history entry.
pub fn held_as_icpc(existing: &Meeting, children: &[&Child]) -> Result<(Meeting, MeetingChange), HoldAsIcpcError> {
    if existing.kind != MeetingKind::PreBirthConference {
        return Err(HoldAsIcpcError::NotPreBirth {
            kind: existing.kind.a_title(),
        });
    }
    if existing.status != MeetingStatus::Planned {
        return Err(ValidationError::NotChangeable {
            status: crate::views::status_label(&existing.status),
        }
        .into());
    }
    for id in &existing.children {
        let child = children
            .iter()
            .find(|c| c.id == *id)
            .ok_or_else(|| ValidationError::UnknownReference {
                what: "Child",
                id: id.to_string(),
            })?;
        if child.birth.is_unborn() {
            return Err(HoldAsIcpcError::NotBornYet {
                name: child.display_name(),
            });
        }
    }
    let mut m = existing.clone();
    m.kind = MeetingKind::Icpc;
    m.bump_sequence()?;
    Ok((
        m,
        MeetingChange::KindChanged {
            from: existing.kind,
            to: MeetingKind::Icpc,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Birth;
    use crate::schedule::fixtures::{child, d, meeting};

    #[test]
    fn a_born_babys_pre_birth_conference_becomes_the_initial_conference_as_booked() {
        let baby = Child {
            birth: Birth::Born {
                date_of_birth: d("2026-11-30"),
                expected_delivery: Some(d("2026-12-20")),
            },
            ..child("Baby")
        };
        let m = meeting(
            MeetingKind::PreBirthConference,
            baby.id,
            "2026-12-07T10:00",
            MeetingStatus::Planned,
        );
        let (icpc, change) = held_as_icpc(&m, &[&baby]).unwrap();
        assert_eq!(icpc.kind, MeetingKind::Icpc);
        assert_eq!(
            change,
            MeetingChange::KindChanged {
                from: MeetingKind::PreBirthConference,
                to: MeetingKind::Icpc
            }
        );
        // The same meeting: id, time, place and people kept; calendars told of the new title.
        assert_eq!((icpc.id, icpc.start, icpc.end), (m.id, m.start, m.end));
        assert_eq!(
            (&icpc.location, &icpc.invitees, icpc.chair),
            (&m.location, &m.invitees, m.chair)
        );
        assert_eq!(icpc.sequence, m.sequence + 1);
    }

    #[test]
    fn only_a_planned_pre_birth_conference_of_born_children_is_held_as_the_initial_one() {
        let born = child("Ava");
        let unborn = Child {
            birth: Birth::Unborn {
                expected_delivery: d("2027-01-20"),
            },
            ..child("Baby")
        };
        let planned = |kind, c: &Child| meeting(kind, c.id, "2026-12-07T10:00", MeetingStatus::Planned);
        assert_eq!(
            held_as_icpc(&planned(MeetingKind::CoreGroup, &born), &[&born]).unwrap_err(),
            HoldAsIcpcError::NotPreBirth {
                kind: "a core group".into()
            }
        );
        let err = held_as_icpc(&planned(MeetingKind::PreBirthConference, &unborn), &[&unborn]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Baby Smith is not born yet: a pre-birth conference is still the meeting for them. Record the birth first."
        );
        let held = meeting(
            MeetingKind::PreBirthConference,
            born.id,
            "2026-11-07T10:00",
            MeetingStatus::Held,
        );
        assert!(matches!(
            held_as_icpc(&held, &[&born]),
            Err(HoldAsIcpcError::Invalid(ValidationError::NotChangeable { .. }))
        ));
        // A child the caller did not pass is not assumed born.
        assert!(matches!(
            held_as_icpc(&planned(MeetingKind::PreBirthConference, &born), &[]),
            Err(HoldAsIcpcError::Invalid(ValidationError::UnknownReference { .. }))
        ));
    }
}
