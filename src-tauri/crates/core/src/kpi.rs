//! Performance figures for managers: timeliness of conferences, core groups, reviews,
//! assessments and visits; long and repeat plans; attendance by agency. Each figure carries the
//! rows behind it, so it can be opened. Pure: the caller passes the records, the period and the
//! scope.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkingDayCalendar;
use crate::dataset::Dataset;
use crate::error::CalendarError;
use crate::ids::*;
use crate::model::*;
use crate::queries::evaluate_all;
use crate::rules::{IcpcAnchor, RulePack};
use crate::timescales::{DueItem, DueStatus};
use crate::views::uk_date;

/// Whose figures: the whole authority, one team, or one practitioner (by allocated children).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", content = "id", rename_all = "kebab-case")]
pub enum Scope {
    Authority,
    Team(TeamId),
    Practitioner(PersonId),
}

/// One row behind a figure: a child's item, a plan, or an invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct KpiRow {
    pub child: Option<ChildId>,
    pub date: NaiveDate,
    pub detail: String,
    /// Counted in the numerator.
    pub counted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Kpi {
    pub id: String,
    pub title: String,
    pub numerator: u32,
    pub denominator: u32,
    /// One decimal place; `None` when there is nothing to count.
    pub percent: Option<f64>,
    pub rows: Vec<KpiRow>,
}

impl Kpi {
    fn new(id: &str, title: &str, rows: Vec<KpiRow>) -> Kpi {
        let numerator = rows.iter().filter(|r| r.counted).count() as u32;
        let denominator = rows.len() as u32;
        let percent =
            (denominator > 0).then(|| (1000.0 * f64::from(numerator) / f64::from(denominator)).round() / 10.0);
        Kpi {
            id: id.to_string(),
            title: title.to_string(),
            numerator,
            denominator,
            percent,
            rows,
        }
    }
}

fn in_scope(ds: &Dataset, scope: Scope) -> Vec<ChildId> {
    let team_of: HashMap<PersonId, Option<TeamId>> = ds.people.iter().map(|p| (p.id, p.team)).collect();
    ds.children
        .iter()
        .filter(|c| match scope {
            Scope::Authority => true,
            Scope::Practitioner(p) => c.social_worker == Some(p),
            Scope::Team(t) => c.social_worker.and_then(|sw| team_of.get(&sw).copied().flatten()) == Some(t),
        })
        .map(|c| c.id)
        .collect()
}

/// Items of these rules whose deadline falls in the period and that were due by `as_of`: met
/// on time counts; met late, still overdue, and missed (not met before the plan ended or the
/// conference was held) do not; items closed by a decision (no further action) or by their
/// episode ending before the deadline, and items not yet due, are left out. A missed deadline so
/// stays missed when the plan later ends.
fn timeliness(
    items: &[DueItem],
    rules: &[&str],
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
    names: &HashMap<ChildId, String>,
) -> Vec<KpiRow> {
    let mut rows: Vec<KpiRow> = items
        .iter()
        .filter(|i| rules.contains(&i.rule.as_str()) && i.deadline >= from && i.deadline <= to)
        .filter(|i| i.deadline <= as_of)
        .filter(|i| {
            matches!(
                i.status,
                DueStatus::Met | DueStatus::MetLate | DueStatus::Overdue | DueStatus::Missed
            )
        })
        .map(|i| KpiRow {
            child: Some(i.child),
            date: i.deadline,
            detail: format!(
                "{}: due {}, {}",
                names.get(&i.child).cloned().unwrap_or_default(),
                uk_date(i.deadline),
                match (i.met_on, i.status, i.ended) {
                    (Some(d), DueStatus::Met, _) => format!("met on {}", uk_date(d)),
                    (Some(d), _, _) => format!("met late on {}", uk_date(d)),
                    (None, DueStatus::Missed, Some(end)) => format!("not met before it ended on {}", uk_date(end)),
                    (None, _, _) => "not yet met".to_string(),
                }
            ),
            counted: i.status == DueStatus::Met,
        })
        .collect();
    rows.sort_by(|a, b| (a.date, &a.detail).cmp(&(b.date, &b.detail)));
    rows
}

/// The first day of the 12 months that end on `to` (both days included): 15 Mar 2025 to
/// 14 Mar 2026 is 12 months; from the 14th it would be 12 months and a day.
pub fn twelve_months_to(to: NaiveDate) -> NaiveDate {
    to.checked_sub_months(chrono::Months::new(12))
        .and_then(|d| d.succ_opt())
        .unwrap_or(to)
}

