use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn a_rule_change_shows_as_changed_and_resets_to_the_pack() {
    let mut s = Settings::default();
    let before = settings_view(&s).unwrap();
    let row = |v: &SettingsView| v.rules.iter().find(|r| r.id == "icpc-to-core-group").cloned().unwrap();
    assert_eq!(row(&before).offset_text, "10 working days after");
    assert!(!row(&before).changed);
    s.apply(SettingsChange::Rule {
        rule: "icpc-to-core-group".into(),
        offset: Some(Offset {
            amount: 8,
            unit: OffsetUnit::WorkingDays,
        }),
        enabled: None,
    })
    .unwrap();
    // A second change to the same rule keeps the first.
    s.apply(SettingsChange::Rule {
        rule: "icpc-to-core-group".into(),
        offset: None,
        enabled: Some(false),
    })
    .unwrap();
    let after = row(&settings_view(&s).unwrap());
    assert_eq!(
        (after.offset_text.as_str(), after.enabled, after.changed),
        ("8 working days after", false, true)
    );
    s.apply(SettingsChange::ResetRule {
        rule: "icpc-to-core-group".into(),
    })
    .unwrap();
    assert_eq!(row(&settings_view(&s).unwrap()), row(&before));
    assert_eq!(
        s.apply(SettingsChange::ResetRule {
            rule: "icpc-to-core-group".into()
        })
        .unwrap_err()
        .to_string(),
        "The rule 'icpc-to-core-group' has no local change to reset."
    );
}

#[test]
fn bad_changes_are_refused_with_sentences_and_change_nothing() {
    let mut s = Settings::default();
    let original = s.clone();
    let refused = |s: &mut Settings, c: SettingsChange| s.apply(c).unwrap_err().to_string();
    assert_eq!(
        refused(
            &mut s,
            SettingsChange::Rule {
                rule: "icpc-to-core-group".into(),
                offset: Some(Offset {
                    amount: 0,
                    unit: OffsetUnit::WorkingDays
                }),
                enabled: None
            }
        ),
        "A rule's time limit must be between 1 and 260 working days, not 0."
    );
    assert!(refused(
        &mut s,
        SettingsChange::Rule {
            rule: "no-such-rule".into(),
            offset: None,
            enabled: Some(false)
        }
    )
    .starts_with("There is no rule 'no-such-rule'."));
    assert_eq!(
        refused(
            &mut s,
            SettingsChange::Pack {
                pack: "narnia".into(),
                due_soon_working_days: 5,
                counting: Counting::Day0,
                icpc_anchor: IcpcAnchor::LastStrategyDiscussion
            }
        ),
        "There is no rule pack 'narnia'. Choose england, wales, scotland or northern-ireland."
    );
    assert_eq!(
        refused(
            &mut s,
            SettingsChange::Pack {
                pack: "wales".into(),
                due_soon_working_days: 31,
                counting: Counting::Day0,
                icpc_anchor: IcpcAnchor::LastStrategyDiscussion
            }
        ),
        "\"Due soon\" must be between 0 and 30 working days, not 31."
    );
    assert_eq!(
        refused(&mut s, SettingsChange::RemoveClosure { date: d("2026-12-29") }),
        "Tue 29 Dec 2026 is not a closure day."
    );
    assert_eq!(
        refused(&mut s, SettingsChange::AddClosure { date: d("1999-12-31") }),
        "Closure days must fall between 2000 and 2199; Fri 31 Dec 1999 does not."
    );
    assert_eq!(s, original);
}

