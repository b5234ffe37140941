//! `convene demo`, `export`, `import`, `check`, `backup`, `restore`, `backups`, `encryption`: the
//! data folder as a whole.

use std::path::PathBuf;

use crate::{parse_date, today, write_atomically, Ctx, Failure, Outcome};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum EncryptionAction {
    On,
    Change,
    Off,
}

pub fn demo(ctx: &Ctx, t: Option<String>, seed: u64, if_empty: bool, families: Option<usize>) -> Outcome {
    let today = match t {
        Some(t) => parse_date(&t)?,
        None => today(),
    };
    let store = ctx.open()?;
    if !store.is_empty() && if_empty {
        out!("The store already holds records; no demo data loaded.");
        return Ok(());
    }
    if !store.is_empty() {
        return Err(Failure(
            "This data folder already holds records; the demo only loads into an empty one. Use a new --data-dir."
                .into(),
        ));
    }
    let ds = match families {
        Some(0) => return Err(Failure("--families must be at least 1.".into())),
        Some(n) if n > 100_000 => return Err(Failure("--families is at most 100,000.".into())),
        Some(n) => convene_core::demo::synthetic_authority(today, seed, n),
        None => convene_core::demo::demo_dataset(today, seed),
    };
    store.write_dataset(&ds)?;
    out!(
        "Loaded the demo: {} children, {} meetings, {} events, {} people, {} teams.",
        ds.children.len(),
        ds.meetings.len(),
        ds.events.len(),
        ds.people.len(),
        ds.teams.len()
    );
    Ok(())
}

pub fn export(ctx: &Ctx, output: Option<PathBuf>) -> Outcome {
    let text = ctx.open()?.export()?;
    match output {
        Some(path) => write_atomically(&path, text.as_bytes()),
        None => {
            outp!("{text}");
            Ok(())
        }
    }
}

pub fn import(ctx: &Ctx, file: PathBuf) -> Outcome {
    let text =
        std::fs::read_to_string(&file).map_err(|e| Failure(format!("Could not read {}: {e}", file.display())))?;
    let store = ctx.open()?;
    let (backup, imported) = store.import_with_backup(&text, ctx.passphrase()?.as_deref(), chrono::Utc::now())?;
    let history = match imported.history {
        1 => "1 change".to_string(),
        n => format!("{n} changes"),
    };
    out!(
        "Imported {} children and {} meetings, with their history ({history} in the audit trail). The settings as they were are in {}.",
        store.count::<convene_core::Child>(),
        store.count::<convene_core::Meeting>(),
        backup.display()
    );
    if let Some(what) = &imported.audit_problem {
        eprintln!(
            "warning: {}",
            convene_store::backup::audit_problem_sentence("file", what)
        );
    }
    Ok(())
}

pub fn check(ctx: &Ctx) -> Outcome {
    let report = ctx.open()?.check()?;
    if report.problems.is_empty() {
        out!(
            "The store is consistent: {} records, {} index entries.",
            report.records,
            report.index_entries
        );
        Ok(())
    } else {
        for p in &report.problems {
            eprintln!("problem: {p}");
        }
        Err(Failure(format!("The store has {} problem(s).", report.problems.len())))
    }
}

pub fn backup(ctx: &Ctx, output: Option<PathBuf>) -> Outcome {
    let store = ctx.open()?;
    let path = match output {
        Some(p) => {
            store.backup_to(&p)?;
            p
        }
        None => store.backup(convene_store::backup::BackupKind::Manual, chrono::Utc::now())?,
    };
    out!("Backed up to {}", path.display());
    Ok(())
}

pub fn restore(ctx: &Ctx, file: Option<PathBuf>, latest: bool) -> Outcome {
    let dir = ctx.dir()?;
    let file = match (file, latest) {
        (Some(f), _) => f,
        (None, _) => convene_store::backup::list_backups(&dir)
            .into_iter()
            .next()
            .ok_or_else(|| {
                Failure(format!(
                    "There are no backups in {}.",
                    convene_store::backup::backups_dir(&dir).display()
                ))
            })?,
    };
    let store = convene_store::backup::restore_with(&dir, &file, ctx.passphrase()?.as_deref(), chrono::Utc::now())?;
    out!(
        "Restored {} children and {} meetings from {}.",
        store.count::<convene_core::Child>(),
        store.count::<convene_core::Meeting>(),
        file.display()
    );
    if let Some(what) = store.last_import_audit_problem() {
        eprintln!(
            "warning: {}",
            convene_store::backup::audit_problem_sentence("backup", &what)
        );
    }
    Ok(())
}

pub fn backups(ctx: &Ctx) -> Outcome {
    let dir = ctx.dir()?;
    let list = convene_store::backup::list_backups(&dir);
    if list.is_empty() {
        out!(
            "No backups yet in {}.",
            convene_store::backup::backups_dir(&dir).display()
        );
    }
    for p in list {
        out!("{}", p.display());
    }
    Ok(())
}

pub fn encryption(ctx: &Ctx, action: EncryptionAction, new_file: Option<&std::path::Path>) -> Outcome {
    let dir = ctx.dir()?;
    let new = match new_file {
        Some(file) => Some(crate::passphrase_from(file)?),
        None => std::env::var("CONVENE_NEW_PASSPHRASE").ok().filter(|p| !p.is_empty()),
    };
    let new = match action {
        EncryptionAction::Off => None,
        _ => Some(new.ok_or_else(|| {
            Failure("Give the new passphrase with --new-passphrase-file (or CONVENE_NEW_PASSPHRASE).".into())
        })?),
    };
    let current = ctx.passphrase()?;
    let store = convene_store::change_passphrase(&dir, current.as_deref(), new.as_deref(), chrono::Utc::now())?;
    out!(
        "{}",
        if store.is_encrypted() {
            "The data is now encrypted. Old backups were replaced by an encrypted one. Keep the passphrase safe: without it the data cannot be read."
        } else {
            "The data is no longer encrypted."
        }
    );
    Ok(())
}
