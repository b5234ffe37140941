//! Changing a booked meeting without moving it: who is invited (required or optional), whose
//! reports are in, and where it is held. Saved like any edit (conflicts checked again, refused
//! unless overridden); a change of place or of who is invited bumps the invitation's SEQUENCE so
//! calendars update it. Moving the time is `moving`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::planning::{items_for, MeetingDraft};
use crate::agenda::when_text;
use crate::calendar::WorkingDayCalendar;
use crate::dataset::Dataset;
use crate::error::CalendarError;
use crate::ids::*;
use crate::model::*;
use crate::queries::Names;
use crate::rules::RulePack;
use crate::timescales::Source;
use crate::views::due_summary;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("There is no meeting {0}.")]
    UnknownMeeting(MeetingId),
    #[error("This meeting is {status}; only a planned meeting's invitees and place can be changed.")]
    NotPlanned { status: &'static str },
    #[error("At least one person must be required to attend.")]
    NobodyRequired,
    #[error("{name} is not invited to this meeting, so no report can be marked received from them.")]
    NotInvited { name: String },
    #[error("{name} is listed twice; each person is invited once.")]
    InvitedTwice { name: String },
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

/// One person on the edited list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InviteeChange {
    pub person: PersonId,
    pub required: bool,
    /// Their agency's report for the meeting is in.
    pub report_received: bool,
}

/// What the editor saves: the whole invitee list and the place, for one planned meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingEdit {
    pub meeting: MeetingId,
    pub invitees: Vec<InviteeChange>,
    pub location: Location,
    /// Save despite conflicts, for this reason.
    pub override_reason: Option<String>,
}

impl MeetingEdit {
    /// The edit that leaves `m` as it is: where a change starts.
    pub fn of(m: &Meeting) -> Self {
        MeetingEdit {
            meeting: m.id,
            invitees: m
                .invitees
                .iter()
                .map(|i| InviteeChange {
                    person: i.person,
                    required: i.required,
                    report_received: i.report_received,
                })
                .collect(),
            location: m.location.clone(),
            override_reason: None,
        }
    }

    /// Invite `person` (or change whether they are required), keeping their report's state.
    pub fn invite(&mut self, person: PersonId, required: bool) {
        match self.invitees.iter_mut().find(|i| i.person == person) {
            Some(i) => i.required = required,
            None => self.invitees.push(InviteeChange {
                person,
                required,
                report_received: false,
            }),
        }
    }

    /// Take `person` off the list; false when they were not on it.
    pub fn uninvite(&mut self, person: PersonId) -> bool {
        let before = self.invitees.len();
        self.invitees.retain(|i| i.person != person);
        self.invitees.len() != before
    }

    /// Mark `person`'s report received (or not). They must be invited.
    pub fn report(&mut self, person: PersonId, received: bool, names: &Names<'_>) -> Result<(), EditError> {
        let i = self
            .invitees
            .iter_mut()
            .find(|i| i.person == person)
            .ok_or_else(|| EditError::NotInvited {
                name: names.person_name(person),
            })?;
        i.report_received = received;
        Ok(())
    }
}

/// The draft that saves `edit` on `existing`: same kind, children, times and chair; attendance
/// kept for those still invited. The chair is never also an invitee.
pub fn edit_draft(existing: &Meeting, edit: &MeetingEdit, names: &Names<'_>) -> Result<MeetingDraft, EditError> {
    if !existing.is_changeable() {
        return Err(EditError::NotPlanned {
            status: crate::views::status_label(&existing.status),
        });
    }
    let mut invitees: Vec<Invitee> = Vec::with_capacity(edit.invitees.len());
    for c in edit.invitees.iter().filter(|c| Some(c.person) != existing.chair) {
        if invitees.iter().any(|i| i.person == c.person) {
            return Err(EditError::InvitedTwice {
                name: names.person_name(c.person),
            });
        }
        let attendance = existing
            .invitees
            .iter()
            .find(|i| i.person == c.person)
            .map(|i| i.attendance)
            .unwrap_or_default();
        invitees.push(Invitee {
            person: c.person,
            required: c.required,
            attendance,
            report_received: c.report_received,
        });
    }
    if !invitees.iter().any(|i| i.required) && existing.chair.is_none() {
        return Err(EditError::NobodyRequired);
    }
    let rfc3339 = |dt: chrono::DateTime<chrono::FixedOffset>| dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    Ok(MeetingDraft {
        id: Some(existing.id),
        kind: existing.kind,
        children: existing.children.clone(),
        start: rfc3339(existing.start),
        end: rfc3339(existing.end),
        location: edit.location.clone(),
        chair: existing.chair,
        minute_taker: existing.minute_taker,
        invitees,
        reason: None,
        override_reason: edit.override_reason.clone(),
    })
}

