//! The working-day calendar: Monday to Friday less bank holidays and local closure days.
//! Offsets and counts are answered from precomputed tables (a cumulative count per day and the
//! list of working days), never by walking day by day.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::error::CalendarError;
use crate::holidays::{self, BankHoliday, Division, PublishedHolidays};

/// The years every calendar covers; holiday files are refused outside them.
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2199;

/// A working-day calendar for one division, with the holidays and closures it was built from.
#[derive(Debug, Clone)]
pub struct WorkingDayCalendar {
    division: Division,
    first: NaiveDate,
    last: NaiveDate,
    /// `cumulative[i]` = working days on or before day `i` (day 0 = `first`).
    cumulative: Vec<u32>,
    /// The working days, in order (dates directly: no date arithmetic on the hot path).
    working: Vec<NaiveDate>,
    /// `first` as days from the common era, so a date's index is one subtraction.
    first_ce: i32,
    holidays: BTreeMap<NaiveDate, BankHoliday>,
    closures: Vec<NaiveDate>,
    /// Bit `y - FIRST_YEAR` set for each confirmed year `y`: asked for every due item, so a
    /// bit test rather than a tree search.
    confirmed_years: YearSet,
}

/// A set of the years the calendar covers (`FIRST_YEAR` to `LAST_YEAR`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct YearSet([u64; YearSet::WORDS]);

impl YearSet {
    const WORDS: usize = ((LAST_YEAR - FIRST_YEAR) as usize) / 64 + 1;
    fn bit(year: i32) -> Option<(usize, u32)> {
        (FIRST_YEAR..=LAST_YEAR)
            .contains(&year)
            .then(|| ((year - FIRST_YEAR) as usize / 64, ((year - FIRST_YEAR) % 64) as u32))
    }
    fn contains(&self, year: i32) -> bool {
        Self::bit(year).is_some_and(|(w, b)| self.0[w] & (1 << b) != 0)
    }
    fn insert(&mut self, year: i32) {
        if let Some((w, b)) = Self::bit(year) {
            self.0[w] |= 1 << b;
        }
    }
}

impl WorkingDayCalendar {
    /// Build a calendar: `published` supplies the confirmed years; all others are computed by
    /// rule and marked unconfirmed; `closures` are local non-working days.
    pub fn new(division: Division, published: &PublishedHolidays, closures: &[NaiveDate]) -> Self {
        let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or(NaiveDate::MIN);
        let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap_or(NaiveDate::MAX);
        // A year is confirmed (its published dates alone count) only when the file lists at least
        // as many holidays as the rules give it: a year listed in part keeps the computed ones
        // too, rather than losing Good Friday to a file that names only New Year's Day.
        let mut confirmed_years = YearSet::default();
        for y in published.years() {
            let listed = published.holidays.iter().filter(|h| h.date.year() == y).count();
            if listed >= holidays::computed(division, y).len() {
                confirmed_years.insert(y);
            }
        }
        let mut holidays: BTreeMap<NaiveDate, BankHoliday> =
            published.holidays.iter().map(|h| (h.date, h.clone())).collect();
        for year in FIRST_YEAR..=LAST_YEAR {
            if !confirmed_years.contains(year) {
                for h in holidays::computed(division, year) {
                    holidays.insert(h.date, h);
                }
            }
        }
        let mut closures: Vec<NaiveDate> = closures.to_vec();
        closures.sort();
        closures.dedup();

        let days = (last - first).num_days() as usize + 1;
        let mut cumulative = Vec::with_capacity(days);
        let mut working = Vec::with_capacity(days * 5 / 7 + 1);
        let mut count = 0u32;
        for date in first.iter_days().take(days) {
            let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
            let off = weekend || holidays.contains_key(&date) || closures.binary_search(&date).is_ok();
            if !off {
                count += 1;
                working.push(date);
            }
            cumulative.push(count);
        }
        Self {
            division,
            first,
            last,
            cumulative,
            working,
            first_ce: first.num_days_from_ce(),
            holidays,
            closures,
            confirmed_years,
        }
    }

