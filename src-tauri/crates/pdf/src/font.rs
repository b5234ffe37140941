//! The embedded fonts, and the glyph lookups and measuring the layout needs.
//!
//! We do not run a shaping engine: every character maps to one glyph through the font's
//! `cmap`, advanced by its `hmtx` width. That is right for the Latin, Greek and Cyrillic text
//! an agenda holds (no kerning, which a sans serif at these sizes barely needs), keeps the
//! build small, and guarantees that every glyph maps back to exactly the character it came
//! from, so the text extracts cleanly.

use std::ops::Range;

use krilla::text::{Font, GlyphId as KrillaGlyphId, KrillaGlyph};
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, GlyphId, MetadataProvider};

use crate::PdfError;

/// Liberation Sans 2.1.5 (SIL Open Font License 1.1, see `fonts/LICENSE`).
static REGULAR: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");

/// Which of the two faces to set text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
}

/// One face: the font for krilla to embed, and skrifa's tables to measure with.
struct Loaded {
    pdf: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    /// Ascender and descender (positive, below the baseline) as fractions of the em.
    ascent: f32,
    descent: f32,
}

impl Loaded {
    fn new(data: &'static [u8]) -> Result<Self, PdfError> {
        let font_ref = FontRef::new(data).map_err(|_| PdfError::Font)?;
        let pdf = Font::new(data.into(), 0).ok_or(PdfError::Font)?;
        let metrics = font_ref.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        Ok(Self {
            pdf,
            charmap: font_ref.charmap(),
            metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            ascent: metrics.ascent / units_per_em,
            descent: -metrics.descent / units_per_em,
        })
    }

    /// The glyph for `c` and its advance in ems; `None` when the font lacks it.
    fn glyph(&self, c: char) -> Option<(GlyphId, f32)> {
        let gid = self.charmap.map(c)?;
        let advance = self.metrics.advance_width(gid).unwrap_or(0.0) / self.units_per_em;
        Some((gid, advance))
    }
}

/// The regular and bold faces of the document font.
pub(crate) struct Fonts {
    regular: Loaded,
    bold: Loaded,
}

impl Fonts {
    pub(crate) fn load() -> Result<Self, PdfError> {
        Ok(Self {
            regular: Loaded::new(REGULAR)?,
            bold: Loaded::new(BOLD)?,
        })
    }

    fn face(&self, face: Face) -> &Loaded {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    pub(crate) fn pdf_font(&self, face: Face) -> Font {
        self.face(face).pdf.clone()
    }

    /// Ascender above the baseline, as a fraction of the font size.
    pub(crate) fn ascent(&self, face: Face) -> f32 {
        self.face(face).ascent
    }

    /// Descender below the baseline (positive), as a fraction of the font size.
    pub(crate) fn descent(&self, face: Face) -> f32 {
        self.face(face).descent
    }

    /// Whether the face has a glyph for `c`.
    pub(crate) fn covers(&self, face: Face, c: char) -> bool {
        self.face(face).glyph(c).is_some()
    }

    /// The advance of one character in ems (the `.notdef` box when the font lacks it).
    fn char_advance(&self, face: Face, c: char) -> f32 {
        let loaded = self.face(face);
        match loaded.glyph(c) {
            Some((_, advance)) => advance,
            None => loaded
                .metrics
                .advance_width(GlyphId::NOTDEF)
                .map_or(0.5, |w| w / loaded.units_per_em),
        }
    }

    /// The width of `text` set in `face` at `size` points.
    pub(crate) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        text.chars().map(|c| self.char_advance(face, c)).sum::<f32>() * size
    }

    /// The glyphs that set `text`, each mapped back to the bytes of its character.
    pub(crate) fn glyphs(&self, face: Face, text: &str) -> Vec<KrillaGlyph> {
        let loaded = self.face(face);
        text.char_indices()
            .map(|(i, c)| {
                let range: Range<usize> = i..i + c.len_utf8();
                let (gid, advance) = loaded
                    .glyph(c)
                    .unwrap_or_else(|| (GlyphId::NOTDEF, self.char_advance(face, c)));
                KrillaGlyph::new(KrillaGlyphId::new(gid.to_u32()), advance, 0.0, 0.0, 0.0, range, None)
            })
            .collect()
    }
}
