//! Writes a [`Layout`] as a tagged PDF with krilla.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag, TagGroup, TagKind,
    TagTree,
};
use krilla::{Document as PdfDocument, SerializeSettings};

use crate::font::Fonts;
use crate::layout::{Kind, Layout, Mark, Node, Op, Rgb, PAGE_HEIGHT, PAGE_WIDTH};
use crate::{Document, PdfError};

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c[0], c[1], c[2])
}

/// Whether the font has a glyph for every character drawn. PDF/UA forbids the `.notdef`
/// glyph, so a document with uncovered characters is written tagged but without the claim.
fn fully_covered(fonts: &Fonts, layout: &Layout) -> bool {
    layout.pages.iter().flatten().all(|op| match op {
        Op::Text(t) => t.text.chars().all(|c| fonts.covers(t.face, c)),
        Op::Rect { .. } => true,
    })
}

fn settings(accessible: bool) -> Result<SerializeSettings, PdfError> {
    let mut builder = ConfigurationBuilder::new();
    if accessible {
        builder = builder.with_accessibility_validator(Accessibility::UA1);
    }
    let configuration = builder.finish().map_err(|e| PdfError::Write(format!("{e:?}")))?;
    Ok(SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    })
}

pub(crate) fn write(doc: &Document, fonts: &Fonts, layout: Layout) -> Result<Vec<u8>, PdfError> {
    let accessible = fully_covered(fonts, &layout);
    let mut pdf = PdfDocument::new_with(settings(accessible)?);
    let page_settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| PdfError::Write("invalid page size".to_owned()))?;

    let mut identifiers: Vec<Option<Identifier>> = vec![None; layout.leaves];
    for ops in &layout.pages {
        let mut page = pdf.start_page_with(page_settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op, &mut identifiers);
        }
        surface.finish();
        page.finish();
    }

    let mut tree = TagTree::new();
    if !doc.lang.is_empty() {
        tree = tree.with_lang(Some(doc.lang.clone()));
    }
    for node in &layout.structure {
        if let Some(node) = tag_node(node, &mut identifiers) {
            tree.push(node);
        }
    }
    pdf.set_tag_tree(tree);

    let mut outline = Outline::new();
    let mut top: Option<OutlineNode> = None;
    for mark in &layout.bookmarks {
        let node = OutlineNode::new(
            mark.text.clone(),
            XyzDestination::new(mark.page, Point::from_xy(mark.x, mark.y)),
        );
        match (&mut top, mark.level) {
            (Some(parent), level) if level > 1 => parent.push_child(node),
            _ => {
                if let Some(done) = top.replace(node.with_open(true)) {
                    outline.push_child(done);
                }
            }
        }
    }
    if let Some(done) = top {
        outline.push_child(done);
    }
    pdf.set_outline(outline);

    let mut metadata = Metadata::new().title(layout_title(doc));
    if !doc.lang.is_empty() {
        metadata = metadata.language(doc.lang.clone());
    }
    pdf.set_metadata(metadata);

    pdf.finish().map_err(|e| PdfError::Write(e.to_string()))
}

fn layout_title(doc: &Document) -> String {
    crate::layout::clean(&doc.title)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn draw(surface: &mut Surface, fonts: &Fonts, op: &Op, identifiers: &mut [Option<Identifier>]) {
    match op {
        Op::Text(text) => {
            let tag = match text.mark {
                Mark::Leaf(_) => ContentTag::Span(SpanTag::empty()),
                Mark::Footer => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Footer)),
                Mark::PageNumber => ContentTag::Artifact(Artifact::with_kind(ArtifactType::PageNumber)),
                Mark::Pagination => ContentTag::Artifact(Artifact::with_kind(ArtifactType::PaginationOther)),
            };
            let id = surface.start_tagged(tag);
            if let Mark::Leaf(leaf) = text.mark {
                if let Some(slot) = identifiers.get_mut(leaf) {
                    *slot = Some(id);
                }
            }
            surface.set_fill(Some(Fill {
                paint: color(text.color).into(),
                ..Fill::default()
            }));
            surface.set_stroke(None);
            let glyphs = fonts.glyphs(text.face, &text.text);
            surface.draw_glyphs(
                Point::from_xy(text.x, text.baseline),
                &glyphs,
                fonts.pdf_font(text.face),
                &text.text,
                text.size,
                false,
            );
            surface.end_tagged();
        }
        Op::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                return;
            };
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            let Some(path) = builder.finish() else {
                return;
            };
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)));
            surface.set_fill(fill.map(|c| Fill {
                paint: color(c).into(),
                ..Fill::default()
            }));
            surface.set_stroke(stroke.map(|(c, width)| Stroke {
                paint: color(c).into(),
                width,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
            surface.end_tagged();
        }
    }
}

/// The krilla tag group for a structure node, taking each leaf's identifier (each is used
/// exactly once). Groups without children are dropped, as krilla would drop them.
fn tag_node(node: &Node, identifiers: &mut [Option<Identifier>]) -> Option<krilla::tagging::Node> {
    match node {
        Node::Leaf(leaf) => identifiers
            .get_mut(*leaf)
            .and_then(Option::take)
            .map(krilla::tagging::Node::Leaf),
        Node::Group(kind, children) => {
            let children: Vec<_> = children
                .iter()
                .filter_map(|child| tag_node(child, identifiers))
                .collect();
            if children.is_empty() {
                return None;
            }
            Some(TagGroup::with_children(tag_kind(kind), children).into())
        }
    }
}

fn tag_kind(kind: &Kind) -> TagKind {
    match kind {
        Kind::Heading(level, title) => {
            Tag::Hn(NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN), Some(title.clone())).into()
        }
        Kind::Paragraph => Tag::P.into(),
        Kind::List { numbered } => Tag::L(if *numbered {
            ListNumbering::Decimal
        } else {
            ListNumbering::Disc
        })
        .into(),
        Kind::ListItem => Tag::LI.into(),
        Kind::ListLabel => Tag::Lbl.into(),
        Kind::ListBody => Tag::LBody.into(),
        Kind::Table => Tag::Table.into(),
        Kind::TableHead => Tag::THead.into(),
        Kind::TableBody => Tag::TBody.into(),
        Kind::Row => Tag::TR.into(),
        Kind::ColumnHeader => Tag::TH(TableHeaderScope::Column).into(),
        Kind::RowHeader => Tag::TH(TableHeaderScope::Row).into(),
        Kind::Cell => Tag::TD.into(),
    }
}
