//! Lays a [`Document`] out on A4 pages: wraps text, places blocks, breaks pages, and records
//! the logical structure (for the tag tree) alongside what to draw.
//!
//! Coordinates are points from the top-left corner of the page, y growing downwards, as in
//! krilla.

use crate::font::{Face, Fonts};
use crate::{Block, Document, Variant};

/// A4 in points.
pub(crate) const PAGE_WIDTH: f32 = 595.276;
pub(crate) const PAGE_HEIGHT: f32 = 841.89;

/// A colour as 8-bit RGB.
pub(crate) type Rgb = [u8; 3];

const TEXT: Rgb = [0, 0, 0];
/// Secondary text (subtitle, footer): 10:1 contrast on white.
const MUTED: Rgb = [0x40, 0x40, 0x40];
const RULE: Rgb = [0x59, 0x59, 0x59];
const LIGHT_RULE: Rgb = [0xA6, 0xA6, 0xA6];
const HEADER_FILL: Rgb = [0xE6, 0xE6, 0xE6];
const NOTICE_FILL: Rgb = [0xF2, 0xF2, 0xF2];

/// Type sizes and spacing, in points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Style {
    pub(crate) body: f32,
    pub(crate) small: f32,
    pub(crate) title: f32,
    pub(crate) heading: f32,
    /// Line height as a multiple of the type size.
    pub(crate) leading: f32,
    pub(crate) block_gap: f32,
    pub(crate) heading_gap_above: f32,
    pub(crate) heading_gap_below: f32,
    pub(crate) item_gap: f32,
    pub(crate) cell_pad_x: f32,
    pub(crate) cell_pad_y: f32,
    pub(crate) notice_pad: f32,
    pub(crate) margin_x: f32,
    pub(crate) margin_top: f32,
    pub(crate) margin_bottom: f32,
}

impl Style {
    pub(crate) fn for_variant(variant: Variant) -> Self {
        match variant {
            Variant::Professional => Self {
                body: 10.5,
                small: 8.5,
                title: 18.0,
                heading: 13.0,
                leading: 1.3,
                block_gap: 9.0,
                heading_gap_above: 13.0,
                heading_gap_below: 4.0,
                item_gap: 2.0,
                cell_pad_x: 5.0,
                cell_pad_y: 2.5,
                notice_pad: 8.0,
                margin_x: 56.7,
                margin_top: 48.0,
                margin_bottom: 34.0,
            },
            Variant::Family => Self {
                body: 14.0,
                small: 11.0,
                title: 24.0,
                heading: 17.5,
                leading: 1.45,
                block_gap: 14.0,
                heading_gap_above: 20.0,
                heading_gap_below: 6.0,
                item_gap: 6.0,
                cell_pad_x: 7.0,
                cell_pad_y: 4.0,
                notice_pad: 12.0,
                margin_x: 56.7,
                margin_top: 48.0,
                margin_bottom: 34.0,
            },
        }
    }

    fn line(&self, size: f32) -> f32 {
        size * self.leading
    }
}

/// How a piece of content is marked: as real content (a leaf of the structure tree), or as
/// an artifact that assistive technology skips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    Leaf(usize),
    /// Running footer text.
    Footer,
    /// Page numbers.
    PageNumber,
    /// Repeated table header rows on continuation pages.
    Pagination,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TextOp {
    pub(crate) x: f32,
    pub(crate) baseline: f32,
    pub(crate) text: String,
    pub(crate) face: Face,
    pub(crate) size: f32,
    pub(crate) color: Rgb,
    pub(crate) mark: Mark,
}

/// What to draw on a page. Rectangles are always decoration (layout artifacts).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    Text(TextOp),
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
}

/// A node of the logical structure; leaves index the marked content drawn on the pages.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Group(Kind, Vec<Node>),
    Leaf(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    Heading(u16, String),
    Paragraph,
    List { numbered: bool },
    ListItem,
    ListLabel,
    ListBody,
    Table,
    TableHead,
    TableBody,
    Row,
    ColumnHeader,
    RowHeader,
    Cell,
}

