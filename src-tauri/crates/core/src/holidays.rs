//! Bank holidays: GOV.UK's `bank-holidays.json` format, the file shipped with the app, and the
//! regular rules that compute years past the published data ("computed, not confirmed").

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::HolidayError;

/// The UK's three bank-holiday divisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Division {
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

impl Division {
    pub const ALL: [Division; 3] = [Division::EnglandAndWales, Division::Scotland, Division::NorthernIreland];
    pub fn id(&self) -> &'static str {
        match self {
            Division::EnglandAndWales => "england-and-wales",
            Division::Scotland => "scotland",
            Division::NorthernIreland => "northern-ireland",
        }
    }

    /// "England and Wales".
    pub fn title(&self) -> &'static str {
        match self {
            Division::EnglandAndWales => "England and Wales",
            Division::Scotland => "Scotland",
            Division::NorthernIreland => "Northern Ireland",
        }
    }
}

/// One bank holiday, and whether it comes from published data or from the regular rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BankHoliday {
    pub date: NaiveDate,
    pub title: String,
    pub confirmed: bool,
}

/// Published holidays for one division: the dates, and the years the file covers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct PublishedHolidays {
    pub holidays: Vec<BankHoliday>,
}

impl PublishedHolidays {
    pub fn years(&self) -> BTreeSet<i32> {
        self.holidays.iter().map(|h| h.date.year()).collect()
    }
}

#[derive(Deserialize)]
struct GovUkDivision {
    events: Vec<GovUkEvent>,
}

#[derive(Deserialize)]
struct GovUkEvent {
    title: String,
    date: String,
}

/// The holidays shipped with the app (GOV.UK data, England and Wales, 2018-2027).
pub const SHIPPED_GOVUK_JSON: &str = include_str!("../data/bank-holidays.json");

/// Parse a GOV.UK `bank-holidays.json` file into its divisions. Unknown divisions are ignored;
/// a file with none of the three, or any bad date, is refused whole.
pub fn parse_govuk(json: &str) -> Result<BTreeMap<Division, PublishedHolidays>, HolidayError> {
    let raw: BTreeMap<String, GovUkDivision> =
        serde_json::from_str(json).map_err(|e| HolidayError::Malformed { detail: e.to_string() })?;
    let mut out = BTreeMap::new();
    for division in Division::ALL {
        let Some(d) = raw.get(division.id()) else {
            continue;
        };
        let mut holidays = Vec::with_capacity(d.events.len());
        for e in &d.events {
            let date = NaiveDate::parse_from_str(&e.date, "%Y-%m-%d").map_err(|_| HolidayError::BadDate {
                division: division.id().to_string(),
                text: e.date.clone(),
            })?;
            if !(crate::calendar::FIRST_YEAR..=crate::calendar::LAST_YEAR).contains(&date.year()) {
                return Err(HolidayError::OutOfRange {
                    division: division.id().to_string(),
                    text: e.date.clone(),
                    first: crate::calendar::FIRST_YEAR,
                    last: crate::calendar::LAST_YEAR,
                });
            }
            holidays.push(BankHoliday {
                date,
                title: e.title.clone(),
                confirmed: true,
            });
        }
        holidays.sort_by_key(|h| h.date);
        holidays.dedup_by_key(|h| h.date);
        out.insert(division, PublishedHolidays { holidays });
    }
    if out.is_empty() {
        return Err(HolidayError::MissingDivision {
            division: Division::ALL.map(|d| d.id()).join("', '"),
        });
    }
    Ok(out)
}

/// The shipped data for a division (empty for divisions the shipped file lacks).
pub fn shipped(division: Division) -> PublishedHolidays {
    parse_govuk(SHIPPED_GOVUK_JSON)
        .ok()
        .and_then(|mut m| m.remove(&division))
        .unwrap_or_default()
}

/// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

fn first_weekday(year: i32, month: u32, wd: Weekday) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, wd, 1)
}

fn last_weekday(year: i32, month: u32, wd: Weekday) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let mut d = next.pred_opt()?;
    while d.weekday() != wd {
        d = d.pred_opt()?;
    }
    Some(d)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Consecutive fixed days (e.g. Christmas and Boxing Day): each that falls on a weekend is
