//! A large but ordinary calendar export, shared by `tests/large.rs` and `benches/ics.rs`.

/// An Outlook export of `n` one-off events through 2026, each with a long description.
pub fn outlook_export(n: u32) -> String {
    let mut ics = String::from("BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n");
    for i in 0..n {
        ics.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:event-{i}\r\nSUMMARY:Visit {i}\r\nDESCRIPTION:{}\r\n\
             DTSTART;TZID=GMT Standard Time:2026{:02}{:02}T{:02}0000\r\nDURATION:PT45M\r\n\
             X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nEND:VEVENT\r\n",
            "Notes. ".repeat(60),
            1 + i % 12,
            1 + i % 28,
            8 + i % 9,
        ));
    }
    ics.push_str("END:VCALENDAR\r\n");
    ics
}
