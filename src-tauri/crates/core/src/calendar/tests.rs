use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn the_worked_example_from_timescales_md() {
    // Strategy discussion Wed 16 Apr 2025 -> day 15 is Mon 12 May 2025.
    let cal = WorkingDayCalendar::shipped(Division::EnglandAndWales);
    assert_eq!(
        cal.add_working_days(d("2025-04-16"), 15),
        Ok(d("2025-05-12"))
    );
    assert_eq!(
        cal.working_days_between(d("2025-04-16"), d("2025-05-12")),
        Ok(15)
    );
}