/// replaced by the next weekday not already taken.
fn with_substitutes(days: &[(NaiveDate, &str)], out: &mut Vec<BankHoliday>) {
    let mut taken: Vec<NaiveDate> = days.iter().map(|(d, _)| *d).filter(|d| !is_weekend(*d)).collect();
    for (date, title) in days {
        if !is_weekend(*date) {
            out.push(holiday(*date, title));
            continue;
        }
        let mut sub = *date;
        while is_weekend(sub) || taken.contains(&sub) {
            sub += Duration::days(1);
        }
        taken.push(sub);
        out.push(holiday(sub, &format!("{title} (substitute day)")));
    }
}

fn holiday(date: NaiveDate, title: &str) -> BankHoliday {
    BankHoliday {
        date,
        title: title.to_string(),
        confirmed: false,
    }
}

/// One-off changes made for the whole United Kingdom (GOV.UK's published lists for every
/// division): (the day added, the regular holiday it replaced, its title). Scotland's and
/// Northern Ireland's lists are computed (no file of theirs ships), so without these a count
/// across those days would be a day out. Later one-offs arrive with a newer GOV.UK file.
type OneOff = (i32, u32, u32, Option<(u32, u32)>, &'static str);
const UK_ONE_OFFS: [OneOff; 5] = [
    (2020, 5, 8, Some((5, 4)), "Early May bank holiday (VE day)"),
    (2022, 6, 2, Some((5, 30)), "Spring bank holiday"),
    (2022, 6, 3, None, "Platinum Jubilee bank holiday"),
    (
        2022,
        9,
        19,
        None,
        "Bank Holiday for the State Funeral of Queen Elizabeth II",
    ),
    (2023, 5, 8, None, "Bank holiday for the coronation of King Charles III"),
];

/// The bank holidays of a year by rule, with the UK-wide one-off changes of the years before
/// this code was written (`UK_ONE_OFFS`). Later one-off holidays (jubilees, coronations, state
/// funerals) cannot be computed: they arrive with a newer GOV.UK file.
pub fn computed(division: Division, year: i32) -> Vec<BankHoliday> {
    let mut out = regular(division, year);
    for (y, m, d, replaced, title) in UK_ONE_OFFS {
        if y != year {
            continue;
        }
        if let Some((rm, rd)) = replaced {
            out.retain(|h| NaiveDate::from_ymd_opt(y, rm, rd) != Some(h.date));
        }
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            out.push(holiday(date, title));
        }
    }
    out.sort_by_key(|h| h.date);
    out
}

