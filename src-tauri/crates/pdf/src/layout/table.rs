//! Tables: column widths shared out as browsers do for automatic tables, and the header row
//! repeated on each page a table continues on.

use super::text::{natural_widths, wrap};
use super::{Cell, Kind, Layouter, Node, RowStyle, EPSILON, HEADER_FILL, LIGHT_RULE, RULE, TEXT};
use crate::font::Face;

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

impl<'a> Layouter<'a> {
    /// The height of a table's header row and first three rows, kept together.
    pub(super) fn table_lead(&self, headers: &[String], rows: &[Vec<String>]) -> f32 {
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

    pub(super) fn table(&mut self, headers: &[String], rows: &[Vec<String>]) -> Node {
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
