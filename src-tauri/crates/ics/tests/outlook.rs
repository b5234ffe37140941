//! A real-shaped Outlook 16 export (CRLF, folded lines, Windows zone names and VTIMEZONE
//! blocks, X-MICROSOFT-CDO-BUSYSTATUS): a weekly series with an EXDATE and a moved instance,
//! all-day leave, tentative and free events, a Berlin call and a "Customized Time Zone".

mod common;
use chrono::Utc;
use common::*;
use convene_ics::busy_periods;

const TEAM_UID: &str = "040000008200E00074C5B7101A82E0080000000090A1F1E6C1B4DC0100000000000000001\
                        0000000C2F5D0F4A0E3A44FA4E1B2C3D4E5F60718";

#[test]
fn weekly_series_in_spring_keeps_10am_uk_time_skips_the_exdate_and_moves_an_instance() {
    assert_eq!(
        busy(OUTLOOK, d(2026, 3, 1), d(2026, 4, 30)),
        [
            "2026-03-10T10:00:00+00:00 → 2026-03-10T11:00:00+00:00 Team meeting",
            "2026-03-17T10:00:00+00:00 → 2026-03-17T11:00:00+00:00 Team meeting",
            "2026-03-24T10:00:00+00:00 → 2026-03-24T11:00:00+00:00 Team meeting",
            // Clocks went forward on 29 March: still 10:00 in the UK, now 09:00 UTC.
            "2026-03-31T10:00:00+01:00 → 2026-03-31T11:00:00+01:00 Team meeting",
            // 7 April is an EXDATE; 14 April moved to the Wednesday afternoon.
            "2026-04-15T14:00:00+01:00 → 2026-04-15T15:00:00+01:00 Team meeting (moved - Easter)",
            "2026-04-21T10:00:00+01:00 → 2026-04-21T11:00:00+01:00 Team meeting",
            "2026-04-28T10:00:00+01:00 → 2026-04-28T11:00:00+01:00 Team meeting",
        ]
    );
}

#[test]
fn weekly_series_across_the_october_change_and_until() {
    assert_eq!(
        busy(OUTLOOK, d(2026, 10, 19), d(2026, 12, 31)),
        [
            "2026-10-20T10:00:00+01:00 → 2026-10-20T11:00:00+01:00 Team meeting",
            "2026-10-27T10:00:00+00:00 → 2026-10-27T11:00:00+00:00 Team meeting",
            // "Customized Time Zone" is recognised from its VTIMEZONE block as UK rules.
            "2026-10-27T14:00:00+00:00 → 2026-10-27T16:00:00+00:00 Review child protection conference",
            // UNTIL=20261103T100000Z: 3 November is the last.
            "2026-11-03T10:00:00+00:00 → 2026-11-03T11:00:00+00:00 Team meeting",
        ]
    );
}

#[test]
fn exact_instants_either_side_of_both_clock_changes() {
    let periods = busy_periods(OUTLOOK, d(2026, 3, 24), d(2026, 10, 27)).unwrap();
    let team: Vec<_> = periods.iter().filter(|p| p.summary == "Team meeting").collect();
    let utc = |i: usize| team[i].start.with_timezone(&Utc).to_rfc3339();
    assert_eq!(utc(0), "2026-03-24T10:00:00+00:00");
    assert_eq!(utc(1), "2026-03-31T09:00:00+00:00");
    let last = team.len() - 1;
    assert_eq!(utc(last - 1), "2026-10-20T09:00:00+00:00");
    assert_eq!(utc(last), "2026-10-27T10:00:00+00:00");
}

#[test]
fn all_day_leave_is_whole_uk_days_with_exclusive_end() {
    assert_eq!(
        busy(OUTLOOK, d(2026, 8, 1), d(2026, 8, 3)),
        ["2026-08-03T00:00:00+01:00 → 2026-08-08T00:00:00+01:00 Annual leave (all day)"]
    );
    // Any day inside the leave finds it; the day after its exclusive end does not.
    assert_eq!(busy(OUTLOOK, d(2026, 8, 7), d(2026, 8, 7)).len(), 1);
    assert!(busy(OUTLOOK, d(2026, 8, 8), d(2026, 8, 10)).is_empty());
}

#[test]
fn tentative_counts_as_busy_free_and_transparent_do_not_and_text_is_unescaped() {
    assert_eq!(
        busy(OUTLOOK, d(2026, 5, 12), d(2026, 5, 12)),
        [
            "2026-05-12T10:00:00+01:00 → 2026-05-12T11:00:00+01:00 Team meeting",
            "2026-05-12T10:00:00+01:00 → 2026-05-12T11:30:00+01:00 Strategy discussion, J.S. (s47)",
        ]
    );
}

#[test]
fn windows_zone_name_and_folded_summary() {
    // 15:00–17:00 in Berlin (CEST) is 14:00–16:00 in the UK (BST).
    assert_eq!(
        busy(OUTLOOK, d(2026, 6, 18), d(2026, 6, 18)),
        [
            "2026-06-18T14:00:00+01:00 → 2026-06-18T16:00:00+01:00 Call with Jugendamt Berlin about \
             the placement of the Müller children (interpreter booked)"
        ]
    );
}

#[test]
fn uids_name_the_instance_for_repeats_and_the_event_otherwise() {
    let periods = busy_periods(OUTLOOK, d(2026, 3, 10), d(2026, 4, 15)).unwrap();
    assert_eq!(periods[0].uid, format!("{TEAM_UID}@2026-03-10T10:00:00+00:00"));
    let moved = periods.iter().find(|p| p.summary.contains("moved")).unwrap();
    assert_eq!(moved.uid, format!("{TEAM_UID}@2026-04-15T14:00:00+01:00"));
    let leave = busy_periods(OUTLOOK, d(2026, 8, 3), d(2026, 8, 3)).unwrap();
    assert_eq!(
        leave[0].uid,
        "040000008200E00074C5B7101A82E00800000000A07B3C2E0D86DC01000000000000000010000000AB12CD34EF56AB78CD90EF12AB34CD56"
    );
}

#[test]
fn the_same_file_with_lf_line_ends_reads_the_same() {
    let lf = OUTLOOK.replace("\r\n", "\n");
    assert_ne!(lf, OUTLOOK);
    let year = (d(2026, 1, 1), d(2026, 12, 31));
    assert_eq!(busy_periods(&lf, year.0, year.1), busy_periods(OUTLOOK, year.0, year.1));
    assert_eq!(busy(OUTLOOK, year.0, year.1).len(), 38);
}

#[test]
fn a_utf8_byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{OUTLOOK}");
    assert_eq!(busy(&with_bom, d(2026, 8, 3), d(2026, 8, 3)).len(), 1);
}