#[test]
fn pack_closures_and_who_am_i() {
    let mut s = Settings::default();
    s.apply(SettingsChange::Pack {
        pack: "wales".into(),
        due_soon_working_days: 7,
        counting: Counting::Day1,
        icpc_anchor: IcpcAnchor::S47Start,
    })
    .unwrap();
    for date in ["2026-12-30", "2026-12-29"] {
        s.apply(SettingsChange::AddClosure { date: d(date) }).unwrap();
    }
    assert!(s.apply(SettingsChange::AddClosure { date: d("2026-12-29") }).is_err());
    let me = PersonId::new_random();
    s.apply(SettingsChange::Me { me: Some(me) }).unwrap();
    let v = settings_view(&s).unwrap();
    assert_eq!(
        (
            v.pack.as_str(),
            v.due_soon_working_days,
            v.counting,
            v.icpc_anchor,
            v.me
        ),
        ("wales", 7, Counting::Day1, IcpcAnchor::S47Start, Some(me))
    );
    // Kept in date order.
    assert_eq!(v.closures, vec![d("2026-12-29"), d("2026-12-30")]);
    assert_eq!(v.packs.len(), 4);
    // A closure day is not a working day.
    let cal = s.calendar(Division::EnglandAndWales);
    assert!(!cal.is_working_day(d("2026-12-29")).unwrap());
    s.apply(SettingsChange::RemoveClosure { date: d("2026-12-29") })
        .unwrap();
    assert!(s
        .calendar(Division::EnglandAndWales)
        .is_working_day(d("2026-12-29"))
        .unwrap());
    let mut imported = s.clone();
    let file = r#"{"england-and-wales":{"division":"england-and-wales","events":[{"title":"New Year's Day","date":"2030-01-01","notes":"","bunting":true}]}}"#;
    assert_eq!(
        imported.import_holidays(file).unwrap(),
        "Imported bank holidays (England and Wales: 1 holidays, 2030–2030)."
    );
    let ew = settings_view(&imported)
        .unwrap()
        .holidays
        .into_iter()
        .find(|h| h.division == "England and Wales")
        .unwrap();
    // The file's year joins the shipped years (which it does not list, so they are kept).
    let shipped = crate::holidays::shipped(Division::EnglandAndWales).holidays.len();
    assert_eq!(
        (ew.source.as_str(), ew.count as usize),
        ("Imported GOV.UK file", shipped + 1)
    );
    let before = imported.clone();
    assert!(imported.import_holidays("{not json").is_err());
    assert_eq!(imported, before);
    let england = v
        .holidays
        .iter()
        .find(|h| h.division == Division::EnglandAndWales.title())
        .unwrap();
    assert_eq!(
        (england.source.as_str(), england.first_year, england.last_year),
        ("Shipped GOV.UK data", Some(2018), Some(2027))
    );
    let scotland = v.holidays.iter().find(|h| h.division == "Scotland").unwrap();
    assert_eq!(
        (scotland.source.as_str(), scotland.first_year, scotland.count),
        ("None: every year computed by rule", None, 0)
    );
}

#[test]
fn another_pack_is_refused_while_rules_of_this_one_are_changed_here() {
    let mut s = Settings::default();
    let to = |pack: &str| SettingsChange::Pack {
        pack: pack.into(),
        due_soon_working_days: 5,
        counting: Default::default(),
        icpc_anchor: Default::default(),
    };
    s.apply(SettingsChange::Rule {
        rule: "conference-minutes".into(),
        offset: None,
        enabled: Some(false),
    })
    .unwrap();
    let before = s.clone();
    assert_eq!(
        s.apply(to("wales")).unwrap_err().to_string(),
        "The local changes to 'conference-minutes' were made for the england rule pack. Reset them \
         before choosing another pack, so none is applied to a rule it was not meant for."
    );
    assert_eq!(s, before, "nothing changed");
    // The same pack's other settings can still change.
    s.apply(to("england")).unwrap();
    s.apply(SettingsChange::ResetRule {
        rule: "conference-minutes".into(),
    })
    .unwrap();
    s.apply(to("wales")).unwrap();
    assert_eq!(s.pack, "wales");
}

#[test]
fn a_local_rule_is_saved_checked_and_can_be_changed_or_switched_off() {
    let mut s = Settings::default();
    let mut r = s.pack().unwrap().rule("cin-visit").unwrap().clone();
    r.id = "family-time-review".into();
    s.overrides.added.push(r);
    s.check().unwrap();
    s.apply(SettingsChange::Rule {
        rule: "family-time-review".into(),
        offset: None,
        enabled: Some(false),
    })
    .unwrap();
    assert!(!s.pack().unwrap().rule("family-time-review").unwrap().enabled);
    s.check().unwrap();
}

#[test]
fn a_govuk_file_replaces_only_the_years_it_lists_and_a_year_listed_in_part_keeps_its_rules() {
    let mut s = Settings::default();
    // Today's GOV.UK file starts later than the shipped data: here, one date of 2028 only.
    s.import_holidays(r#"{"england-and-wales":{"events":[{"title":"New Year’s Day","date":"2028-01-03","notes":"Substitute day","bunting":true}]}}"#)
        .unwrap();
    let cal = s.calendar(Division::EnglandAndWales);
    // The shipped one-off days of earlier years are kept (the Queen's state funeral, 2022) ...
    assert!(!cal.is_working_day(d("2022-09-19")).unwrap());
    // ... and a year the file lists in part keeps the holidays the rules give it (Good Friday).
    assert!(!cal.is_working_day(d("2028-04-14")).unwrap());
    assert!(!cal.is_working_day(d("2028-01-03")).unwrap());
}
