//! Lays a [`Document`] out on A4 pages: wraps text, places blocks, breaks pages, and records
//! the logical structure (for the tag tree) alongside what to draw.
//!
//! Coordinates are points from the top-left corner of the page, y growing downwards, as in
//! krilla.

use crate::font::{Face, Fonts};
use crate::{Block, Document, Variant};

mod blocks;
mod flow;
mod table;
mod text;

pub(crate) use text::{clean, wrap};

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