    /// The calendar from the data shipped with the app, no closures.
    pub fn shipped(division: Division) -> Self {
        Self::new(division, &holidays::shipped(division), &[])
    }

    pub fn division(&self) -> Division {
        self.division
    }

    /// First and last dates the calendar can answer for.
    pub fn range(&self) -> (NaiveDate, NaiveDate) {
        (self.first, self.last)
    }

    fn index(&self, date: NaiveDate) -> Result<usize, CalendarError> {
        if date < self.first || date > self.last {
            return Err(CalendarError::OutOfRange {
                date,
                first: self.first,
                last: self.last,
            });
        }
        Ok((date.num_days_from_ce() - self.first_ce) as usize)
    }

    fn out_of_range(&self, date: NaiveDate) -> CalendarError {
        CalendarError::OutOfRange {
            date,
            first: self.first,
            last: self.last,
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let i = self.index(date)?;
        let before = if i == 0 { 0 } else { self.cumulative[i - 1] };
        Ok(self.cumulative[i] > before)
    }

    /// Day `n` counting day 0 as `anchor`: the n-th working day after it (n = 0 gives `anchor`).
    pub fn add_working_days(&self, anchor: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.index(anchor)?;
        if n == 0 {
            return Ok(anchor);
        }
        let k = self.cumulative[i] as usize + n as usize - 1;
        self.working.get(k).copied().ok_or_else(|| self.out_of_range(anchor))
    }

    /// Day `n` counting the anchor's own day as day 1 (the "day-1" convention): the n-th working
    /// day on or after `anchor`. A non-working anchor cannot be day 1, so from a weekend or
    /// holiday day 1 is the next working day, as under day 0. `n = 0` is taken as 1: a deadline
    /// never comes before the anchor's first working day, and is always a working day.
    pub fn nth_working_day_from(&self, anchor: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.index(anchor)?;
        let before = if i == 0 { 0 } else { self.cumulative[i - 1] as usize };
        self.working
            .get(before + n.max(1) as usize - 1)
            .copied()
            .ok_or_else(|| self.out_of_range(anchor))
    }

    /// The n-th working day before `anchor` (n = 0 gives `anchor`).
    pub fn sub_working_days(&self, anchor: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let i = self.index(anchor)?;
        if n == 0 {
            return Ok(anchor);
        }
        let before = if i == 0 { 0 } else { self.cumulative[i - 1] as usize };
        before
            .checked_sub(n as usize)
            .and_then(|k| self.working.get(k))
            .copied()
            .ok_or_else(|| self.out_of_range(anchor))
    }

    /// Working days after `from` up to and including `to` (negative when `to` is before `from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64, CalendarError> {
        let a = self.index(from)?;
        let b = self.index(to)?;
        Ok(i64::from(self.cumulative[b]) - i64::from(self.cumulative[a]))
    }

    /// `date` if it is a working day, otherwise the working day before it.
    pub fn on_or_before(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.sub_working_days(date, 1)
        }
    }

    /// `date` if it is a working day, otherwise the working day after it.
    pub fn on_or_after(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.add_working_days(date, 1)
        }
    }

    /// The bank holiday on `date`, if any.
    pub fn holiday(&self, date: NaiveDate) -> Option<&BankHoliday> {
        self.holidays.get(&date)
    }

    pub fn is_closure(&self, date: NaiveDate) -> bool {
        self.closures.binary_search(&date).is_ok()
    }

    /// Bank holidays between two dates inclusive.
    pub fn holidays_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<&BankHoliday> {
        if from > to {
            return Vec::new();
        }
        self.holidays.range(from..=to).map(|(_, h)| h).collect()
    }

    /// Whether the year's holidays come from published data rather than the regular rules.
    pub fn is_confirmed_year(&self, year: i32) -> bool {
        self.confirmed_years.contains(year)
    }
}

#[cfg(test)]
mod tests;
