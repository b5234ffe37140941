//! `convene ics`: a meeting's invitation (.ics), or a person's calendar.

use std::path::PathBuf;

use crate::{write_atomically, Ctx, Failure, Outcome};

pub fn ics(ctx: &Ctx, meeting: Option<String>, person: Option<String>, output: Option<PathBuf>) -> Outcome {
    let store = ctx.open()?;
    let ds = store.load_dataset()?;
    let now = chrono::Utc::now();
    let text = match (meeting, person) {
        (Some(m), _) => convene_ics::meeting_invitation(&ds, m.parse()?, store.settings()?.me, now)?,
        (None, Some(p)) => convene_ics::person_calendar(&ds, p.parse()?, now)?,
        (None, None) => return Err(Failure("Give a meeting id, or --person ID.".into())),
    };
    match output {
        Some(path) => {
            write_atomically(&path, text.as_bytes())?;
            out!("Wrote {}.", path.display());
        }
        None => outp!("{text}"),
    }
    Ok(())
}