/// An entry of the PDF outline (bookmarks).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Bookmark {
    pub(crate) level: u16,
    pub(crate) text: String,
    pub(crate) page: usize,
    pub(crate) x: f32,
    pub(crate) y: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    pub(crate) pages: Vec<Vec<Op>>,
    pub(crate) structure: Vec<Node>,
    pub(crate) bookmarks: Vec<Bookmark>,
    pub(crate) leaves: usize,
}

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
fn natural_widths(fonts: &Fonts, face: Face, size: f32, text: &str) -> (f32, f32) {
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

/// Splits `width` between columns that would like `natural` widths (their longest line) and
/// need `minimum` ones (their longest word), roughly as browsers do for automatic tables:
/// - when every column fits unwrapped, each is stretched in proportion to fill the line;
/// - otherwise columns narrower than an even share keep their natural width, and the rest
///   share what is left in proportion to their natural widths, never below their minimum;
/// - when even the minimums do not fit, they are scaled down (and long words broken).
fn distribute(natural: &[f32], minimum: &[f32], width: f32) -> Vec<f32> {
    let total: f32 = natural.iter().sum();
    if total <= width || total <= EPSILON {
        return natural.iter().map(|n| n * width / total.max(EPSILON)).collect();
    }
    let minimum: Vec<f32> = minimum.iter().zip(natural).map(|(m, n)| m.min(*n)).collect();
    let min_total: f32 = minimum.iter().sum();
    if min_total >= width {
        return minimum.iter().map(|m| m * width / min_total).collect();
    }
    let mut widths: Vec<Option<f32>> = vec![None; natural.len()];
    let mut remaining = width;
    // Columns that fit in an even share keep their natural width; columns that would fall
    // below their minimum in a proportional split get the minimum. Repeat until stable.
    loop {
        let open: Vec<usize> = (0..natural.len()).filter(|&c| widths[c].is_none()).collect();
        if open.is_empty() {
            break;
        }
        let share = remaining / open.len() as f32;
        let open_natural: f32 = open.iter().map(|&c| natural[c]).sum();
        let mut settled = false;
        for &c in &open {
            let proportional = natural[c] * remaining / open_natural.max(EPSILON);
            let fixed = if natural[c] <= share {
                Some(natural[c])
            } else if proportional < minimum[c] {
                Some(minimum[c])
            } else {
                None
            };
            if let Some(w) = fixed {
                widths[c] = Some(w);
                remaining -= w;
                settled = true;
            }
        }
        if !settled {
            for &c in &open {
                widths[c] = Some(natural[c] * remaining / open_natural.max(EPSILON));
            }
            break;
        }
    }
    let widths: Vec<f32> = widths.into_iter().map(|w| w.unwrap_or(0.0)).collect();
    // Settling can overshoot slightly when minimums were raised; scale back to the line.
    let sum: f32 = widths.iter().sum();
    widths.iter().map(|w| w * width / sum.max(EPSILON)).collect()
}

/// One cell of a row being placed: its lines, and where and how to set them.
struct Cell {
    x: f32,
    width: f32,
    lines: Vec<String>,
    face: Face,
    size: f32,
    color: Rgb,
    align_right: bool,
}

/// How a row is dressed.
#[derive(Clone, Copy, Default)]
struct RowStyle {
    fill: Option<Rgb>,
    border: Option<(Rgb, f32)>,
    rule_below: Option<(Rgb, f32)>,
    pad_y: f32,
    /// The horizontal extent (left, right) of fill, border and rule; the cells' if `None`.
    span: Option<(f32, f32)>,
    /// Marks the text as a repeated header rather than content.
    artifact: bool,
}

struct Layouter<'a> {
    fonts: &'a Fonts,
    style: &'a Style,
    pages: Vec<Vec<Op>>,
    bookmarks: Vec<Bookmark>,
    leaves: usize,
    y: f32,
    left: f32,
    width: f32,
    top: f32,
    bottom: f32,
    /// The header row of the table being laid out, repeated on each page it continues on.
    repeat: Option<(Vec<Cell>, RowStyle)>,
}

const EPSILON: f32 = 0.01;

impl<'a> Layouter<'a> {
    fn at_top(&self) -> bool {
        self.y <= self.top + EPSILON
    }

    fn fits(&self, height: f32) -> bool {
        self.y + height <= self.bottom + EPSILON
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.top;
        if let Some((cells, style)) = self.repeat.take() {
            let style = RowStyle {
                artifact: true,
                ..style
            };
            self.place_row(&cells, style);
            self.repeat = Some((cells, style));
        }
    }