/// The regular bank holidays of a year, by rule.
fn regular(division: Division, year: i32) -> Vec<BankHoliday> {
    let mut out = Vec::new();
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let (Some(jan1), Some(jan2), Some(dec25), Some(dec26)) = (ymd(1, 1), ymd(1, 2), ymd(12, 25), ymd(12, 26)) else {
        return out;
    };
    match division {
        Division::Scotland => with_substitutes(&[(jan1, "New Year’s Day"), (jan2, "2nd January")], &mut out),
        _ => with_substitutes(&[(jan1, "New Year’s Day")], &mut out),
    }
    if division == Division::NorthernIreland {
        if let Some(d) = ymd(3, 17) {
            with_substitutes(&[(d, "St Patrick’s Day")], &mut out);
        }
    }
    if let Some(easter) = easter_sunday(year) {
        out.push(holiday(easter - Duration::days(2), "Good Friday"));
        if division != Division::Scotland {
            out.push(holiday(easter + Duration::days(1), "Easter Monday"));
        }
    }
    if let Some(d) = first_weekday(year, 5, Weekday::Mon) {
        out.push(holiday(d, "Early May bank holiday"));
    }
    if let Some(d) = last_weekday(year, 5, Weekday::Mon) {
        out.push(holiday(d, "Spring bank holiday"));
    }
    if division == Division::NorthernIreland {
        if let Some(d) = ymd(7, 12) {
            with_substitutes(&[(d, "Battle of the Boyne (Orangemen’s Day)")], &mut out);
        }
    }
    let summer = match division {
        Division::Scotland => first_weekday(year, 8, Weekday::Mon),
        _ => last_weekday(year, 8, Weekday::Mon),
    };
    if let Some(d) = summer {
        out.push(holiday(d, "Summer bank holiday"));
    }
    if division == Division::Scotland {
        if let Some(d) = ymd(11, 30) {
            with_substitutes(&[(d, "St Andrew’s Day")], &mut out);
        }
    }
    with_substitutes(&[(dec25, "Christmas Day"), (dec26, "Boxing Day")], &mut out);
    out.sort_by_key(|h| h.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn shipped_file_parses_with_the_one_off_days() {
        let ew = shipped(Division::EnglandAndWales);
        assert_eq!(ew.holidays.len(), 83);
        for one_off in ["2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"] {
            assert!(ew.holidays.iter().any(|h| h.date == d(one_off)), "{one_off}");
        }
        assert_eq!(ew.years(), (2018..=2027).collect());
    }

    #[test]
    fn computed_years_agree_with_every_published_year() {
        // The regular rules, with the UK-wide one-offs: 2020's Early May holiday moved to 8 May
        // (VE Day), 2022's Spring holiday to 2 June beside the Jubilee on 3 June, the state
        // funeral in 2022 and the coronation in 2023.
        let ew = shipped(Division::EnglandAndWales);
        for year in 2018..=2027 {
            let published: Vec<NaiveDate> = ew
                .holidays
                .iter()
                .map(|h| h.date)
                .filter(|x| x.year() == year)
                .collect();
            let rules: Vec<NaiveDate> = computed(Division::EnglandAndWales, year)
                .iter()
                .map(|h| h.date)
                .collect();
            assert_eq!(published, rules, "{year}");
        }
        let regular_only = |div, y| regular(div, y).iter().map(|h| h.date).collect::<Vec<_>>();
        assert!(regular_only(Division::EnglandAndWales, 2022).contains(&d("2022-05-30")));
    }

    #[test]
    fn scotland_and_northern_ireland_have_the_uk_wide_one_offs() {
        for division in [Division::Scotland, Division::NorthernIreland] {
            let dates = |y| computed(division, y).iter().map(|h| h.date).collect::<Vec<_>>();
            let (y20, y22, y23) = (dates(2020), dates(2022), dates(2023));
            assert!(
                y20.contains(&d("2020-05-08")) && !y20.contains(&d("2020-05-04")),
                "{division:?}"
            );
            for day in ["2022-06-02", "2022-06-03", "2022-09-19"] {
                assert!(y22.contains(&d(day)), "{division:?} {day}");
            }
            assert!(!y22.contains(&d("2022-05-30")), "{division:?}");
            assert!(y23.contains(&d("2023-05-08")), "{division:?}");
            // The division's own days are still there: Scotland's 2 January, NI's 12 July.
            let own = if division == Division::Scotland {
                "2022-01-04"
            } else {
                "2022-07-12"
            };
            assert!(y22.contains(&d(own)), "{division:?} {own}");
        }
    }

    #[test]
    fn substitute_days() {
        let dates = |div, y| computed(div, y).iter().map(|h| h.date).collect::<Vec<_>>();
        // Christmas 2021 fell on a Saturday: Mon 27 and Tue 28 December.
        let y21 = dates(Division::EnglandAndWales, 2021);
        assert!(y21.contains(&d("2021-12-27")) && y21.contains(&d("2021-12-28")));
        // New Year 2028 is a Saturday: Monday 3 January.
        assert!(dates(Division::EnglandAndWales, 2028).contains(&d("2028-01-03")));
        // Scotland 2022: 1 Jan Sat, 2 Jan Sun -> Mon 3 and Tue 4.
        let s22 = dates(Division::Scotland, 2022);
        assert!(s22.contains(&d("2022-01-03")) && s22.contains(&d("2022-01-04")));
        assert!(!s22.contains(&d("2022-04-18")), "no Easter Monday in Scotland");
        assert!(s22.contains(&d("2022-08-01")) && s22.contains(&d("2022-11-30")));
        let ni = dates(Division::NorthernIreland, 2026);
        assert!(ni.contains(&d("2026-03-17")) && ni.contains(&d("2026-07-13")));
    }

    #[test]
    fn easter() {
        assert_eq!(easter_sunday(2025), Some(d("2025-04-20")));
        assert_eq!(easter_sunday(2038), Some(d("2038-04-25")));
        assert_eq!(easter_sunday(2285), Some(d("2285-03-22")));
    }

    #[test]
    fn malformed_files_are_refused() {
        assert!(parse_govuk("").is_err());
        assert!(parse_govuk("{}").is_err());
        assert!(
            parse_govuk(r#"{"england-and-wales":{"division":"x","events":[{"title":"x","date":"2026-02-30"}]}}"#)
                .is_err()
        );
        assert!(parse_govuk(r#"{"scotland":{"events":[]}}"#).is_ok());
    }
}
