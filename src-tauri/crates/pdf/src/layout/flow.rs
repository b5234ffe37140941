//! The page flow: lines and rows of cells placed down the page, with page breaks between them.

use super::{Cell, Layouter, Mark, Node, Op, Rgb, RowStyle, TextOp, EPSILON};
use crate::font::Face;

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
    pub(super) fn need(&mut self, height: f32) {
        if !self.fits(height) && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space between blocks; none at the top of a page.
    pub(super) fn gap(&mut self, gap: f32) {
        if !self.at_top() {
            self.y += gap;
        }
    }

    pub(super) fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    pub(super) fn page_index(&self) -> usize {
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
    pub(super) fn lines(&mut self, x: f32, lines: &[String], face: Face, size: f32, color: Rgb) -> Vec<Node> {
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
    pub(super) fn place_row(&mut self, cells: &[Cell], style: RowStyle) -> Vec<Vec<Node>> {
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
}