/// Every figure for a period and scope, as of a date.
pub fn kpis(
    ds: &Dataset,
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    scope: Scope,
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
) -> Result<Vec<Kpi>, CalendarError> {
    Ok(Evaluated::new(ds, pack, cal, scope, as_of)?.figures(from, to))
}

/// A scope's due items as of a day, under the pack in force and the national measures' packs:
/// evaluated once, then counted for as many periods as asked (a trend's months).
struct Evaluated<'a> {
    ds: &'a Dataset,
    pack: &'a RulePack,
    as_of: NaiveDate,
    children: Vec<ChildId>,
    names: HashMap<ChildId, String>,
    items: Vec<DueItem>,
    strategy_pack: RulePack,
    strategy_items: Vec<DueItem>,
    s47_pack: RulePack,
    s47_items: Vec<DueItem>,
}

impl<'a> Evaluated<'a> {
    fn new(
        ds: &'a Dataset,
        pack: &'a RulePack,
        cal: &WorkingDayCalendar,
        scope: Scope,
        as_of: NaiveDate,
    ) -> Result<Self, CalendarError> {
        let children = in_scope(ds, scope);
        let names = crate::queries::Names::new(ds);
        let names: HashMap<ChildId, String> = ds.children.iter().map(|c| (c.id, names.child_name(c.id))).collect();
        let mut bundles = ds.by_child();
        bundles.retain(|id, _| children.contains(id));
        let items = evaluate_all(pack, cal, &bundles, as_of)?;
        // The two ICPC figures are national measures (Working Together's, and the CIN census's),
        // worked out on the pack's shipped rule, whatever the authority has changed locally: its
        // time limit, counting, on/off switch and ICPC anchor.
        let national = |anchor| {
            let mut p = RulePack::builtin(&pack.name).unwrap_or_else(|_| pack.clone());
            p.settings.icpc_anchor = anchor;
            p
        };
        let strategy_pack = national(IcpcAnchor::LastStrategyDiscussion);
        let strategy_items = if strategy_pack == *pack {
            items.clone()
        } else {
            evaluate_all(&strategy_pack, cal, &bundles, as_of)?
        };
        let s47_pack = national(IcpcAnchor::S47Start);
        let s47_items = evaluate_all(&s47_pack, cal, &bundles, as_of)?;
        Ok(Evaluated {
            ds,
            pack,
            as_of,
            children,
            names,
            items,
            strategy_pack,
            strategy_items,
            s47_pack,
            s47_items,
        })
    }

