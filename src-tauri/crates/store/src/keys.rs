//! Key layouts. All integers are big-endian with the sign bit flipped, so byte order is value
//! order and a range scan over a prefix is the index.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// Milliseconds since the epoch, order-preserving.
pub fn instant(t: &DateTime<FixedOffset>) -> [u8; 8] {
    ((t.timestamp_millis() as u64) ^ (1 << 63)).to_be_bytes()
}

/// Days since 1970-01-01, order-preserving.
pub fn day(d: NaiveDate) -> [u8; 4] {
    let days = (d - NaiveDate::default()).num_days() as i32;
    ((days as u32) ^ (1 << 31)).to_be_bytes()
}

pub fn concat(parts: &[&[u8]]) -> Vec<u8> {
    let mut v = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        v.extend_from_slice(p);
    }
    v
}

/// The last 16 bytes of an index key: the record id it points to.
pub fn trailing_id(key: &[u8]) -> Option<[u8; 16]> {
    let start = key.len().checked_sub(16)?;
    key[start..].try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn byte_order_is_time_order() {
        let t = |y, m, d| {
            chrono::FixedOffset::east_opt(0)
                .unwrap()
                .with_ymd_and_hms(y, m, d, 0, 0, 0)
                .unwrap()
        };
        assert!(instant(&t(1969, 12, 31)) < instant(&t(1970, 1, 1)));
        assert!(instant(&t(2026, 5, 12)) < instant(&t(2026, 5, 13)));
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert!(day(d(1960, 1, 1)) < day(d(1970, 1, 1)));
        assert!(day(d(2026, 12, 31)) < day(d(2027, 1, 1)));
    }
}
