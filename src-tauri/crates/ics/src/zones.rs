//! TZID → zone. Google writes IANA names (`Europe/London`); Outlook writes Windows zone names
//! (`GMT Standard Time`), older Outlook versions their display names
//! (`(UTC+00:00) Dublin, Edinburgh, Lisbon, London`), Thunderbird prefixed IANA names
//! (`/mozilla.org/20050126_1/Europe/London`), and Outlook sometimes `Customized Time Zone` with
//! only a VTIMEZONE block to say what it means. We map names to IANA zones and use chrono-tz's
//! rules rather than interpreting VTIMEZONE blocks, except for recognising a block that
//! describes today's UK or EU rules under a name we do not know.

use std::collections::HashMap;
use std::str::FromStr;

use chrono_tz::Tz;
use icalendar::parser::Component;

/// Windows time zone ids (as in CLDR's windowsZones.xml, territory "001") → IANA.
const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("UTC", "Etc/UTC"),
    ("Coordinated Universal Time", "Etc/UTC"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("FLE Standard Time", "Europe/Kyiv"),
    ("Kaliningrad Standard Time", "Europe/Kaliningrad"),
    ("Belarus Standard Time", "Europe/Minsk"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Azores Standard Time", "Atlantic/Azores"),
    ("Cape Verde Standard Time", "Atlantic/Cape_Verde"),
    ("Morocco Standard Time", "Africa/Casablanca"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("E. Africa Standard Time", "Africa/Nairobi"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("Libya Standard Time", "Africa/Tripoli"),
    ("Namibia Standard Time", "Africa/Windhoek"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("Jordan Standard Time", "Asia/Amman"),
    ("Middle East Standard Time", "Asia/Beirut"),
    ("Syria Standard Time", "Asia/Damascus"),
    ("Arabic Standard Time", "Asia/Baghdad"),
    ("Arab Standard Time", "Asia/Riyadh"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Iran Standard Time", "Asia/Tehran"),
    ("Georgian Standard Time", "Asia/Tbilisi"),
    ("Caucasus Standard Time", "Asia/Yerevan"),
    ("Afghanistan Standard Time", "Asia/Kabul"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("West Asia Standard Time", "Asia/Tashkent"),
    ("India Standard Time", "Asia/Kolkata"),
    ("Sri Lanka Standard Time", "Asia/Colombo"),
    ("Nepal Standard Time", "Asia/Kathmandu"),
    ("Central Asia Standard Time", "Asia/Almaty"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("Myanmar Standard Time", "Asia/Yangon"),
    ("SE Asia Standard Time", "Asia/Bangkok"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("Taipei Standard Time", "Asia/Taipei"),
    ("W. Australia Standard Time", "Australia/Perth"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"),
    ("AUS Central Standard Time", "Australia/Darwin"),
    ("E. Australia Standard Time", "Australia/Brisbane"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("Tasmania Standard Time", "Australia/Hobart"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("Fiji Standard Time", "Pacific/Fiji"),
    ("Tonga Standard Time", "Pacific/Tongatapu"),
    ("Samoa Standard Time", "Pacific/Apia"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("Pacific Standard Time (Mexico)", "America/Tijuana"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Mountain Standard Time", "America/Denver"),
    ("Mountain Standard Time (Mexico)", "America/Mazatlan"),
    ("Central America Standard Time", "America/Guatemala"),
    ("Central Standard Time", "America/Chicago"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("Canada Central Standard Time", "America/Regina"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("Eastern Standard Time", "America/New_York"),
    ("Eastern Standard Time (Mexico)", "America/Cancun"),
    ("US Eastern Standard Time", "America/Indiana/Indianapolis"),
    ("Cuba Standard Time", "America/Havana"),
    ("Venezuela Standard Time", "America/Caracas"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("SA Western Standard Time", "America/La_Paz"),
    ("Pacific SA Standard Time", "America/Santiago"),
    ("Paraguay Standard Time", "America/Asuncion"),
    ("Newfoundland Standard Time", "America/St_Johns"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("SA Eastern Standard Time", "America/Cayenne"),
    ("Argentina Standard Time", "America/Argentina/Buenos_Aires"),
    ("Greenland Standard Time", "America/Nuuk"),
    ("Montevideo Standard Time", "America/Montevideo"),
    ("Mauritius Standard Time", "Indian/Mauritius"),
    ("Dateline Standard Time", "Etc/GMT+12"),
];

/// Older Outlook versions write the zone's display name; the list of cities identifies it.
const DISPLAY_NAME_CITIES: &[(&str, &str)] = &[
    ("Dublin, Edinburgh, Lisbon, London", "Europe/London"),
    ("Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", "Europe/Berlin"),
    ("Brussels, Copenhagen, Madrid, Paris", "Europe/Paris"),
    ("Sarajevo, Skopje, Warsaw, Zagreb", "Europe/Warsaw"),
    ("Belgrade, Bratislava, Budapest, Ljubljana, Prague", "Europe/Budapest"),
    ("Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius", "Europe/Kyiv"),
    ("Helsinki, Kiev, Riga, Sofia, Tallinn, Vilnius", "Europe/Kyiv"),
    ("Athens, Bucharest", "Europe/Bucharest"),
    ("Monrovia, Reykjavik", "Atlantic/Reykjavik"),
    ("Eastern Time (US & Canada)", "America/New_York"),
    ("Central Time (US & Canada)", "America/Chicago"),
    ("Mountain Time (US & Canada)", "America/Denver"),
    ("Pacific Time (US & Canada)", "America/Los_Angeles"),
    ("Chennai, Kolkata, Mumbai, New Delhi", "Asia/Kolkata"),
    ("Canberra, Melbourne, Sydney", "Australia/Sydney"),
];

/// Maps the TZIDs of one file to zones.
pub(crate) struct ZoneResolver {
    /// TZIDs of the file's VTIMEZONE blocks that describe current UK or EU rules.
    recognised_blocks: HashMap<String, Tz>,
}

impl ZoneResolver {
    /// Learns the VTIMEZONE blocks of a VCALENDAR's components.
    pub(crate) fn new(components: &[Component<'_>]) -> Self {
        let recognised_blocks = components
            .iter()
            .filter(|c| c.name.as_str().eq_ignore_ascii_case("VTIMEZONE"))
            .filter_map(|block| {
                let tzid = crate::property_value(block, "TZID")?;
                Some((tzid.trim().to_owned(), recognise_block(block)?))
            })
            .collect();
        ZoneResolver { recognised_blocks }
    }

    /// The zone a TZID stands for, if we know it.
    pub(crate) fn resolve(&self, tzid: &str) -> Option<Tz> {
        let tzid = tzid.trim().trim_matches('"').trim();
        zone_by_name(tzid).or_else(|| self.recognised_blocks.get(tzid).copied())
    }
}

/// Resolution by name alone, no VTIMEZONE needed.
pub(crate) fn zone_by_name(tzid: &str) -> Option<Tz> {
    if let Ok(zone) = Tz::from_str(tzid) {
        return Some(zone);
    }
    if let Some(iana) = WINDOWS_ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(tzid))
        .map(|(_, iana)| iana)
    {
        return Tz::from_str(iana).ok();
    }
    if let Some(iana) = DISPLAY_NAME_CITIES
        .iter()
        .find(|(cities, _)| tzid.to_ascii_lowercase().contains(&cities.to_ascii_lowercase()))
        .map(|(_, iana)| iana)
    {
        return Tz::from_str(iana).ok();
    }
    // "/mozilla.org/20050126_1/Europe/London" and similar: the longest IANA-shaped suffix.
    let mut rest = tzid;
    while let Some((_, tail)) = rest.split_once('/') {
        if let Some(zone) = iana_ignoring_case(tail) {
            return Some(zone);
        }
        rest = tail;
    }
    iana_ignoring_case(tzid)
}

fn iana_ignoring_case(name: &str) -> Option<Tz> {
    chrono_tz::TZ_VARIANTS
        .iter()
        .find(|zone| zone.name().eq_ignore_ascii_case(name))
        .copied()
}

/// Recognises a VTIMEZONE that describes the rules the UK and EU have used since 1996: a
/// STANDARD and DAYLIGHT pair one hour apart, daylight from the last Sunday of March to the
/// last Sunday of October. The zones sharing those rules differ only in their offset, so we
/// pick the IANA zone with that offset. Anything else stays unknown: a guess could move
/// someone's meetings by an hour.
fn recognise_block(block: &Component<'_>) -> Option<Tz> {
    let part = |name: &str| {
        block
            .components
            .iter()
            .find(|c| c.name.as_str().eq_ignore_ascii_case(name))
    };
    let standard = part("STANDARD")?;
    let daylight = part("DAYLIGHT")?;
    let standard_offset = crate::property_value(standard, "TZOFFSETTO")?;
    let daylight_offset = crate::property_value(daylight, "TZOFFSETTO")?;
    let rule_is = |component: &Component<'_>, month: &str| {
        crate::property_value(component, "RRULE").is_some_and(|rule| {
            let rule = rule.to_ascii_uppercase().replace(' ', "");
            rule.contains("FREQ=YEARLY")
                && rule.contains("BYDAY=-1SU")
                && rule.split(';').any(|part| part == format!("BYMONTH={month}"))
        })
    };
    if !rule_is(daylight, "3") || !rule_is(standard, "10") {
        return None;
    }
    let iana = match (standard_offset.trim(), daylight_offset.trim()) {
        ("+0000", "+0100") | ("-0000", "+0100") => "Europe/London",
        ("+0100", "+0200") => "Europe/Paris",
        ("+0200", "+0300") => "Europe/Helsinki",
        _ => return None,
    };
    Tz::from_str(iana).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mapped_name_is_a_zone_chrono_tz_knows() {
        for (_, iana) in WINDOWS_ZONES.iter().chain(DISPLAY_NAME_CITIES) {
            assert!(Tz::from_str(iana).is_ok(), "{iana}");
        }
    }

    #[test]
    fn names_outlook_google_and_thunderbird_write() {
        let cases = [
            ("Europe/London", Some("Europe/London")),
            ("europe/london", Some("Europe/London")),
            ("GMT Standard Time", Some("Europe/London")),
            ("W. Europe Standard Time", Some("Europe/Berlin")),
            ("Romance Standard Time", Some("Europe/Paris")),
            ("Central European Standard Time", Some("Europe/Warsaw")),
            ("Eastern Standard Time", Some("America/New_York")),
            ("Pacific Standard Time", Some("America/Los_Angeles")),
            ("(UTC+00:00) Dublin, Edinburgh, Lisbon, London", Some("Europe/London")),
            ("/mozilla.org/20050126_1/Europe/London", Some("Europe/London")),
            ("Mars/Olympus", None),
            ("Customized Time Zone", None),
        ];
        for (tzid, expected) in cases {
            assert_eq!(zone_by_name(tzid).map(|z| z.name()), expected, "{tzid}");
        }
    }
}
