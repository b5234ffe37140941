//! A rendered [`Agenda`] as a PDF: the same fields, in the same order, as the text and HTML
//! renderers in `convene_core::agenda`, with the family variant's larger type.

use convene_core::agenda::{Agenda, Variant as AgendaVariant};

use crate::{render_with_info, Block, Document, PdfError, Variant};

/// The security marking at the foot of every page of a professional agenda.
pub const MARKING: &str = "OFFICIAL-SENSITIVE";

/// The document an agenda prints as.
pub fn agenda_document(a: &Agenda) -> Document {
    let mut blocks = Vec::new();
    if let Some(status) = &a.status {
        blocks.push(Block::Notice(status.clone()));
    }
    if let Some(purpose) = &a.purpose {
        blocks.push(Block::Paragraph(purpose.clone()));
    }
    blocks.push(Block::Facts(
        a.facts.iter().map(|f| (f.label.clone(), f.value.clone())).collect(),
    ));
    blocks.push(Block::Heading(a.invitees_heading.clone()));
    blocks.push(Block::Table {
        headers: ["Name", "Role", "Organisation", "Attendance"]
            .map(str::to_string)
            .to_vec(),
        rows: a
            .invitees
            .iter()
            .map(|i| {
                vec![
                    i.name.clone(),
                    i.role.clone(),
                    i.agency.clone(),
                    if i.required { "Expected" } else { "Optional" }.to_string(),
                ]
            })
            .collect(),
    });
    blocks.push(Block::Heading(a.items_heading.clone()));
    blocks.push(Block::List {
        numbered: true,
        items: a.items.clone(),
    });
    blocks.push(Block::Notice(a.notice.clone()));
    Document {
        title: a.title.clone(),
        subtitle: vec![],
        blocks,
        footer: match a.variant {
            AgendaVariant::Professional => Some(MARKING.to_string()),
            AgendaVariant::Family => None,
        },
        lang: "en-GB".to_string(),
    }
}

/// The characters of an agenda its PDF cannot show (`uncovered_characters`).
pub fn agenda_uncovered_characters(a: &Agenda) -> Result<Vec<char>, PdfError> {
    crate::uncovered_characters(&agenda_document(a))
}

/// An agenda's PDF bytes and its number of pages.
pub fn agenda_pdf(a: &Agenda) -> Result<(Vec<u8>, usize), PdfError> {
    let variant = match a.variant {
        AgendaVariant::Professional => Variant::Professional,
        AgendaVariant::Family => Variant::Family,
    };
    render_with_info(&agenda_document(a), variant)
}
