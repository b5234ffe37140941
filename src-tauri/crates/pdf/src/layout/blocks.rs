//! Each kind of block drawn in turn: the title, headings, paragraphs, facts, lists and notices.

use super::text::{clean, natural_widths, wrap};
use super::{Bookmark, Cell, Kind, Layouter, Node, Op, RowStyle, MUTED, NOTICE_FILL, RULE, TEXT};
use crate::font::Face;
use crate::{Block, Document};

impl<'a> Layouter<'a> {
    pub(super) fn title(&mut self, doc: &Document) -> Vec<Node> {
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

    pub(super) fn heading(&mut self, text: &str, next: Option<&Block>) -> Option<Node> {
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

    pub(super) fn paragraph(&mut self, text: &str) -> Option<Node> {
        let s = self.style;
        let lines = wrap(self.fonts, Face::Regular, s.body, text, self.width);
        let leaves = self.lines(self.left, &lines, Face::Regular, s.body, TEXT);
        (!leaves.is_empty()).then_some(Node::Group(Kind::Paragraph, leaves))
    }

    /// Label–value pairs: a two-column table whose first column holds row headers.
    pub(super) fn facts(&mut self, facts: &[(String, String)]) -> Option<Node> {
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
            let (header, data) = self.place_pair(&cells);
            rows.push(Node::Group(
                Kind::Row,
                vec![Node::Group(Kind::RowHeader, header), Node::Group(Kind::Cell, data)],
            ));
        }
        Some(Node::Group(Kind::Table, vec![Node::Group(Kind::TableBody, rows)]))
    }

    pub(super) fn list(&mut self, numbered: bool, items: &[String]) -> Option<Node> {
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
            let (label_nodes, body_nodes) = self.place_pair(&cells);
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

    /// A row of two cells (a fact's label and value, a list item's label and body), with half
    /// the item gap above and below; the nodes drawn for each cell.
    fn place_pair(&mut self, cells: &[Cell; 2]) -> (Vec<Node>, Vec<Node>) {
        let style = RowStyle {
            pad_y: self.style.item_gap / 2.0,
            ..RowStyle::default()
        };
        let mut placed = self.place_row(cells, style).into_iter();
        (placed.next().unwrap_or_default(), placed.next().unwrap_or_default())
    }

    pub(super) fn notice(&mut self, text: &str) -> Option<Node> {
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
