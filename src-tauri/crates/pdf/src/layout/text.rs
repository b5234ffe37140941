//! Text measurement: removing what cannot be set, wrapping to a width, and natural widths.

use crate::font::{Face, Fonts};

/// Removes what cannot be set as text: control characters (tabs become spaces, `\n` is kept
/// as a line break), byte order marks, zero-width spaces and soft hyphens.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            '\u{FEFF}' | '\u{FFFE}' | '\u{200B}' | '\u{00AD}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Wraps `text` to lines no wider than `width`, greedily, at spaces; a word wider than the
/// line is broken between characters. `\n` forces a break, and a blank line stays blank.
pub(crate) fn wrap(fonts: &Fonts, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
    let space = fonts.width(face, size, " ");
    let mut lines = Vec::new();
    for hard_line in clean(text).split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in hard_line.split(' ').filter(|w| !w.is_empty()) {
            let word_width = fonts.width(face, size, word);
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            // Too wide for any line: break it between characters.
            line_width = 0.0;
            for c in word.chars() {
                let mut buf = [0u8; 4];
                let char_width = fonts.width(face, size, c.encode_utf8(&mut buf));
                if !line.is_empty() && line_width + char_width > width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += char_width;
            }
        }
        lines.push(line);
    }
    // A trailing empty line (from a trailing `\n`) adds nothing.
    while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// The widest line of `text` without wrapping, and its widest single word.
pub(super) fn natural_widths(fonts: &Fonts, face: Face, size: f32, text: &str) -> (f32, f32) {
    let cleaned = clean(text);
    let widest_line = cleaned
        .split('\n')
        .map(|line| fonts.width(face, size, line.trim()))
        .fold(0.0, f32::max);
    let widest_word = cleaned
        .split([' ', '\n'])
        .map(|word| fonts.width(face, size, word))
        .fold(0.0, f32::max);
    (widest_line, widest_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().expect("embedded fonts load")
    }

    #[test]
    fn wraps_greedily_within_the_width() {
        let fonts = fonts();
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let width = fonts.width(Face::Regular, 10.0, "one two three four");
        let lines = wrap(&fonts, Face::Regular, 10.0, text, width);
        assert_eq!(lines[0], "one two three four");
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(fonts.width(Face::Regular, 10.0, line) <= width + 0.001, "{line}");
        }
    }

    #[test]
    fn breaks_overlong_words_and_keeps_hard_breaks() {
        let fonts = fonts();
        let word = "x".repeat(200);
        let lines = wrap(&fonts, Face::Bold, 12.0, &format!("a {word}\n\nb\n"), 100.0);
        assert_eq!(lines.first().map(String::as_str), Some("a"));
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), format!("a{word}b"));
        assert!(lines.contains(&String::new()), "the blank line is kept");
        assert_eq!(lines.last().map(String::as_str), Some("b"));
    }

    #[test]
    fn cleans_unprintable_characters() {
        assert_eq!(clean("a\tb\r\nc\u{00AD}d\u{FEFF}\u{7}"), "a b\ncd");
        assert_eq!(clean("10:00–11:30 O’Neill café"), "10:00–11:30 O’Neill café");
    }

    #[test]
    fn non_ascii_is_measured_with_real_glyphs() {
        let fonts = fonts();
        for c in ['–', '’', 'é', '—', '•'] {
            assert!(fonts.covers(Face::Regular, c), "{c}");
            assert!(fonts.covers(Face::Bold, c), "{c}");
        }
        assert!(fonts.width(Face::Regular, 10.0, "–") > 0.0);
        assert!(fonts.width(Face::Bold, 10.0, "Wide") > fonts.width(Face::Regular, 10.0, "Wide"));
    }
}