    /// Every figure for `from..=to`.
    fn figures(&self, from: NaiveDate, to: NaiveDate) -> Vec<Kpi> {
        let Evaluated {
            ds,
            pack,
            as_of,
            ref children,
            ref names,
            ref items,
            ref strategy_pack,
            ref strategy_items,
            ref s47_pack,
            ref s47_items,
        } = *self;
        // Titles say the time limit of the rule each figure was worked out on.
        let limit = |p: &RulePack, rule: &str| {
            p.rule(rule)
                .map_or_else(|_| "the time limit".to_string(), |r| r.offset.to_string())
        };

        let mut out = vec![
            Kpi::new(
                "icpc-15wd-strategy",
                &format!(
                    "ICPCs within {} of the (last) strategy discussion",
                    limit(strategy_pack, "strategy-to-icpc")
                ),
                timeliness(strategy_items, &["strategy-to-icpc"], from, to, as_of, names),
            ),
            Kpi::new(
                "icpc-15wd-s47",
                &format!(
                    "ICPCs within {} of the start of the section 47 enquiry (CIN census)",
                    limit(s47_pack, "strategy-to-icpc")
                ),
                timeliness(s47_items, &["strategy-to-icpc"], from, to, as_of, names),
            ),
            Kpi::new(
                "core-group-10wd",
                &format!(
                    "First core groups within {} of the ICPC",
                    limit(pack, "icpc-to-core-group")
                ),
                timeliness(items, &["icpc-to-core-group"], from, to, as_of, names),
            ),
            Kpi::new(
                "reviews-in-time",
                "Review conferences within timescale",
                timeliness(
                    items,
                    &["icpc-to-first-review", "prebirth-to-first-review", "review-to-review"],
                    from,
                    to,
                    as_of,
                    names,
                ),
            ),
            Kpi::new(
                "assessment-45wd",
                &format!(
                    "Assessments within {} of the referral",
                    limit(pack, "referral-to-assessment")
                ),
                timeliness(items, &["referral-to-assessment"], from, to, as_of, names),
            ),
            Kpi::new(
                "cp-visits",
                "Child protection visits within timescale",
                timeliness(items, &["cp-visit"], from, to, as_of, names),
            ),
        ];

        // Plans: ended in the period after 2 years or more; started in the period as a second plan.
        let cp: Vec<&Episode> = ds
            .episodes
            .iter()
            .filter(|e| children.contains(&e.child) && matches!(e.kind, EpisodeKind::ChildProtection { .. }))
            .collect();
        let long: Vec<KpiRow> = cp
            .iter()
            .filter_map(|e| e.end.filter(|end| *end >= from && *end <= to).map(|end| (e, end)))
            .map(|(e, end)| KpiRow {
                child: Some(e.child),
                date: end,
                detail: format!(
                    "{}: plan from {} to {}",
                    names.get(&e.child).cloned().unwrap_or_default(),
                    uk_date(e.start),
                    uk_date(end)
                ),
                counted: e
                    .start
                    .checked_add_months(chrono::Months::new(24))
                    .is_some_and(|two| end >= two),
            })
            .collect();
        out.push(Kpi::new(
            "plans-2-years",
            "Plans ending in the period that lasted 2 years or more",
            long,
        ));
        // And the drift still going on: plans open at the end of the period, 2 years old or more.
        let open_long: Vec<KpiRow> = cp
            .iter()
            .filter(|e| e.start <= to && e.end.is_none_or(|end| end > to))
            .map(|e| KpiRow {
                child: Some(e.child),
                date: e.start,
                detail: format!(
                    "{}: plan from {}, open on {}",
                    names.get(&e.child).cloned().unwrap_or_default(),
                    uk_date(e.start),
                    uk_date(to)
                ),
                counted: e
                    .start
                    .checked_add_months(chrono::Months::new(24))
                    .is_some_and(|two| two <= to),
            })
            .collect();
        out.push(Kpi::new(
            "plans-open-2-years",
            "Plans open at the end of the period that have lasted 2 years or more",
            open_long,
        ));
        let repeat: Vec<KpiRow> = cp
            .iter()
            .filter(|e| e.start >= from && e.start <= to)
            .map(|e| KpiRow {
                child: Some(e.child),
                date: e.start,
                detail: format!(
                    "{}: plan from {}",
                    names.get(&e.child).cloned().unwrap_or_default(),
                    uk_date(e.start)
                ),
                counted: cp.iter().any(|o| o.child == e.child && o.start < e.start),
            })
            .collect();
        out.push(Kpi::new(
            "second-plans",
            "Plans starting in the period that are second or subsequent plans",
            repeat,
        ));

        // Attendance by agency at conferences and core groups held in the period.
        let agency_kind: HashMap<PersonId, AgencyKind> = {
            let kinds: HashMap<AgencyId, AgencyKind> = ds.agencies.iter().map(|a| (a.id, a.kind)).collect();
            ds.people
                .iter()
                .filter_map(|p| kinds.get(&p.agency).map(|k| (p.id, *k)))
                .collect()
        };
        let mut by_agency: HashMap<AgencyKind, Vec<KpiRow>> = HashMap::new();
        for m in ds.meetings.iter().filter(|m| {
            matches!(m.status, MeetingStatus::Held)
                && matches!(
                    m.kind,
                    MeetingKind::Icpc
                        | MeetingKind::ReviewConference
                        | MeetingKind::CoreGroup
                        | MeetingKind::PreBirthConference
                )
                && m.date() >= from
                && m.date() <= to
                && m.children.iter().any(|c| children.contains(c))
        }) {
            // Required invitees: someone copied in as optional is not expected, so their apologies
            // are not an agency's absence.
            for i in m
                .invitees
                .iter()
                .filter(|i| i.required && i.attendance != Attendance::Invited)
            {
                let Some(kind) = agency_kind.get(&i.person) else {
                    continue;
                };
                by_agency.entry(*kind).or_default().push(KpiRow {
                    child: m.children.first().copied(),
                    date: m.date(),
                    detail: format!(
                        "{} on {}: {}",
                        m.kind.title(),
                        uk_date(m.date()),
                        match i.attendance {
                            Attendance::Attended => "attended",
                            Attendance::Apologies => "sent apologies",
                            Attendance::DidNotAttend => "did not attend",
                            Attendance::Invited => "invited",
                        }
                    ),
                    counted: i.attendance == Attendance::Attended,
                });
            }
        }
        // Every kind of agency the authority works with, with or without rows this period, so each
        // month of a trend and each team has the figure ("—" when nothing was recorded).
        let mut agencies: Vec<AgencyKind> = ds.agencies.iter().map(|a| a.kind).collect();
        agencies.sort();
        agencies.dedup();
        for kind in agencies {
            let id = serde_json::to_value(kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let rows = by_agency.remove(&kind).unwrap_or_default();
            out.push(Kpi::new(
                &format!("attendance-{id}"),
                &format!("Attendance at conferences and core groups: {}", agency_label(kind)),
                rows,
            ));
        }
        out
    }
}

fn agency_label(k: AgencyKind) -> &'static str {
    match k {
        AgencyKind::ChildrensSocialCare => "children's social care",
        AgencyKind::Police => "police",
        AgencyKind::Health => "health",
        AgencyKind::Education => "education",
        AgencyKind::Probation => "probation",
        AgencyKind::Housing => "housing",
        AgencyKind::Voluntary => "voluntary sector",
        AgencyKind::Family => "family",
        AgencyKind::Other => "other agencies",
    }
}

