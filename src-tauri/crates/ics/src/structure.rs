//! From raw text to parsed components: size guard, line unfolding, a check that every
//! `BEGIN:` has its `END:` (so a cut-short file gets a useful message and the recursive parser
//! never sees deep nesting), then the `icalendar` crate's parser for properties and parameters.

use icalendar::parser::{read_calendar_simple, Component};

use crate::error::{excerpt, IcsError};
use crate::MAX_INPUT_BYTES;

/// Deepest nesting any real calendar uses is VCALENDAR > VTIMEZONE > STANDARD (or VEVENT >
/// VALARM). Anything much deeper is damage or an attack on the parser's stack.
const MAX_NESTING: usize = 8;

/// One logical (unfolded) line and the 1-based number of the physical line it starts on.
struct LogicalLine {
    number: usize,
    text: String,
}

/// A top-level `BEGIN:VCALENDAR` … `END:VCALENDAR` block, re-joined for the parser.
pub(crate) struct CalendarBlock {
    /// The block's text with CRLF line ends (the parser's value rule looks for `\r\n` first and
    /// would scan the rest of the file on every line without them) and upper-cased BEGIN/END
    /// names.
    pub(crate) text: String,
    /// Physical line number of each logical line in `text`.
    line_numbers: Vec<usize>,
}

impl CalendarBlock {
    /// Parses the block with the `icalendar` crate. The caller keeps `self` alive because the
    /// components borrow from its text.
    pub(crate) fn parse(&self) -> Result<Vec<Component<'_>>, IcsError> {
        read_calendar_simple(&self.text).map_err(|error| {
            // The parser reports the unparsed remainder, a suffix of our text.
            let offset = self.text.len().saturating_sub(error.input.len());
            let index = self.text.get(..offset).map_or(0, |before| before.matches('\n').count());
            let line = self.line_numbers.get(index).copied().unwrap_or(1);
            let text = error.input.lines().next().unwrap_or_default();
            IcsError::Unreadable {
                line,
                text: excerpt(text),
            }
        })
    }
}

/// Splits `input` into its calendar blocks, checking size, the opening line and nesting.
pub(crate) fn calendar_blocks(input: &str) -> Result<Vec<CalendarBlock>, IcsError> {
    if input.len() > MAX_INPUT_BYTES {
        const MB: usize = 1024 * 1024;
        return Err(IcsError::TooLarge {
            megabytes: input.len().div_ceil(MB),
            limit_megabytes: MAX_INPUT_BYTES / MB,
        });
    }
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let starts_right = input
        .trim_start()
        .get(..15)
        .is_some_and(|head| head.eq_ignore_ascii_case("BEGIN:VCALENDAR"));
    if !starts_right {
        return Err(IcsError::NotICalendar);
    }

    let mut blocks = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut current: Option<CalendarBlock> = None;
    for line in unfold(input) {
        let trimmed = line.text.trim_end();
        if let Some(name) = marker(trimmed, "BEGIN:") {
            if open.len() >= MAX_NESTING || name.is_empty() {
                return Err(unreadable(&line));
            }
            if open.is_empty() {
                if name != "VCALENDAR" {
                    return Err(unreadable(&line));
                }
                current = Some(CalendarBlock {
                    text: String::new(),
                    line_numbers: Vec::new(),
                });
            }
            push_line(&mut current, &format!("BEGIN:{name}"), line.number);
            open.push(name);
        } else if let Some(name) = marker(trimmed, "END:") {
            let Some(expected) = open.pop() else {
                return Err(unreadable(&line));
            };
            if name != expected {
                return Err(IcsError::MismatchedEnd {
                    line: line.number,
                    found: excerpt(&format!("END:{name}")),
                    expected,
                });
            }
            push_line(&mut current, &format!("END:{name}"), line.number);
            if open.is_empty() {
                blocks.extend(current.take());
            }
        } else if open.is_empty() {
            // Text between or after calendars (mail footers, stray blank lines) carries no
            // calendar data; ignoring it is safer than refusing a good file.
            continue;
        } else if !trimmed.is_empty() {
            if !looks_like_property(trimmed) {
                return Err(unreadable(&line));
            }
            push_line(&mut current, trimmed, line.number);
        }
    }
    if let Some(innermost) = open.last() {
        return Err(IcsError::Truncated {
            missing: format!("END:{innermost}"),
        });
    }
    Ok(blocks)
}

