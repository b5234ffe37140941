//! Renders a short, generic document — in practice a meeting agenda — to the bytes of an A4
//! PDF.
//!
//! The layout knows nothing of meetings: callers describe a [`Document`] as a title, a few
//! subtitle lines and a sequence of [`Block`]s, and [`render`] lays it out and writes the PDF.
//! [`agenda_pdf`] maps a rendered `convene_core::agenda::Agenda` to a document and renders it.
//! It is pure: no file or network IO (the fonts are compiled in) and no clock (the PDF carries
//! no creation date), so the same input always gives the same bytes.
//!
//! What the output guarantees:
//! - A4 pages, text wrapped to the column (long words broken where they must be), new pages
//!   when content overflows, and "Page 1 of 2" in the footer when there is more than one page;
//! - the fonts (Liberation Sans, regular and bold) embedded as subsets, every glyph mapped
//!   back to its character, so the text can be selected, searched and extracted;
//! - a tagged PDF (headings, paragraphs, lists, tables with header cells, footer and
//!   decoration marked as artifacts), with the title, language and an outline, declared as
//!   PDF/UA-1 whenever the font covers every character of the text.
//!
//! ```
//! use convene_pdf::{render, Block, Document, Variant};
//!
//! let doc = Document {
//!     title: "Core group meeting".into(),
//!     blocks: vec![
//!         Block::Facts(vec![("When".into(), "Tuesday 12 May 2026, 10:00–11:30".into())]),
//!         Block::List { numbered: true, items: vec!["Introductions".into()] },
//!     ],
//!     ..Document::default()
//! };
//! let pdf = render(&doc, Variant::Family).unwrap();
//! assert!(pdf.starts_with(b"%PDF-"));
//! ```

mod agenda;
mod font;
mod layout;
mod write;

pub use agenda::{agenda_document, agenda_pdf, agenda_uncovered_characters, MARKING};

/// A document to render: a title, subtitle lines, content blocks, and a footer line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The title, shown as the top-level heading and stored as the PDF's title. Required.
    pub title: String,
    /// Lines shown under the title, e.g. the child's initials and the meeting type.
    pub subtitle: Vec<String>,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
    /// Text repeated at the foot of every page (e.g. a security marking).
    pub footer: Option<String>,
    /// The document's language as a BCP 47 tag, e.g. "en-GB". Empty: not declared.
    pub lang: String,
}

impl Default for Document {
    fn default() -> Self {
        Self {
            title: String::new(),
            subtitle: Vec::new(),
            blocks: Vec::new(),
            footer: None,
            lang: "en-GB".to_owned(),
        }
    }
}

/// One block of content. Text may contain any characters; `\n` starts a new line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading.
    Heading(String),
    /// A paragraph of running text.
    Paragraph(String),
    /// Label and value pairs, one per line, e.g. "When" → "Tuesday 12 May 2026, 10:00–11:30".
    Facts(Vec<(String, String)>),
    /// A numbered or bulleted list.
    List { numbered: bool, items: Vec<String> },
    /// A table with a header row. Rows shorter than `headers` are padded with empty cells.
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A boxed notice, e.g. about confidentiality.
    Notice(String),
}

/// Who the document is for, which sets its type sizes and spacing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Variant {
    /// For professionals: compact, 10.5 pt body text.
    #[default]
    Professional,
    /// For the family: 14 pt body text and more generous spacing.
    Family,
}

impl Variant {
    /// The size of body text, in points.
    pub fn body_font_size(self) -> f32 {
        layout::Style::for_variant(self).body
    }
}

/// Why a document could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The title is empty; every PDF needs one (it is also the accessible document title).
    #[error("the document has no title")]
    MissingTitle,
    /// A table that cannot be laid out.
    #[error("table in block {block}: {problem}")]
    InvalidTable {
        /// The index of the block in [`Document::blocks`].
        block: usize,
        problem: &'static str,
    },
    /// The embedded font could not be read (a build problem, not an input problem).
    #[error("the embedded font could not be loaded")]
    Font,
    /// The PDF writer failed.
    #[error("could not write the PDF: {0}")]
    Write(String),
}

/// The characters of `doc` its font has no letter for (a name in Arabic, Bengali or Chinese
/// script, say), which the PDF shows as empty boxes; each once, in order of appearance. The
/// window's own print of an agenda has no such gap: the system's fonts fill it.
pub fn uncovered_characters(doc: &Document) -> Result<Vec<char>, PdfError> {
    let fonts = font::Fonts::load()?;
    let mut texts: Vec<&str> = vec![&doc.title];
    texts.extend(doc.subtitle.iter().map(String::as_str));
    for block in &doc.blocks {
        match block {
            Block::Heading(t) | Block::Paragraph(t) | Block::Notice(t) => texts.push(t),
            Block::Facts(pairs) => texts.extend(pairs.iter().flat_map(|(a, b)| [a.as_str(), b.as_str()])),
            Block::List { items, .. } => texts.extend(items.iter().map(String::as_str)),
            Block::Table { headers, rows } => {
                texts.extend(headers.iter().map(String::as_str));
                texts.extend(rows.iter().flatten().map(String::as_str));
            }
        }
    }
    texts.extend(doc.footer.as_deref());
    let mut out: Vec<char> = Vec::new();
    for c in texts.iter().flat_map(|t| t.chars()) {
        if !c.is_whitespace() && !c.is_control() && !fonts.covers(font::Face::Regular, c) && !out.contains(&c) {
            out.push(c);
        }
    }
    Ok(out)
}

/// Renders `doc` to the bytes of a PDF file.
pub fn render(doc: &Document, variant: Variant) -> Result<Vec<u8>, PdfError> {
    Ok(render_with_info(doc, variant)?.0)
}

/// Like [`render`], also returning the number of pages.
pub fn render_with_info(doc: &Document, variant: Variant) -> Result<(Vec<u8>, usize), PdfError> {
    if doc.title.trim().is_empty() {
        return Err(PdfError::MissingTitle);
    }
    for (block, content) in doc.blocks.iter().enumerate() {
        if let Block::Table { headers, rows } = content {
            if headers.is_empty() {
                return Err(PdfError::InvalidTable {
                    block,
                    problem: "it has no header cells",
                });
            }
            if rows.iter().any(|row| row.len() > headers.len()) {
                return Err(PdfError::InvalidTable {
                    block,
                    problem: "a row has more cells than there are headers",
                });
            }
        }
    }
    let fonts = font::Fonts::load()?;
    let style = layout::Style::for_variant(variant);
    let laid_out = layout::lay_out(doc, &fonts, &style);
    let pages = laid_out.pages.len();
    let bytes = write::write(doc, &fonts, laid_out)?;
    Ok((bytes, pages))
}