    /// Starts a new page unless `height` still fits on this one (or this one is still empty).
    fn need(&mut self, height: f32) {
        if !self.fits(height) && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space between blocks; none at the top of a page.
    fn gap(&mut self, gap: f32) {
        if !self.at_top() {
            self.y += gap;
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn page_index(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    fn leaf(&mut self) -> usize {
        self.leaves += 1;
        self.leaves - 1
    }

    /// Draws one line of text in a line box whose top is `top`; returns its structure leaf.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f32,
        top: f32,
        text: &str,
        face: Face,
        size: f32,
        color: Rgb,
        artifact: Option<Mark>,
    ) -> Option<Node> {
        if text.is_empty() {
            return None;
        }
        let line = self.style.line(size);
        let ascent = self.fonts.ascent(face) * size;
        let descent = self.fonts.descent(face) * size;
        let baseline = top + (line - ascent - descent) / 2.0 + ascent;
        let (mark, node) = match artifact {
            Some(mark) => (mark, None),
            None => {
                let leaf = self.leaf();
                (Mark::Leaf(leaf), Some(Node::Leaf(leaf)))
            }
        };
        self.push(Op::Text(TextOp {
            x,
            baseline,
            text: text.to_owned(),
            face,
            size,
            color,
            mark,
        }));
        node
    }

    /// Flows lines of text down the page at `x`, breaking pages between lines.
    fn lines(&mut self, x: f32, lines: &[String], face: Face, size: f32, color: Rgb) -> Vec<Node> {
        let line = self.style.line(size);
        let mut nodes = Vec::new();
        for text in lines {
            self.need(line);
            nodes.extend(self.text(x, self.y, text, face, size, color, None));
            self.y += line;
        }
        nodes
    }

    /// Places a row of cells side by side. A row that does not fit moves to the next page whole
    /// if it fits there, and otherwise breaks across pages between lines. Returns each cell's
    /// leaves.
    fn place_row(&mut self, cells: &[Cell], style: RowStyle) -> Vec<Vec<Node>> {
        let line = cells.iter().map(|c| self.style.line(c.size)).fold(0.0, f32::max);
        let count = cells.iter().map(|c| c.lines.len()).max().unwrap_or(0).max(1);
        let whole = count as f32 * line + 2.0 * style.pad_y;
        if whole <= self.bottom - self.top {
            self.need(whole);
        } else {
            // Taller than a page: start it here if a couple of its lines fit.
            self.need(2.0 * line + 2.0 * style.pad_y);
        }
        let mut nodes: Vec<Vec<Node>> = cells.iter().map(|_| Vec::new()).collect();
        let mut done = 0;
        let mut fresh_page = false;
        while done < count {
            let room = ((self.bottom - self.y - 2.0 * style.pad_y) / line + EPSILON).floor();
            let fit = if room >= 1.0 { room as usize } else { 0 };
            // When not even one line fits, move on to a new page; if one does not fit there
            // either (absurdly tall repeated headers), place a line regardless, to progress.
            if fit == 0 && !fresh_page && !self.at_top() {
                self.new_page();
                fresh_page = true;
                continue;
            }
            fresh_page = false;
            let take = fit.max(1).min(count - done);
            let height = take as f32 * line + 2.0 * style.pad_y;
            let (row_left, row_right) = style.span.unwrap_or_else(|| {
                cells
                    .iter()
                    .fold((f32::MAX, f32::MIN), |(l, r), c| (l.min(c.x), r.max(c.x + c.width)))
            });
            if style.fill.is_some() || style.border.is_some() {
                self.push(Op::Rect {
                    x: row_left,
                    y: self.y,
                    w: row_right - row_left,
                    h: height,
                    fill: style.fill,
                    stroke: style.border,
                });
            }
            for (cell, cell_nodes) in cells.iter().zip(nodes.iter_mut()) {
                for (i, text) in cell.lines.iter().enumerate().skip(done).take(take) {
                    let top = self.y + style.pad_y + (i - done) as f32 * line;
                    let x = if cell.align_right {
                        cell.x + cell.width - self.fonts.width(cell.face, cell.size, text)
                    } else {
                        cell.x
                    };
                    let mark = style.artifact.then_some(Mark::Pagination);
                    cell_nodes.extend(self.text(x, top, text, cell.face, cell.size, cell.color, mark));
                }
            }
            self.y += height;
            if let Some((color, thickness)) = style.rule_below {
                self.push(Op::Rect {
                    x: row_left,
                    y: self.y - thickness / 2.0,
                    w: row_right - row_left,
                    h: thickness,
                    fill: Some(color),
                    stroke: None,
                });
            }
            done += take;
        }
        nodes
    }

    fn title(&mut self, doc: &Document) -> Vec<Node> {
        let s = self.style;
        let mut structure = Vec::new();
        let title = clean(&doc.title).replace('\n', " ");
        let lines = wrap(self.fonts, Face::Bold, s.title, &title, self.width);
        self.bookmarks.push(Bookmark {
            level: 1,
            text: title.clone(),
            page: self.page_index(),
            x: self.left,
            y: self.y,
        });
        let leaves = self.lines(self.left, &lines, Face::Bold, s.title, TEXT);
        structure.push(Node::Group(Kind::Heading(1, title), leaves));
        if !doc.subtitle.is_empty() {
            self.y += s.item_gap;
        }
        for subtitle in &doc.subtitle {
            let lines = wrap(self.fonts, Face::Regular, s.body * 1.1, subtitle, self.width);
            let leaves = self.lines(self.left, &lines, Face::Regular, s.body * 1.1, MUTED);
            if !leaves.is_empty() {
                structure.push(Node::Group(Kind::Paragraph, leaves));
            }
        }
        self.y += s.block_gap / 2.0;
        self.push(Op::Rect {
            x: self.left,
            y: self.y,
            w: self.width,
            h: 1.0,
            fill: Some(RULE),
            stroke: None,
        });
        self.y += 1.0;
        structure
    }

    /// How much of `block` must follow a heading on the same page: its first lines, or its
    /// table's header and first rows.
    fn lead_height(&self, block: &Block) -> f32 {
        let s = self.style;
        let line = s.line(s.body);
        let lines =
            |text: &str, face: Face, width: f32| wrap(self.fonts, face, s.body, text, width).len().min(2) as f32;
        match block {
            Block::Heading(_) => s.line(s.heading),
            Block::Paragraph(text) => lines(text, Face::Regular, self.width) * line,
            Block::Facts(_) => 2.0 * (line + s.item_gap),
            Block::List { items, .. } => items.first().map_or(0.0, |item| {
                lines(item, Face::Regular, self.width * 0.9) * line + s.item_gap
            }),
            Block::Table { headers, rows } => self.table_lead(headers, rows),
            Block::Notice(text) => {
                let inner = self.width - 2.0 * s.notice_pad;
                lines(text, Face::Regular, inner) * line + 2.0 * s.notice_pad
            }
        }
    }

    /// The height of a table's header row and first three rows, kept together.
    fn table_lead(&self, headers: &[String], rows: &[Vec<String>]) -> f32 {
        let s = self.style;
        let widths = self.column_widths(headers, rows);
        let row_height = |cells: Vec<Cell>| {
            let count = cells.iter().map(|c| c.lines.len()).max().unwrap_or(1);
            count as f32 * s.line(s.body) + 2.0 * s.cell_pad_y
        };
        let header = row_height(self.table_cells(&widths, headers, Face::Bold));
        header
            + rows
                .iter()
                .take(3)
                .map(|row| row_height(self.table_cells(&widths, row, Face::Regular)))
                .sum::<f32>()
    }

    fn heading(&mut self, text: &str, next: Option<&Block>) -> Option<Node> {
        let s = self.style;
        let text = clean(text).replace('\n', " ");
        if text.trim().is_empty() {
            return None;
        }
        let lines = wrap(self.fonts, Face::Bold, s.heading, &text, self.width);
        // Keep the heading with the start of what follows.
        let height = lines.len() as f32 * s.line(s.heading) + s.heading_gap_below;
        let lead = next.map_or(0.0, |block| s.block_gap + self.lead_height(block));
        self.gap(s.heading_gap_above);
        self.need(height + lead);
        self.bookmarks.push(Bookmark {
            level: 2,
            text: text.clone(),
            page: self.page_index(),
            x: self.left,
            y: self.y,
        });
        let leaves = self.lines(self.left, &lines, Face::Bold, s.heading, TEXT);
        self.y += s.heading_gap_below;
        Some(Node::Group(Kind::Heading(2, text), leaves))
    }

    fn paragraph(&mut self, text: &str) -> Option<Node> {
        let s = self.style;
        let lines = wrap(self.fonts, Face::Regular, s.body, text, self.width);
        let leaves = self.lines(self.left, &lines, Face::Regular, s.body, TEXT);
        (!leaves.is_empty()).then_some(Node::Group(Kind::Paragraph, leaves))
    }

    /// Label–value pairs: a two-column table whose first column holds row headers.
    fn facts(&mut self, facts: &[(String, String)]) -> Option<Node> {
        let s = self.style;
        if facts.is_empty() {
            return None;
        }
        let label_width = facts
            .iter()
            .map(|(label, _)| natural_widths(self.fonts, Face::Bold, s.body, label).0)
            .fold(0.0, f32::max)
            .min(self.width * 0.35);
        let gap = s.body;
        let value_x = self.left + label_width + gap;
        let value_width = self.width - label_width - gap;
        let mut rows = Vec::new();
        for (label, value) in facts {
            let cells = [
                Cell {
                    x: self.left,
                    width: label_width,
                    lines: wrap(self.fonts, Face::Bold, s.body, label, label_width),
                    face: Face::Bold,
                    size: s.body,
                    color: TEXT,
                    align_right: false,
                },
                Cell {
                    x: value_x,
                    width: value_width,
                    lines: wrap(self.fonts, Face::Regular, s.body, value, value_width),
                    face: Face::Regular,
                    size: s.body,
                    color: TEXT,
                    align_right: false,
                },
            ];
            let style = RowStyle {
                pad_y: s.item_gap / 2.0,
                ..RowStyle::default()
            };
            let mut placed = self.place_row(&cells, style).into_iter();
            let header = placed.next().unwrap_or_default();
            let data = placed.next().unwrap_or_default();
            rows.push(Node::Group(
                Kind::Row,
                vec![Node::Group(Kind::RowHeader, header), Node::Group(Kind::Cell, data)],
            ));
        }
        Some(Node::Group(Kind::Table, vec![Node::Group(Kind::TableBody, rows)]))
    }

    fn list(&mut self, numbered: bool, items: &[String]) -> Option<Node> {
        let s = self.style;
        if items.is_empty() {
            return None;
        }
        let label = |i: usize| {
            if numbered {
                format!("{}.", i + 1)
            } else {
                "•".to_owned()
            }
        };
        let label_width = (0..items.len())
            .map(|i| self.fonts.width(Face::Regular, s.body, &label(i)))
            .fold(0.0, f32::max);
        let gap = s.body * 0.6;
        let body_x = self.left + label_width + gap;
        let body_width = self.width - label_width - gap;
        let mut nodes = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let cells = [
                Cell {
                    x: self.left,
                    width: label_width,
                    lines: vec![label(i)],
                    face: Face::Regular,
                    size: s.body,
                    color: TEXT,
                    align_right: true,
                },
                Cell {
                    x: body_x,
                    width: body_width,
                    lines: wrap(self.fonts, Face::Regular, s.body, item, body_width),
                    face: Face::Regular,
                    size: s.body,
                    color: TEXT,
                    align_right: false,
                },
            ];
            let style = RowStyle {
                pad_y: s.item_gap / 2.0,
                ..RowStyle::default()
            };
            let mut placed = self.place_row(&cells, style).into_iter();
            let label_nodes = placed.next().unwrap_or_default();
            let body_nodes = placed.next().unwrap_or_default();
            nodes.push(Node::Group(
                Kind::ListItem,
                vec![
                    Node::Group(Kind::ListLabel, label_nodes),
                    Node::Group(Kind::ListBody, body_nodes),
                ],
            ));
        }
        Some(Node::Group(Kind::List { numbered }, nodes))
    }

    /// Column widths for a table's cells: see [`distribute`].
    fn column_widths(&self, headers: &[String], rows: &[Vec<String>]) -> Vec<f32> {
        let s = self.style;
        let pad = 2.0 * s.cell_pad_x;
        let mut natural = vec![pad; headers.len()];
        let mut minimum = vec![pad; headers.len()];
        let cells = headers.iter().map(|h| (h, Face::Bold)).enumerate().chain(
            rows.iter()
                .flat_map(|row| row.iter().map(|c| (c, Face::Regular)).enumerate()),
        );
        for (column, (text, face)) in cells {
            let (line, word) = natural_widths(self.fonts, face, s.body, text);
            if let (Some(n), Some(m)) = (natural.get_mut(column), minimum.get_mut(column)) {
                *n = n.max(line + pad);
                *m = m.max(word + pad);
            }
        }
        distribute(&natural, &minimum, self.width)
    }

    fn table_cells(&self, widths: &[f32], texts: &[String], face: Face) -> Vec<Cell> {
        let s = self.style;
        let mut x = self.left;
        widths
            .iter()
            .enumerate()
            .map(|(i, width)| {
                let inner = width - 2.0 * s.cell_pad_x;
                let text = texts.get(i).map_or("", String::as_str);
                let cell = Cell {
                    x: x + s.cell_pad_x,
                    width: inner,
                    lines: wrap(self.fonts, face, s.body, text, inner),
                    face,
                    size: s.body,
                    color: TEXT,
                    align_right: false,
                };
                x += width;
                cell
            })
            .collect()
    }

    fn table(&mut self, headers: &[String], rows: &[Vec<String>]) -> Node {
        let s = self.style;
        let widths = self.column_widths(headers, rows);
        let header_cells = self.table_cells(&widths, headers, Face::Bold);
        let span = Some((self.left, self.left + self.width));
        let header_style = RowStyle {
            fill: Some(HEADER_FILL),
            span,
            rule_below: Some((RULE, 1.0)),
            pad_y: s.cell_pad_y,
            ..RowStyle::default()
        };
        let body_style = RowStyle {
            rule_below: Some((LIGHT_RULE, 0.5)),
            span,
            pad_y: s.cell_pad_y,
            ..RowStyle::default()
        };
        // Keep the header with the first rows.
        let lead = self.table_lead(headers, rows);
        self.need(lead);
        let header = self.place_row(&header_cells, header_style);
        let head_row = Node::Group(
            Kind::Row,
            header
                .into_iter()
                .map(|leaves| Node::Group(Kind::ColumnHeader, leaves))
                .collect(),
        );
        self.repeat = Some((header_cells, header_style));
        let mut body = Vec::new();
        for row in rows {
            let cells = self.table_cells(&widths, row, Face::Regular);
            let placed = self.place_row(&cells, body_style);
            body.push(Node::Group(
                Kind::Row,
                placed
                    .into_iter()
                    .map(|leaves| Node::Group(Kind::Cell, leaves))
                    .collect(),
            ));
        }
        self.repeat = None;
        let mut children = vec![Node::Group(Kind::TableHead, vec![head_row])];
        if !body.is_empty() {
            children.push(Node::Group(Kind::TableBody, body));
        }
        Node::Group(Kind::Table, children)
    }

    fn notice(&mut self, text: &str) -> Option<Node> {
        let s = self.style;
        let inner = self.width - 2.0 * s.notice_pad;
        let lines = wrap(self.fonts, Face::Regular, s.body, text, inner);
        if lines.iter().all(String::is_empty) {
            return None;
        }
        let cells = [Cell {
            x: self.left + s.notice_pad,
            width: inner,
            lines,
            face: Face::Regular,
            size: s.body,
            color: TEXT,
            align_right: false,
        }];
        let style = RowStyle {
            fill: Some(NOTICE_FILL),
            border: Some((RULE, 1.0)),
            pad_y: s.notice_pad,
            span: Some((self.left, self.left + self.width)),
            ..RowStyle::default()
        };
        let placed = self.place_row(&cells, style);
        let leaves = placed.into_iter().flatten().collect::<Vec<_>>();
        Some(Node::Group(Kind::Paragraph, leaves))
    }
}

/// Lays `doc` out. Never fails: any text fits somehow.
pub(crate) fn lay_out(doc: &Document, fonts: &Fonts, style: &Style) -> Layout {
    let width = PAGE_WIDTH - 2.0 * style.margin_x;
    let number_width = fonts.width(Face::Regular, style.small, "Page 999 of 999");
    let footer_lines = doc
        .footer
        .as_deref()
        .map(|f| {
            wrap(
                fonts,
                Face::Regular,
                style.small,
                f,
                width - number_width - style.small * 2.0,
            )
        })
        .unwrap_or_default();
    let footer_line = style.line(style.small);
    let footer_height = footer_lines.len().max(1) as f32 * footer_line;
    let footer_top = PAGE_HEIGHT - style.margin_bottom - footer_height;
    let mut layouter = Layouter {
        fonts,
        style,
        pages: vec![Vec::new()],
        bookmarks: Vec::new(),
        leaves: 0,
        y: style.margin_top,
        left: style.margin_x,
        width,
        top: style.margin_top,
        bottom: footer_top - style.block_gap,
        repeat: None,
    };

    let mut structure = layouter.title(doc);
    for (i, block) in doc.blocks.iter().enumerate() {
        let gap = style.block_gap;
        let node = match block {
            Block::Heading(text) => layouter.heading(text, doc.blocks.get(i + 1)),
            Block::Paragraph(text) => {
                layouter.gap(gap);
                layouter.paragraph(text)
            }
            Block::Facts(facts) => {
                layouter.gap(gap);
                layouter.facts(facts)
            }
            Block::List { numbered, items } => {
                layouter.gap(gap);
                layouter.list(*numbered, items)
            }
            Block::Table { headers, rows } => {
                layouter.gap(gap);
                Some(layouter.table(headers, rows))
            }
            Block::Notice(text) => {
                layouter.gap(gap);
                layouter.notice(text)
            }
        };
        structure.extend(node);
    }

    // Footers, now that the number of pages is known.
    let count = layouter.pages.len();
    for page in 0..count {
        let mut ops = Vec::new();
        ops.push(Op::Rect {
            x: layouter.left,
            y: footer_top - style.small * 0.5,
            w: width,
            h: 0.5,
            fill: Some(LIGHT_RULE),
            stroke: None,
        });
        let baseline_offset = {
            let ascent = fonts.ascent(Face::Regular) * style.small;
            let descent = fonts.descent(Face::Regular) * style.small;
            (footer_line - ascent - descent) / 2.0 + ascent
        };
        for (i, line) in footer_lines.iter().enumerate() {
            if line.is_empty() {
                continue;
            }
            ops.push(Op::Text(TextOp {
                x: layouter.left,
                baseline: footer_top + i as f32 * footer_line + baseline_offset,
                text: line.clone(),
                face: Face::Regular,
                size: style.small,
                color: MUTED,
                mark: Mark::Footer,
            }));
        }
        if count > 1 {
            let text = format!("Page {} of {}", page + 1, count);
            let text_width = fonts.width(Face::Regular, style.small, &text);
            ops.push(Op::Text(TextOp {
                x: layouter.left + width - text_width,
                baseline: footer_top + baseline_offset,
                text,
                face: Face::Regular,
                size: style.small,
                color: MUTED,
                mark: Mark::PageNumber,
            }));
        }
        if let Some(page_ops) = layouter.pages.get_mut(page) {
            page_ops.extend(ops);
        }
    }

    Layout {
        pages: layouter.pages,
        structure,
        bookmarks: layouter.bookmarks,
        leaves: layouter.leaves,
    }
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
    fn distributes_column_widths() {
        let sum = |w: &[f32]| w.iter().sum::<f32>();
        // Everything fits: stretched in proportion.
        let w = distribute(&[100.0, 50.0], &[40.0, 20.0], 300.0);
        assert!((w[0] - 200.0).abs() < 0.01 && (w[1] - 100.0).abs() < 0.01, "{w:?}");
        // One huge column: the short ones keep their natural width.
        let w = distribute(&[60.0, 5000.0, 80.0], &[50.0, 90.0, 60.0], 480.0);
        assert!((w[0] - 60.0).abs() < 0.01 && (w[2] - 80.0).abs() < 0.01, "{w:?}");
        assert!((sum(&w) - 480.0).abs() < 0.01);
        // Two wide columns share the rest, never below their minimum.
        let w = distribute(&[2000.0, 100.0, 3000.0], &[300.0, 50.0, 80.0], 480.0);
        assert!(w[0] >= 299.0 && (w[1] - 100.0).abs() < 0.01, "{w:?}");
        assert!((sum(&w) - 480.0).abs() < 0.01);
        // Minimums that cannot fit are scaled down.
        let w = distribute(&[500.0, 500.0], &[400.0, 400.0], 400.0);
        assert!((w[0] - 200.0).abs() < 0.01, "{w:?}");
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
