//! `convene audit …`: verify the audit trail's hash chain, or show its changes.

use clap::Subcommand;

use crate::{print_json, Ctx, Failure, Outcome};

#[derive(Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain; exits non-zero naming the first bad entry.
    Verify,
    /// List changes, newest last.
    Show {
        #[arg(long)]
        child: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

pub fn audit(ctx: &Ctx, cmd: AuditCommand) -> Outcome {
    match cmd {
        AuditCommand::Verify => {
            let store = ctx.open()?;
            match store.verify_audit()? {
                None => {
                    out!("The audit trail is intact: {} entries.", store.audit_entries()?.len());
                    Ok(())
                }
                Some((seq, what)) => Err(Failure(format!(
                    "The audit trail has been altered: {what} (first bad entry: {seq})."
                ))),
            }
        }
        AuditCommand::Show { child, json } => {
            let store = ctx.open()?;
            let child: Option<convene_core::ChildId> = child.map(|c| c.parse()).transpose()?;
            let entries: Vec<_> = store
                .audit_entries()?
                .into_iter()
                .filter(|e| child.is_none_or(|c| e.children.contains(&c)))
                .collect();
            if json {
                return print_json(&entries);
            }
            for e in entries {
                let who = match e.practitioner {
                    Some(p) => format!("{} ({p})", e.os_user),
                    None => e.os_user.clone(),
                };
                out!(
                    "{:>5}  {}  {:<16} {:<10} {:<11} {}",
                    e.seq,
                    uk_time(&e.at),
                    who,
                    e.action,
                    e.record,
                    e.id
                );
            }
            Ok(())
        }
    }
}

/// An audit entry's instant (RFC 3339, UTC) on the UK clock, "2026-06-01 10:15:00", as every
/// other time the CLI prints.
fn uk_time(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| convene_core::time::to_london(t).format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_else(|_| at.to_string())
}
