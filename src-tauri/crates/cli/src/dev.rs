//! Hidden developer commands used by the test suite (not shown in `--help`).

use std::io::Write;

use chrono::Duration;
use clap::Subcommand;
use convene_core::*;

use crate::{Ctx, Failure, Outcome};

#[derive(Subcommand)]
pub enum DevCommand {
    /// Write events and meetings forever, printing `ack KIND ID` after each write is flushed;
    /// the crash test kills it with SIGKILL at random moments.
    CrashWriter {
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

pub fn dev(ctx: &Ctx, cmd: DevCommand) -> Outcome {
    match cmd {
        DevCommand::CrashWriter { seed } => crash_writer(ctx, seed),
    }
}

fn crash_writer(ctx: &Ctx, seed: u64) -> Outcome {
    let store = convene_store::Store::open(&ctx.dir()?)?;
    let ds = store.load_dataset()?;
    let children: Vec<ChildId> = ds.children.iter().map(|c| c.id).collect();
    let people: Vec<PersonId> = ds.people.iter().map(|p| p.id).collect();
    if children.is_empty() || people.is_empty() {
        return Err(Failure("Load the demo first.".into()));
    }
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let base = convene_core::time::parse_london("2027-03-01T10:00")?;
    let stdout = std::io::stdout();
    for i in 0u64.. {
        let child = children[(next() % children.len() as u64) as usize];
        if i % 2 == 0 {
            let e = Event {
                id: EventId::new_random(),
                child,
                kind: EventKind::Visit,
                date: convene_core::time::uk_date_of(chrono::Utc::now()) - Duration::days((next() % 30) as i64),
                note: format!("crash-test visit {i}"),
            };
            store.put(&e)?;
            let _ = writeln!(stdout.lock(), "ack event {}", e.id);
        } else {
            let start = convene_core::time::to_london(base + Duration::minutes(((next() % 2000) * 30) as i64));
            let m = Meeting {
                id: MeetingId::new_random(),
                kind: MeetingKind::CoreGroup,
                children: vec![child],
                start,
                end: convene_core::time::to_london(start + Duration::minutes(60)),
                location: Location::Online {
                    joining_details: "crash test".into(),
                },
                chair: Some(people[(next() % people.len() as u64) as usize]),
                minute_taker: None,
                invitees: vec![],
                status: MeetingStatus::Planned,
                sequence: 0,
                overrides: vec![],
                outcome: None,
            };
            store.save_meeting(&m, MeetingChange::Created, crate::planning::now())?;
            let _ = writeln!(stdout.lock(), "ack meeting {}", m.id);
        }
        let _ = stdout.lock().flush();
    }
    Ok(())
}