/// Whether saving `new` over `old` changes what the invitation says (place, or who is invited
/// and as what), so its SEQUENCE must go up for calendars to replace the old one.
pub fn invitation_changed(old: &Meeting, new: &Meeting) -> bool {
    let list = |m: &Meeting| {
        let mut v: Vec<(PersonId, bool)> = m.invitees.iter().map(|i| (i.person, i.required)).collect();
        v.sort();
        v
    };
    old.location != new.location || old.chair != new.chair || list(old) != list(new)
}

/// "2 of 5 reports received.": one report is expected from each invitee from an agency (the
/// family's views are heard at the meeting, not sent as a report); with none invited, that no
/// report is expected, not "0 of 0".
pub fn reports_received(ds: &Dataset, m: &Meeting) -> String {
    let family: std::collections::HashSet<AgencyId> = ds
        .agencies
        .iter()
        .filter(|a| a.kind == AgencyKind::Family)
        .map(|a| a.id)
        .collect();
    let names = Names::new(ds);
    let from_agency: Vec<&Invitee> = m
        .invitees
        .iter()
        .filter(|i| names.person(i.person).is_none_or(|p| !family.contains(&p.agency)))
        .collect();
    if from_agency.is_empty() {
        return "No reports expected: no one from an agency is invited.".to_string();
    }
    let received = from_agency.iter().filter(|i| i.report_received).count();
    format!(
        "{received} of {} {} received.",
        from_agency.len(),
        if from_agency.len() == 1 { "report" } else { "reports" }
    )
}

/// What the editor opens with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MeetingEditor {
    pub meeting: MeetingId,
    pub kind: MeetingKind,
    /// "Initial child protection conference: Ava Smith".
    pub title: String,
    /// "Monday 16 March 2026, 10:00–11:30".
    pub when: String,
    pub chair: Option<PersonId>,
    pub invitees: Vec<Invitee>,
    pub location: Location,
    /// "2 of 5 reports received." (one per invitee from an agency, the family excluded).
    pub reports: String,
    /// The deadlines due before the meeting that wait on it.
    pub before: Vec<DueBefore>,
    /// Its conflicts as it stands (a clash, a late date, no parent invited to a conference):
    /// saved with a reason once, they are still so, and a change is checked again.
    pub conflicts: Vec<super::conflicts::Conflict>,
    /// The timescales the meeting is booked to meet ("Initial child protection conference for Ava
    /// Smith, due by Mon 23 Mar 2026"): cancelled, it meets them no more, and the cancel asks
    /// saying so.
    pub meets: Vec<String>,
}

/// A deadline due before a meeting: a sentence ("Reports shared with parents before the
/// conference for Ava Smith: due by Thu 12 Mar 2026 (in 3 working days)"), and how it stands, so
/// the editor can mark one due today or overdue as the dashboard does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueBefore {
    pub text: String,
    pub status: crate::timescales::DueStatus,
    pub deadline: NaiveDate,
}

