//! `convene caseloads` and `kpi`: caseloads per practitioner and team, and performance figures.

use std::path::PathBuf;

use crate::{parse_date, print_json, today, write_atomically, Ctx, Failure, Outcome};

pub fn caseloads(ctx: &Ctx, history_from: Option<String>, json: bool) -> Outcome {
    let store = ctx.open()?;
    let settings = store.settings()?;
    let ds = store.load_dataset()?;
    let day = today();
    let c = convene_core::caseload::caseloads(&ds, &settings.caseloads, day);
    store.record_caseloads_if_due(day, &convene_core::caseload::snapshot(&c))?;
    if let Some(from) = history_from {
        let rows = store.caseload_history(Some(parse_date(&from)?))?;
        if json {
            return print_json(&rows);
        }
        let names: std::collections::HashMap<_, _> = ds.people.iter().map(|p| (p.id, p.name.as_str())).collect();
        out!("date        children  CP CIN LAC  practitioner");
        for r in rows {
            out!(
                "{}  {:>8} {:>3} {:>3} {:>3}  {}",
                r.date,
                r.children,
                r.cp,
                r.cin,
                r.lac,
                names.get(&r.person).copied().unwrap_or("(unknown)")
            );
        }
        return Ok(());
    }
    if json {
        return print_json(&c);
    }
    out!("Caseloads on {} (meetings: week of {}):", c.as_of, c.week.0);
    out!("children  CP CIN LAC none  meetings  limit  practitioner");
    for r in &c.people {
        out!(
            "{:>8} {:>3} {:>3} {:>3} {:>4} {:>9} {:>6}  {}{}, {}{}",
            r.children,
            r.cp,
            r.cin,
            r.lac,
            r.no_plan,
            r.meetings_this_week,
            r.limit.map(|l| l.to_string()).unwrap_or_else(|| "—".into()),
            r.name,
            r.team_name.as_deref().map(|t| format!(" ({t})")).unwrap_or_default(),
            r.role,
            if r.over { "  OVER" } else { "" }
        );
    }
    for a in &c.alerts {
        out!("Alert: {a}");
    }
    Ok(())
}

pub fn kpi(
    ctx: &Ctx,
    from: Option<String>,
    to: Option<String>,
    team: Option<String>,
    practitioner: Option<String>,
    csv: Option<PathBuf>,
    json: bool,
) -> Outcome {
    let store = ctx.open()?;
    let settings = store.settings()?;
    let pack = settings.pack()?;
    let cal = settings.calendar(pack.division);
    let as_of = today();
    let to = to.as_deref().map(parse_date).transpose()?.unwrap_or(as_of);
    let from = match from.as_deref() {
        Some(f) => parse_date(f)?,
        None => convene_core::kpi::twelve_months_to(to),
    };
    crate::check_period(from, to)?;
    let ds = store.load_dataset()?;
    let (scope, label) = match (team, practitioner) {
        (Some(t), _) => {
            let id: convene_core::TeamId = t.parse()?;
            let team = ds
                .teams
                .iter()
                .find(|x| x.id == id)
                .ok_or_else(|| Failure(format!("There is no team with id {id}.")))?;
            (convene_core::kpi::Scope::Team(id), format!("team: {}", team.name))
        }
        (None, Some(p)) => {
            let id: convene_core::PersonId = p.parse()?;
            let person = store.require::<convene_core::Person>(id.as_bytes())?;
            (
                convene_core::kpi::Scope::Practitioner(id),
                format!("practitioner: {}", person.name),
            )
        }
        (None, None) => (convene_core::kpi::Scope::Authority, "authority".to_string()),
    };
    let figures = convene_core::kpi::kpis(&ds, &pack, &cal, scope, from, to, as_of)?;
    if let Some(path) = csv {
        write_atomically(&path, convene_core::kpi::to_csv(&label, from, to, &figures).as_bytes())?;
    }
    if json {
        return print_json(&figures);
    }
    out!("{label}, {from} to {to}:");
    for k in &figures {
        let pct = k
            .percent
            .map(|p| format!("{p:>5.1}%"))
            .unwrap_or_else(|| "    —  ".into());
        out!("{pct}  {:>4}/{:<4} {}", k.numerator, k.denominator, k.title);
    }
    Ok(())
}
