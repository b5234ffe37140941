//! What-if: move one meeting to another date and see every dependent deadline change
//! (the first core group and first review move with the ICPC, and so on). Nothing is saved.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkingDayCalendar;
use crate::dataset::ChildBundle;
use crate::error::{CalendarError, ValidationError};
use crate::ids::{ChildId, MeetingId};
use crate::rules::RulePack;
use crate::time::same_time_on;
use crate::timescales::{evaluate_child, DueItem, Source};

/// One due item before and after the move (absent on one side when it appears or vanishes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueChange {
    pub child: ChildId,
    pub rule: String,
    pub before: Option<DueItem>,
    pub after: Option<DueItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WhatIf {
    pub meeting: MeetingId,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub changes: Vec<DueChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhatIfError {
    #[error("There is no meeting {0}.")]
    UnknownMeeting(MeetingId),
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

/// Items keyed by what they are about: the rule and the occurrence that anchors them.
fn key(i: &DueItem) -> (String, Source) {
    (i.rule.to_string(), i.anchor_source)
}

pub fn what_if(
    pack: &RulePack,
    cal: &WorkingDayCalendar,
    bundles: &HashMap<ChildId, ChildBundle>,
    meeting: MeetingId,
    to: NaiveDate,
    as_of: NaiveDate,
) -> Result<WhatIf, WhatIfError> {
    let original = bundles
        .values()
        .flat_map(|b| b.meetings.iter())
        .find(|m| m.id == meeting)
        .ok_or(WhatIfError::UnknownMeeting(meeting))?
        .clone();
    let new_start = same_time_on(original.start, crate::time::check_day("The new date", to)?)?;
    let new_end = crate::time::end_after(new_start, original.end - original.start)?;
    let rules = pack.active_rules();
    let mut changes = Vec::new();
    let mut children = original.children.clone();
    children.sort();
    for child in children {
        let Some(bundle) = bundles.get(&child) else {
            continue;
        };
        let before = evaluate_child(pack, &rules, cal, &bundle.records(), as_of)?;
        let mut moved = bundle.clone();
        for m in moved.meetings.iter_mut().filter(|m| m.id == meeting) {
            m.start = new_start;
            m.end = new_end;
        }
        let after = evaluate_child(pack, &rules, cal, &moved.records(), as_of)?;
        let mut after_by_key: HashMap<(String, Source), DueItem> = after.into_iter().map(|i| (key(&i), i)).collect();
        for b in before {
            let a = after_by_key.remove(&key(&b));
            if a.as_ref() != Some(&b) {
                changes.push(DueChange {
                    child,
                    rule: b.rule.to_string(),
                    before: Some(b),
                    after: a,
                });
            }
        }
        let mut appeared: Vec<DueItem> = after_by_key.into_values().collect();
        appeared.sort_by(|x, y| (&x.rule, x.anchor).cmp(&(&y.rule, y.anchor)));
        for a in appeared {
            changes.push(DueChange {
                child,
                rule: a.rule.to_string(),
                before: None,
                after: Some(a),
            });
        }
    }
    Ok(WhatIf {
        meeting,
        from: original.date(),
        to,
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::holidays::Division;
    use crate::ids::*;
    use crate::model::*;
    use crate::time::london;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn moving_the_icpc_moves_the_first_core_group_and_review_deadlines() {
        let child = Child {
            id: ChildId::new_random(),
            given_name: "A".into(),
            family_name: "B".into(),
            name_display: NameDisplay::FullName,
            birth: Birth::born(d("2020-01-01")),
            case_id: "X".into(),
            siblings: vec![],
            social_worker: None,
            network: vec![],
        };
        let start = london(d("2026-03-02").and_hms_opt(10, 0, 0).unwrap()).unwrap();
        let icpc = Meeting {
            id: MeetingId::new_random(),
            kind: MeetingKind::Icpc,
            children: vec![child.id],
            start,
            end: start + chrono::Duration::hours(2),
            location: Location::Online {
                joining_details: "x".into(),
            },
            chair: None,
            minute_taker: None,
            invitees: vec![],
            status: MeetingStatus::Held,
            sequence: 0,
            overrides: vec![],
            outcome: None,
        };
        let episode = Episode {
            id: EpisodeId::new_random(),
            child: child.id,
            kind: EpisodeKind::ChildProtection {
                category: CpCategory::Neglect,
            },
            start: d("2026-03-02"),
            end: None,
        };
        let bundle = ChildBundle {
            child: child.clone(),
            events: vec![],
            meetings: vec![icpc.clone()],
            episodes: vec![episode],
        };
        let bundles: HashMap<ChildId, ChildBundle> = [(child.id, bundle)].into_iter().collect();
        let pack = RulePack::builtin("england").unwrap();
        let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
        let w = what_if(&pack, &cal, &bundles, icpc.id, d("2026-03-04"), d("2026-03-05")).unwrap();
        let change = |rule: &str| {
            let c = w
                .changes
                .iter()
                .find(|c| c.rule == rule)
                .unwrap_or_else(|| panic!("no change for {rule}"));
            (
                c.before.as_ref().map(|i| i.deadline),
                c.after.as_ref().map(|i| i.deadline),
            )
        };
        // 10 working days from Mon 2 Mar = Mon 16 Mar; from Wed 4 Mar = Wed 18 Mar.
        assert_eq!(
            change("icpc-to-core-group"),
            (Some(d("2026-03-16")), Some(d("2026-03-18")))
        );
        // 3 months: 2 Jun -> 4 Jun 2026.
        assert_eq!(
            change("icpc-to-first-review"),
            (Some(d("2026-06-02")), Some(d("2026-06-04")))
        );
        for far in ["+262142-12-31", "+10000-01-01", "1990-01-01"] {
            let err = what_if(&pack, &cal, &bundles, icpc.id, d(far), d("2026-03-05"))
                .unwrap_err()
                .to_string();
            assert!(err.contains("outside the dates Convene handles"), "{far}: {err}");
        }
        assert!(matches!(
            what_if(
                &pack,
                &cal,
                &bundles,
                MeetingId::new_random(),
                d("2026-03-04"),
                d("2026-03-05")
            ),
            Err(WhatIfError::UnknownMeeting(_))
        ));
    }
}