/// The CSV the CLI writes: one row per figure and scope.
pub fn to_csv(scope_label: &str, from: NaiveDate, to: NaiveDate, kpis: &[Kpi]) -> String {
    let esc = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let mut out = String::from("kpi,title,scope,from,to,numerator,denominator,percent\n");
    for k in kpis {
        out.push_str(&format!(
            "{},{},{},{from},{to},{},{},{}\n",
            k.id,
            esc(&k.title),
            esc(scope_label),
            k.numerator,
            k.denominator,
            k.percent.map(|p| format!("{p:.1}")).unwrap_or_default()
        ));
    }
    out
}

/// One figure without the rows behind it: a point on a chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct KpiPoint {
    /// The KPI's id, e.g. `icpc-15wd-strategy`.
    pub kpi: String,
    /// The month ("2026-01") or the team's name.
    pub label: String,
    /// The first day counted: a month's first day, unless the period starts within it.
    #[ts(type = "string")]
    pub from: NaiveDate,
    /// The last day counted: a month's last day, unless the period ends within it.
    #[ts(type = "string")]
    pub to: NaiveDate,
    pub numerator: u32,
    pub denominator: u32,
    pub percent: Option<f64>,
}

fn points(figures: Vec<Kpi>, label: &str, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = KpiPoint> + '_ {
    figures.into_iter().map(move |k| KpiPoint {
        kpi: k.id,
        label: label.to_string(),
        from,
        to,
        numerator: k.numerator,
        denominator: k.denominator,
        percent: k.percent,
    })
}

/// Every KPI for each calendar month from `from`'s to `to`'s, each month counted on its own (so
/// a month with nothing due has no percentage), oldest first, as of `to`. The first and last
/// months are cut to the period, so the months together count what [`kpis`] counts for it
/// (all but the plans open at the end of a period, a count at one day, not over it): the trend
/// of the last 12 months starts part way through a month and ends today.
pub fn monthly_trend(
    ds: &Dataset,
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    scope: Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<KpiPoint>, CalendarError> {
    use chrono::Datelike;
    // One evaluation as of the day, counted month by month.
    let evaluated = Evaluated::new(ds, pack, cal, scope, to)?;
    let mut out = Vec::new();
    let mut month = from.with_day(1).unwrap_or(from);
    while month <= to {
        let next = month.checked_add_months(chrono::Months::new(1));
        let end = next.and_then(|d| d.pred_opt()).unwrap_or(to).min(to);
        let start = month.max(from);
        let label = month.format("%Y-%m").to_string();
        out.extend(points(evaluated.figures(start, end), &label, start, end));
        match next {
            Some(n) => month = n,
            None => break,
        }
    }
    Ok(out)
}

/// Every KPI for each team over one period, in team-name order.
pub fn by_team(
    ds: &Dataset,
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
) -> Result<Vec<KpiPoint>, CalendarError> {
    let mut teams: Vec<&Team> = ds.teams.iter().collect();
    teams.sort_by(|a, b| a.name.cmp(&b.name));
    let mut out = Vec::new();
    for t in teams {
        out.extend(points(
            kpis(ds, pack, cal, Scope::Team(t.id), from, to, as_of)?,
            &t.name,
            from,
            to,
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
