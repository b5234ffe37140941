//! `convene meeting …`.

use std::collections::HashMap;

use chrono::{Days, Duration};
use clap::{Args, Subcommand};
use convene_core::queries::{meeting_summary, Names};
use convene_core::time::parse_london;
use convene_core::*;

use crate::{parse_date, print_json, today, Ctx, Failure, Outcome};

#[derive(Subcommand)]
pub enum MeetingCommand {
    /// List meetings (default: from today for 14 days).
    List {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Meetings whose time has passed with no outcome recorded, oldest first (record one with
    /// `meeting outcome`).
    Unrecorded {
        #[arg(long)]
        json: bool,
    },
    /// Add a planned meeting.
    Add(MeetingAdd),
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Cancel a meeting, with a reason.
    Cancel {
        id: String,
        #[arg(long)]
        reason: String,
    },
    /// Move a meeting, with a reason; conflicts are checked again.
    Reschedule {
        id: String,
        #[arg(long)]
        start: String,
        #[arg(long, conflicts_with = "duration")]
        end: Option<String>,
        /// Minutes (default: keep the length).
        #[arg(long)]
        duration: Option<i64>,
        #[arg(long)]
        reason: String,
        /// Save despite conflicts, for this reason.
        #[arg(long = "override", value_name = "REASON")]
        override_reason: Option<String>,
    },
    /// Change a planned meeting's invitees, reports received or place (not its time: use
    /// reschedule). Conflicts are checked again; a new place or list updates the invitation.
    Edit(MeetingEditArgs),
    /// Record what happened: attendance, and for a conference its decision and core group.
    /// Marks the meeting held, then shows the next meetings it calls for.
    Outcome(crate::outcome::OutcomeArgs),
    /// The next meetings a held meeting calls for, with slots inside their windows.
    Next {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Hold a born baby's planned pre-birth conference as the initial child protection
    /// conference: same time, place and people (some procedures do; others cancel it and book
    /// one). Conflicts are checked again; the invitation is updated.
    HoldAsIcpc {
        id: String,
        /// Save despite conflicts, for this reason.
        #[arg(long = "override", value_name = "REASON")]
        override_reason: Option<String>,
    },
    /// What has happened to a meeting: created, rescheduled, cancelled, held.
    History {
        id: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct MeetingEditArgs {
    id: String,
    /// People to invite as required (or make required), comma-separated ids.
    #[arg(long, value_delimiter = ',')]
    require: Vec<String>,
    /// People to invite as optional (or make optional).
    #[arg(long, value_delimiter = ',')]
    optional: Vec<String>,
    /// People to take off the list.
    #[arg(long, value_delimiter = ',')]
    uninvite: Vec<String>,
    /// Invitees whose report has been received.
    #[arg(long, value_delimiter = ',')]
    report_received: Vec<String>,
    /// Invitees whose report is not in after all.
    #[arg(long, value_delimiter = ',')]
    report_missing: Vec<String>,
    /// Hold it at this venue instead.
    #[arg(long, conflicts_with = "online")]
    venue: Option<String>,
    /// Hold it online instead, with these joining details.
    #[arg(long)]
    online: Option<String>,
    /// Save despite conflicts, for this reason.
    #[arg(long = "override", value_name = "REASON")]
    override_reason: Option<String>,
}

#[derive(Args)]
pub struct MeetingAdd {
    /// strategy-discussion, icpc, review-conference, core-group, cin-review, ...
    #[arg(long)]
    kind: String,
    /// Child ids, comma-separated (a sibling group shares one meeting).
    #[arg(long, value_delimiter = ',', required = true)]
    child: Vec<String>,
    /// UK wall time, e.g. 2026-05-12T10:00 (add +01:00 or +00:00 in the repeated autumn hour).
    #[arg(long)]
    start: String,
    /// End time; or use --duration.
    #[arg(long, conflicts_with = "duration")]
    end: Option<String>,
    /// Minutes.
    #[arg(long, default_value_t = 60)]
    duration: i64,
    #[arg(long, conflicts_with = "online")]
    venue: Option<String>,
    /// Joining details for an online meeting.
    #[arg(long)]
    online: Option<String>,
    #[arg(long)]
    chair: Option<String>,
    #[arg(long)]
    minute_taker: Option<String>,
    /// Required invitees, comma-separated person ids.
    #[arg(long, value_delimiter = ',')]
    required: Vec<String>,
    /// Optional invitees, comma-separated person ids.
    #[arg(long, value_delimiter = ',')]
    optional: Vec<String>,
    /// Save despite conflicts (double booking, holiday, late…), for this reason.
    #[arg(long = "override", value_name = "REASON")]
    override_reason: Option<String>,
}

/// The end of a meeting `minutes` long: checked against the longest meeting allowed before any
/// time arithmetic, so no number typed can overflow it.
fn end_after(
    start: chrono::DateTime<chrono::FixedOffset>,
    minutes: i64,
) -> Result<chrono::DateTime<chrono::FixedOffset>, Failure> {
    let minutes = convene_core::validate::meeting_minutes(minutes)?;
    Ok(convene_core::time::end_after(start, Duration::minutes(minutes.into()))?)
}

fn person_ids(list: &[String]) -> Result<Vec<PersonId>, Failure> {
    list.iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Ok(s.parse()?))
        .collect()
}

pub fn meeting(ctx: &Ctx, cmd: MeetingCommand) -> Outcome {
    let store = ctx.open()?;
    match cmd {
        MeetingCommand::List { from, to, json } => {
            let from = match from {
                Some(f) => parse_date(&f)?,
                None => today(),
            };
            let to = match to {
                Some(t) => parse_date(&t)?,
                None => from.checked_add_days(Days::new(13)).unwrap_or(from),
            };
            crate::check_period(from, to)?;
            let ds = store.load_dataset()?;
            let settings = store.settings()?;
            let pack = settings.pack()?;
            let cal = settings.calendar(pack.division);
            let rows = queries::meetings_between_checked(&pack, &cal, &ds, from, to, today())?;
            if json {
                return print_json(&rows);
            }
            for r in rows {
                let late = r
                    .after_deadline
                    .map(|d| format!("  (after its deadline, {})", convene_core::views::uk_date(d)))
                    .unwrap_or_default();
                out!(
                    "{}  {}  {:<36} {:<9} {}{late}",
                    r.id,
                    &r.start[..16],
                    r.kind_title,
                    r.status,
                    r.children.join(", ")
                );
                for c in &r.conflicts {
                    out!("    conflict: {c}");
                }
            }
            Ok(())
        }
        MeetingCommand::Unrecorded { json } => {
            let now = convene_core::time::to_london(chrono::Utc::now().fixed_offset());
            let rows: Vec<_> = queries::outcomes_to_record(&store.load_dataset()?, now)
                .into_iter()
                .map(|o| o.meeting)
                .collect();
            if json {
                return print_json(&rows);
            }
            if rows.is_empty() {
                out!("Every meeting held so far has its outcome recorded.");
            }
            for r in rows {
                out!(
                    "{}  {}  {:<36} {}",
                    r.id,
                    &r.start[..16],
                    r.kind_title,
                    r.children.join(", ")
                );
            }
            Ok(())
        }
        MeetingCommand::Add(a) => {
            let kind = MeetingKind::parse(&a.kind)?;
            let start = parse_london(&a.start)?;
            let end = match a.end {
                Some(e) => parse_london(&e)?,
                None => end_after(start, a.duration)?,
            };
            let location = match (a.venue, a.online) {
                (Some(v), _) => Location::Venue { venue: v.parse()? },
                (None, Some(o)) => Location::Online { joining_details: o },
                (None, None) => return Err(Failure("Give --venue ID or --online \"joining details\".".into())),
            };
            let mut invitees: Vec<Invitee> = person_ids(&a.required)?
                .into_iter()
                .map(|person| Invitee {
                    person,
                    required: true,
                    attendance: Attendance::Invited,
                    report_received: false,
                })
                .collect();
            invitees.extend(person_ids(&a.optional)?.into_iter().map(|person| Invitee {
                person,
                required: false,
                attendance: Attendance::Invited,
                report_received: false,
            }));
            let m = Meeting {
                id: MeetingId::new_random(),
                kind,
                children: a.child.iter().map(|c| c.parse()).collect::<Result<_, _>>()?,
                start,
                end: convene_core::time::to_london(end),
                location,
                chair: a.chair.map(|s| s.parse()).transpose()?,
                minute_taker: a.minute_taker.map(|s| s.parse()).transpose()?,
                invitees,
                status: MeetingStatus::Planned,
                sequence: 0,
                overrides: vec![],
                outcome: None,
            };
            let m = crate::planning::checked(&store, m, a.override_reason)?;
            store.save_meeting(&m, MeetingChange::Created, crate::planning::now())?;
            out!("{}", m.id);
            Ok(())
        }
        MeetingCommand::Show { id, json } => {
            let id: MeetingId = id.parse()?;
            let m: Meeting = store.require(id.as_bytes())?;
            if json {
                return print_json(&m);
            }
            let ds = store.load_dataset()?;
            let names = Names::new(&ds);
            let s = meeting_summary(&m, &names);
            out!("{} ({})", s.kind_title, s.status);
            out!(
                "When: {} to {}",
                m.start.format("%A %-d %B %Y, %H:%M"),
                m.end.format("%H:%M")
            );
            out!("Where: {}", s.location);
            out!("Children: {}", s.children.join(", "));
            if let Some(c) = s.chair {
                out!("Chair: {c}");
            }
            let people: HashMap<PersonId, &Person> = ds.people.iter().map(|p| (p.id, p)).collect();
            for i in &m.invitees {
                let p = people.get(&i.person);
                out!(
                    "  {} — {} ({}){}",
                    p.map(|p| p.name.as_str()).unwrap_or("?"),
                    p.map(|p| p.role.as_str()).unwrap_or("?"),
                    if i.required { "required" } else { "optional" },
                    match i.attendance {
                        Attendance::Invited => "",
                        Attendance::Attended => ", attended",
                        Attendance::Apologies => ", apologies",
                        Attendance::DidNotAttend => ", did not attend",
                    }
                );
            }
            if let MeetingStatus::Cancelled { reason } = &m.status {
                out!("Cancelled: {reason}");
            }
            Ok(())
        }
        MeetingCommand::Cancel { id, reason } => {
            let id: MeetingId = id.parse()?;
            let existing: Meeting = store.require(id.as_bytes())?;
            let m = convene_core::schedule::cancelling::cancelled(&existing, &reason)
                .map_err(|e| Failure(e.to_string()))?;
            let reason = reason.trim().to_string();
            store.save_meeting(&m, MeetingChange::Cancelled { reason }, crate::planning::now())?;
            out!("Cancelled.");
            Ok(())
        }
        MeetingCommand::Reschedule {
            id,
            start,
            end,
            duration,
            reason,
            override_reason,
        } => {
            let id: MeetingId = id.parse()?;
            let mut m: Meeting = store.require(id.as_bytes())?;
            if m.is_cancelled() {
                return Err(Failure(
                    "A cancelled meeting cannot be rescheduled; add a new one.".into(),
                ));
            }
            if !m.is_changeable() {
                return Err(Failure(
                    "A held meeting has happened and cannot be rescheduled; add a new one.".into(),
                ));
            }
            if reason.trim().is_empty() {
                return Err(Failure("Say why the meeting is moving (--reason).".into()));
            }
            let from = m.start;
            // The app's move: only a planned meeting, and not into the past.
            let moved = convene_core::schedule::moving::moved(&m, &start, crate::today())
                .map_err(|e| Failure(e.to_string()))?;
            let new_start = moved.start;
            let new_end = match (end, duration) {
                (Some(e), _) => parse_london(&e)?,
                (None, Some(d)) => end_after(new_start, d)?,
                (None, None) => moved.end,
            };
            m.start = new_start;
            m.end = new_end;
            m.bump_sequence()?;
            m.status = MeetingStatus::Planned;
            let m = crate::planning::checked(&store, m, override_reason)?;
            store.save_meeting(
                &m,
                MeetingChange::Rescheduled {
                    from,
                    to: new_start,
                    reason,
                },
                crate::planning::now(),
            )?;
            out!("Rescheduled to {}.", m.start.format("%A %-d %B %Y, %H:%M"));
            Ok(())
        }
        MeetingCommand::Edit(a) => edit_meeting(&store, a),
        MeetingCommand::Outcome(args) => crate::outcome::record(&store, args),
        MeetingCommand::Next { id, json } => crate::outcome::next(&store, id.parse()?, json),
        MeetingCommand::HoldAsIcpc { id, override_reason } => {
            let id: MeetingId = id.parse()?;
            let existing: Meeting = store.require(id.as_bytes())?;
            let children = existing
                .children
                .iter()
                .map(|c| store.require::<convene_core::Child>(c.as_bytes()))
                .collect::<Result<Vec<_>, _>>()?;
            let (m, change) =
                convene_core::schedule::after_birth::held_as_icpc(&existing, &children.iter().collect::<Vec<_>>())
                    .map_err(|e| Failure(e.to_string()))?;
            let m = crate::planning::checked(&store, m, override_reason)?;
            store.save_meeting(&m, change, crate::planning::now())?;
            out!(
                "Now the initial child protection conference, {}.",
                convene_core::agenda::when_text(m.start, m.end)
            );
            Ok(())
        }
        MeetingCommand::History { id, json } => {
            let id: MeetingId = id.parse()?;
            store.require::<Meeting>(id.as_bytes())?;
            let history = store.meeting_history(id)?;
            if json {
                return print_json(&history);
            }
            for h in history {
                let what = match h.change {
                    MeetingChange::Created => "created".to_string(),
                    MeetingChange::Updated => "updated".to_string(),
                    MeetingChange::Cancelled { reason } => format!("cancelled: {reason}"),
                    MeetingChange::OutcomeRecorded { summary } => summary,
                    MeetingChange::KindChanged { from, to } => {
                        format!("held as {} (was {})", to.a_title(), from.a_title())
                    }
                    MeetingChange::Rescheduled { from, to, reason } => format!(
                        "moved from {} to {}: {reason}",
                        from.format("%a %-d %b %Y %H:%M"),
                        to.format("%a %-d %b %Y %H:%M")
                    ),
                };
                out!("{}  {what}", h.at.format("%Y-%m-%d %H:%M"));
            }
            Ok(())
        }
    }
}

fn edit_meeting(store: &convene_store::Store, a: MeetingEditArgs) -> Outcome {
    use convene_core::schedule::editing::{edit_draft, MeetingEdit};
    let id: MeetingId = a.id.parse()?;
    let existing: Meeting = store.require(id.as_bytes())?;
    let ds = store.load_dataset()?;
    let names = Names::new(&ds);
    let person = |text: &String| -> Result<PersonId, Failure> {
        let p: PersonId = text.parse()?;
        if names.person(p).is_none() {
            return Err(Failure(format!("There is no person {p}.")));
        }
        Ok(p)
    };
    let mut edit = MeetingEdit::of(&existing);
    for p in &a.require {
        edit.invite(person(p)?, true);
    }
    for p in &a.optional {
        edit.invite(person(p)?, false);
    }
    for p in &a.uninvite {
        let p = person(p)?;
        if !edit.uninvite(p) {
            return Err(Failure(format!(
                "{} is not invited to this meeting.",
                names.person_name(p)
            )));
        }
    }
    for p in &a.report_received {
        edit.report(person(p)?, true, &names)?;
    }
    for p in &a.report_missing {
        edit.report(person(p)?, false, &names)?;
    }
    match (a.venue, a.online) {
        (Some(v), _) => {
            let venue: VenueId = v.parse()?;
            store.require::<Venue>(venue.as_bytes())?;
            edit.location = Location::Venue { venue };
        }
        (None, Some(joining_details)) => edit.location = Location::Online { joining_details },
        (None, None) => {}
    }
    let draft = edit_draft(&existing, &edit, &names)?;
    let (m, change) = convene_core::schedule::planning::from_draft(&draft, Some(&existing))?;
    let m = crate::planning::checked(store, m, a.override_reason)?;
    store.save_meeting(&m, change, crate::planning::now())?;
    let ds = store.load_dataset()?;
    let names = Names::new(&ds);
    out!(
        "Saved: {} invited at {}. {}",
        m.invitees.len(),
        names.location(&m.location),
        convene_core::schedule::editing::reports_received(&ds, &m)
    );
    Ok(())
}