/// RFC 5545 §3.1 unfolding: a line starting with a space or tab continues the previous one.
/// Same rule as `icalendar::parser::unfold`, but keeps physical line numbers for messages.
fn unfold(input: &str) -> Vec<LogicalLine> {
    let mut lines: Vec<LogicalLine> = Vec::new();
    for (index, raw) in input.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let continuation = raw.strip_prefix(' ').or_else(|| raw.strip_prefix('\t'));
        match (continuation, lines.last_mut()) {
            (Some(rest), Some(previous)) => previous.text.push_str(rest),
            _ => lines.push(LogicalLine {
                number: index + 1,
                text: raw.to_owned(),
            }),
        }
    }
    lines
}

/// If `line` is `BEGIN:NAME` / `END:NAME` (any case), the upper-cased NAME.
fn marker(line: &str, prefix: &str) -> Option<String> {
    let head = line.get(..prefix.len())?;
    if !head.eq_ignore_ascii_case(prefix) {
        return None;
    }
    let name = line.get(prefix.len()..)?.trim();
    Some(name.to_ascii_uppercase())
}

/// RFC 5545 §3.1 `name *(";" param) ":" value`, with quoted parameter values closed on the
/// same line. Checked here so a bad line is reported where it is (the parser reports the
/// enclosing `BEGIN:` line) and so the parser never reads a parameter across line ends.
fn looks_like_property(line: &str) -> bool {
    let is_name_char = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ',' | '/');
    let name_end = line.find(|c: char| !is_name_char(c)).unwrap_or(line.len());
    let rest = line.get(name_end..).unwrap_or_default();
    if name_end == 0 || !rest.starts_with([':', ';']) {
        return false;
    }
    let mut quoted = false;
    for c in rest.chars() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return true,
            _ => {}
        }
    }
    false
}

fn push_line(block: &mut Option<CalendarBlock>, text: &str, number: usize) {
    if let Some(block) = block {
        block.text.push_str(text);
        block.text.push_str("\r\n");
        block.line_numbers.push(number);
    }
}

fn unreadable(line: &LogicalLine) -> IcsError {
    IcsError::Unreadable {
        line: line.number,
        text: excerpt(&line.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolding_matches_the_icalendar_crate() {
        let input = "BEGIN:VCALENDAR\r\nSUMMARY:Long \r\n  line\r\n\tand tab\r\nX:1\nY:2\n END:VCALENDAR";
        let ours: Vec<String> = unfold(input).into_iter().map(|l| l.text).collect();
        let theirs = icalendar::parser::unfold(input);
        let theirs: Vec<&str> = theirs.lines().collect();
        assert_eq!(ours, theirs);
        let numbers: Vec<usize> = unfold(input).iter().map(|l| l.number).collect();
        assert_eq!(numbers, vec![1, 2, 5, 6]);
    }

    #[test]
    fn property_lines() {
        for good in [
            "SUMMARY:Court",
            "DESCRIPTION:",
            "DTSTART;TZID=Europe/London:20260101T100000",
            "DTSTART;TZID=\"(UTC+00:00) Dublin, Edinburgh, Lisbon, London\":20260101T100000",
            "ATTENDEE;CN=\"Smith: John\";ROLE=REQ-PARTICIPANT:mailto:j@example.org",
            "X-MS-OLK-WKHRDAYS:MO,TU",
        ] {
            assert!(looks_like_property(good), "{good}");
        }
        for bad in [
            "",
            ":value",
            "SUMMARY",
            "SUMMARY Court",
            "free text from an unfolded description",
            "DTSTART;TZID=\"unterminated:20260101T100000",
            "X-FOO;A=b",
            "@@@:x",
        ] {
            assert!(!looks_like_property(bad), "{bad}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let mut input = String::from("BEGIN:VCALENDAR\n");
        for _ in 0..10_000 {
            input.push_str("BEGIN:X\n");
        }
        assert!(matches!(
            calendar_blocks(&input),
            Err(IcsError::Unreadable { line: 9, .. })
        ));
    }
}
