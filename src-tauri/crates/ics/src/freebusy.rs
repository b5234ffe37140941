//! VFREEBUSY → busy periods. `FREEBUSY` lines hold one or more comma-separated periods
//! (`start/end` or `start/duration`), UTC by RFC 5545 though we accept any time form.
//! FBTYPE BUSY (the default), BUSY-TENTATIVE, BUSY-UNAVAILABLE and unknown types (RFC 5545
//! §3.2.9: treat as BUSY) count; FREE does not.

use icalendar::parser::Component;

use crate::error::{excerpt, IcsError};
use crate::values::{self, PeriodEnd, ValueProblem};
use crate::zones::ZoneResolver;
use crate::{parameter, properties, Found, Window};

/// Adds the busy periods of every VFREEBUSY among `components` that overlap `window`.
pub(crate) fn collect(
    components: &[Component<'_>],
    zones: &ZoneResolver,
    window: Window,
    found: &mut Found,
) -> Result<(), IcsError> {
    let zone_for = |tzid: &str| zones.resolve(tzid);
    let blocks = components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VFREEBUSY"));
    for block in blocks {
        for property in properties(block, "FREEBUSY") {
            let free = parameter(property, "FBTYPE").is_some_and(|t| t.trim().eq_ignore_ascii_case("FREE"));
            if free {
                continue;
            }
            let tzid = parameter(property, "TZID");
            for value in property.val.as_str().split(',').map(str::trim) {
                if value.is_empty() {
                    continue;
                }
                let bad = || IcsError::BadFreeBusy { value: excerpt(value) };
                let (start, end) = values::parse_period(value, tzid, &zone_for).map_err(|problem| match problem {
                    ValueProblem::Unreadable => bad(),
                    ValueProblem::UnknownZone(tzid) => IcsError::UnknownTimeZone {
                        event: "free/busy".to_owned(),
                        tzid: excerpt(&tzid),
                    },
                })?;
                let (local, zone) = start.local_and_zone();
                let start_at = start.instant().ok_or_else(bad)?;
                let end_at = match end {
                    PeriodEnd::At(end) => end.instant(),
                    PeriodEnd::After(length) => length.end_from(local, zone),
                }
                .ok_or_else(bad)?;
                if end_at < start_at {
                    return Err(IcsError::FreeBusyEndBeforeStart { value: excerpt(value) });
                }
                if end_at > start_at && window.overlaps(start_at, end_at) {
                    let uid = format!("freebusy@{}", crate::in_uk_time(start_at).to_rfc3339());
                    found.push(start_at, end_at, "", uid, false);
                }
            }
        }
    }
    Ok(())
}