/// The editor for a planned meeting, as of `as_of`.
pub fn editor(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    ds: &Dataset,
    meeting: MeetingId,
    as_of: NaiveDate,
) -> Result<MeetingEditor, EditError> {
    let m = ds
        .meetings
        .iter()
        .find(|m| m.id == meeting)
        .ok_or(EditError::UnknownMeeting(meeting))?;
    if !m.is_changeable() {
        return Err(EditError::NotPlanned {
            status: crate::views::status_label(&m.status),
        });
    }
    let names = Names::new(ds);
    let reports = reports_received(ds, m);
    let mut before = Vec::new();
    let mut meets = Vec::new();
    for i in items_for(pack, cal, ds, &m.children, as_of)? {
        let title = pack
            .rule(&i.rule)
            .map(|r| r.title.clone())
            .unwrap_or_else(|_| i.rule.to_string());
        let title = format!("{title} for {}", names.child_name(i.child));
        if i.scheduled.is_some_and(|s| s.meeting == m.id) {
            meets.push(format!("{title}, due by {}", crate::views::uk_date(i.deadline)));
        }
        if i.anchor_source != Source::Meeting(m.id) || i.deadline > m.date() {
            continue;
        }
        before.push(DueBefore {
            text: due_summary(&i, &title, as_of, crate::views::working_days_to(&i, cal, as_of)),
            status: i.status,
            deadline: i.deadline,
        });
    }
    let children: Vec<String> = names.meeting_children(&m.children);
    let conflicts = super::planning::check_meeting(pack, cal, ds, &ds.busy, m, as_of)?;
    Ok(MeetingEditor {
        meeting: m.id,
        kind: m.kind,
        title: format!("{}: {}", m.kind.title(), children.join(", ")),
        when: when_text(m.start, m.end),
        chair: m.chair,
        invitees: m.invitees.clone(),
        location: m.location.clone(),
        reports,
        before,
        conflicts,
        meets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::fixtures::*;
    use crate::schedule::planning::from_draft;

    /// A planned ICPC on Mon 16 Mar 2026 after a strategy discussion, with a police officer
    /// (required), a health visitor (optional) and the mother (required) invited.
    fn world() -> (Dataset, MeetingId, [PersonId; 4]) {
        let c = child("Ava");
        let police = agency("Police", AgencyKind::Police);
        let health = agency("Health", AgencyKind::Health);
        let family = agency("Family", AgencyKind::Family);
        let officer = person("DC Reid", police.id);
        let hv = person("Sam Hale", health.id);
        let mother = person("Jo Smith", family.id);
        let gp = person("Dr Patel", health.id);
        let strategy = meeting(
            MeetingKind::StrategyDiscussion,
            c.id,
            "2026-03-02T10:00",
            MeetingStatus::Held,
        );
        let mut icpc = meeting(MeetingKind::Icpc, c.id, "2026-03-16T10:00", MeetingStatus::Planned);
        icpc.invitees = vec![
            invitee(officer.id, true),
            invitee(hv.id, false),
            invitee(mother.id, true),
        ];
        let ids = [officer.id, hv.id, mother.id, gp.id];
        let id = icpc.id;
        let ds = Dataset {
            children: vec![c],
            agencies: vec![police, health, family],
            people: vec![officer, hv, mother, gp],
            meetings: vec![strategy, icpc],
            ..Dataset::default()
        };
        (ds, id, ids)
    }

    #[test]
    fn the_editor_counts_agency_reports_and_shows_what_is_due_before_the_meeting() {
        let (mut ds, id, [officer, ..]) = world();
        let (pack, cal) = env();
        let e = editor(&pack, &cal, &ds, id, d("2026-03-09")).unwrap();
        assert_eq!(e.title, "Initial child protection conference: Ava Smith");
        assert_eq!(e.when, "Monday 16 March 2026, 10:00–11:30");
        // The mother is family: her view is not an agency report.
        assert_eq!(e.reports, "0 of 2 reports received.");
        // Only the family invited: no report is expected, rather than "0 of 0".
        let mut family_only = ds.meetings.iter().find(|m| m.id == id).unwrap().clone();
        family_only.invitees.retain(|i| {
            let p = ds.people.iter().find(|p| p.id == i.person).unwrap();
            ds.agencies
                .iter()
                .any(|a| a.id == p.agency && a.kind == AgencyKind::Family)
        });
        assert!(!family_only.invitees.is_empty());
        assert_eq!(
            reports_received(&ds, &family_only),
            "No reports expected: no one from an agency is invited."
        );
        // 2 working days before Mon 16 Mar 2026 is Thu 12 Mar 2026.
        let texts = |e: &MeetingEditor| e.before.iter().map(|b| b.text.clone()).collect::<Vec<_>>();
        assert_eq!(
            texts(&e),
            vec![
                "Reports shared with parents before the conference for Ava Smith: due by Thu 12 Mar 2026 (in 3 working days)"
            ]
        );
        // What it is booked to meet: the conference after the strategy discussion (15 working
        // days from Mon 2 Mar 2026).
        assert_eq!(
            e.meets,
            ["Initial child protection conference for Ava Smith, due by Mon 23 Mar 2026"]
        );
        assert_eq!(e.before[0].deadline, d("2026-03-12"));
        let on = |day: &str| texts(&editor(&pack, &cal, &ds, id, d(day)).unwrap());
        assert_eq!(
            on("2026-03-11"),
            ["Reports shared with parents before the conference for Ava Smith: due by Thu 12 Mar 2026 (tomorrow)"]
        );
        assert_eq!(
            on("2026-03-12"),
            ["Reports shared with parents before the conference for Ava Smith: due by Thu 12 Mar 2026 (today)"]
        );
        ds.meetings[1].invitees[0].report_received = true;
        let e = editor(&pack, &cal, &ds, id, d("2026-03-13")).unwrap();
        assert_eq!(e.reports, "1 of 2 reports received.");
        assert_eq!(
            texts(&e),
            vec!["Reports shared with parents before the conference for Ava Smith: due by Thu 12 Mar 2026 (1 working day overdue)"]
        );
        assert_eq!(e.before[0].status, crate::timescales::DueStatus::Overdue);
        // As it stands: nothing in conflict; without the mother, a conference with no parent.
        assert!(e.conflicts.is_empty(), "{:?}", e.conflicts);
        ds.meetings[1].invitees.retain(|i| i.person != ds.people[2].id);
        let e = editor(&pack, &cal, &ds, id, d("2026-03-13")).unwrap();
        assert_eq!(
            e.conflicts.iter().map(|c| &c.kind).collect::<Vec<_>>(),
            [&crate::schedule::ConflictKind::NoParentInvited]
        );
        assert_eq!(e.invitees[0].person, officer);
    }

    #[test]
    fn an_edit_keeps_attendance_drops_the_chair_and_needs_someone_required() {
        let (mut ds, id, [officer, hv, mother, gp]) = world();
        let names_ds = ds.clone();
        let names = Names::new(&names_ds);
        let m = ds.meetings.iter_mut().find(|m| m.id == id).unwrap();
        m.invitees[0].attendance = Attendance::Apologies;
        m.chair = Some(gp);
        let m = m.clone();

        let mut edit = MeetingEdit::of(&m);
        edit.invite(hv, true);
        edit.invite(gp, false); // the chair: not listed twice
        assert!(edit.uninvite(mother));
        assert!(!edit.uninvite(mother));
        edit.report(officer, true, &names).unwrap();
        assert_eq!(
            edit.report(mother, true, &names).unwrap_err().to_string(),
            "Jo Smith is not invited to this meeting, so no report can be marked received from them."
        );
        let draft = edit_draft(&m, &edit, &names).unwrap();
        assert_eq!(draft.start, "2026-03-16T10:00:00+00:00");
        assert_eq!(
            draft.invitees,
            vec![
                Invitee {
                    person: officer,
                    required: true,
                    attendance: Attendance::Apologies,
                    report_received: true
                },
                Invitee {
                    person: hv,
                    required: true,
                    attendance: Attendance::Invited,
                    report_received: false
                },
            ]
        );
        let (saved, change) = from_draft(&draft, Some(&m)).unwrap();
        assert_eq!(change, MeetingChange::Updated);
        assert_eq!(
            saved.sequence, 1,
            "the invitee list changed: the invitation must update"
        );

        // Only a report ticked: the invitation is unchanged.
        let mut only_report = MeetingEdit::of(&m);
        only_report.report(hv, true, &names).unwrap();
        let (saved, _) = from_draft(&edit_draft(&m, &only_report, &names).unwrap(), Some(&m)).unwrap();
        assert_eq!(saved.sequence, 0);
        assert!(saved.invitees[1].report_received);

        // A new place is a new invitation.
        let mut online = MeetingEdit::of(&m);
        online.location = Location::Online {
            joining_details: "Teams link to follow".into(),
        };
        let (saved, _) = from_draft(&edit_draft(&m, &online, &names).unwrap(), Some(&m)).unwrap();
        assert_eq!(saved.sequence, 1);

        // Nobody required and no chair.
        let mut m2 = m.clone();
        m2.chair = None;
        let mut none = MeetingEdit::of(&m2);
        none.invite(officer, false);
        none.invite(mother, false);
        assert_eq!(edit_draft(&m2, &none, &names).unwrap_err(), EditError::NobodyRequired);

        // The same person twice.
        let mut twice = MeetingEdit::of(&m2);
        twice.invitees.push(twice.invitees[0]);
        assert_eq!(
            edit_draft(&m2, &twice, &names).unwrap_err().to_string(),
            "DC Reid is listed twice; each person is invited once."
        );
    }

    #[test]
    fn only_a_planned_meeting_is_edited() {
        let (ds, _, _) = world();
        let (pack, cal) = env();
        let held = ds.meetings[0].id;
        assert_eq!(
            editor(&pack, &cal, &ds, held, d("2026-03-09")).unwrap_err().to_string(),
            "This meeting is held; only a planned meeting's invitees and place can be changed."
        );
        let names = Names::new(&ds);
        assert!(matches!(
            edit_draft(&ds.meetings[0], &MeetingEdit::of(&ds.meetings[0]), &names),
            Err(EditError::NotPlanned { status: "held" })
        ));
        assert!(matches!(
            editor(&pack, &cal, &ds, MeetingId::new_random(), d("2026-03-09")),
            Err(EditError::UnknownMeeting(_))
        ));
    }
}
