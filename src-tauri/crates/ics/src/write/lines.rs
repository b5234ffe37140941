//! Content lines: TEXT, `CN` and address values escaped, and lines folded at 75 octets with CRLF.

/// The longest a line may be, in octets, not counting its CRLF (RFC 5545 §3.1).
const MAX_LINE_OCTETS: usize = 75;

/// Calendar text being built: each line folded and ended with CRLF.
#[derive(Default)]
pub(super) struct Lines {
    pub(super) text: String,
}

impl Lines {
    pub(super) fn push(&mut self, line: &str) {
        push_folded(&mut self.text, line);
    }
}

/// Appends `line` to `out` with CRLF, folded (CRLF and a space) so that no line is longer
/// than 75 octets, the leading space included; never splits a UTF-8 character.
fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut room = MAX_LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        // A character is at most 4 octets and `room` is at least 74, so `cut` stays above 0.
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let (head, tail) = rest.split_at(cut);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        room = MAX_LINE_OCTETS - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// A TEXT value (RFC 5545 §3.3.11): `\`, `;`, `,` escaped, line breaks as `\n`, other
/// control characters except tab dropped.
pub(super) fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `;CN=<name>`, quoted if needed, or nothing for a name that is empty once cleaned.
pub(super) fn cn_param(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .filter(|&c| c != '"')
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        String::new()
    } else if cleaned.contains([':', ';', ',']) {
        format!(";CN=\"{cleaned}\"")
    } else {
        format!(";CN={cleaned}")
    }
}

/// `mailto:<email>`, or `None` for an empty address.
pub(super) fn cal_address(email: &str) -> Option<String> {
    let cleaned: String = email.chars().filter(|c| !c.is_control()).collect();
    let mut address = cleaned.trim();
    if address
        .get(..7)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("mailto:"))
    {
        address = address.get(7..).unwrap_or_default().trim();
    }
    (!address.is_empty()).then(|| format!("mailto:{address}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape_text(r"literal \n stays"), r"literal \\n stays");
        assert_eq!(escape_text("tab\tbell\u{7}nul\u{0}"), "tab\tbellnul");
        assert_eq!(escape_text("colon: \"quotes\" café 😀"), "colon: \"quotes\" café 😀");
        assert_eq!(escape_text(""), "");
    }

    #[test]
    fn cn_is_quoted_and_cleaned() {
        assert_eq!(cn_param("Sam Smith"), ";CN=Sam Smith");
        assert_eq!(cn_param("Smith, Sam"), ";CN=\"Smith, Sam\"");
        assert_eq!(cn_param("Dr: A; B"), ";CN=\"Dr: A; B\"");
        assert_eq!(cn_param("Sam \"The Boss\" Smith"), ";CN=Sam The Boss Smith");
        assert_eq!(cn_param(" Sam\r\nSmith\t"), ";CN=Sam Smith");
        assert_eq!(cn_param("Zoë Ó Briain"), ";CN=Zoë Ó Briain");
        assert_eq!(cn_param("\"\""), "");
        assert_eq!(cn_param(""), "");
    }

    #[test]
    fn addresses() {
        assert_eq!(cal_address(" jo@x.example "), Some("mailto:jo@x.example".to_owned()));
        assert_eq!(
            cal_address("MAILTO:jo@x.example"),
            Some("mailto:jo@x.example".to_owned())
        );
        assert_eq!(
            cal_address("jo@x.example\r\nATTENDEE:evil"),
            Some("mailto:jo@x.exampleATTENDEE:evil".to_owned())
        );
        assert_eq!(cal_address(""), None);
        assert_eq!(cal_address("  "), None);
        assert_eq!(cal_address("mailto:"), None);
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        for text in [
            "x".repeat(500),
            "é".repeat(300),
            "😀".repeat(200),
            "a€😀b".repeat(100),
            "ab".to_owned() + &"€".repeat(200),
        ] {
            let mut out = String::new();
            push_folded(&mut out, &format!("DESCRIPTION:{text}"));
            assert!(out.ends_with("\r\n"));
            let lines: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
            assert!(lines.len() > 1);
            for (i, line) in lines.iter().enumerate() {
                assert!(line.len() <= 75, "line {i} has {} octets: {line:?}", line.len());
                assert_eq!(i > 0, line.starts_with(' '), "line {i}: {line:?}");
                assert!(!line.contains('\r') && !line.contains('\n'));
            }
            // Full lines are used: only the last may be short by more than a character.
            for line in &lines[..lines.len() - 1] {
                assert!(line.len() >= 72, "{line:?}");
            }
            assert_eq!(out.replace("\r\n ", "").trim_end(), format!("DESCRIPTION:{text}"));
        }
        let mut out = String::new();
        push_folded(&mut out, &"y".repeat(75));
        assert_eq!(out, format!("{}\r\n", "y".repeat(75)));
        let mut out = String::new();
        push_folded(&mut out, &"y".repeat(76));
        assert_eq!(out, format!("{}\r\n y\r\n", "y".repeat(75)));
    }
}
