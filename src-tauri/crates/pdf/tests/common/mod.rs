//! Sample documents shared by the tests.
#![allow(dead_code)]

use convene_pdf::{Block, Document};

pub const WHEN: &str = "Tuesday 12 May 2026, 10:00–11:30";

/// A realistic initial child protection conference agenda.
pub fn agenda() -> Document {
    let items = [
        "Welcome, introductions and purpose of the conference",
        "Confidentiality, information sharing and the family’s views",
        "Apologies and quoracy",
        "Report from children’s social care (Chloé Martin, social worker)",
        "Reports from health: health visitor and GP",
        "Report from school: attendance, progress and wellbeing",
        "Police information and checks",
        "Parents’ and family members’ views, including the child’s wishes and feelings",
        "Analysis of risk, strengths and protective factors",
        "Decision: is a child protection plan needed? Category of plan, outline plan and core group membership",
    ];
    let invitees = [
        ("Rebecca O’Neill", "Independent chair", "Children’s Services"),
        ("Chloé Martin", "Social worker", "Children’s Services"),
        ("Aisha Rahman", "Team manager", "Children’s Services"),
        ("Dr Tomás Ferreira", "GP", "Elm Road Surgery"),
        ("Joanne Price", "Health visitor", "Community Health NHS Trust"),
        ("Mark Ellis", "Designated safeguarding lead", "St Mary’s Primary School"),
        ("DC Sam Okafor", "Police officer", "Public Protection Unit"),
        ("Lena Novák", "Family support worker", "Early Help"),
        ("Sarah Jones", "Parent", "—"),
        ("David Jones", "Parent", "—"),
    ];
    Document {
        title: "Initial child protection conference".into(),
        subtitle: vec![
            "Child: A. J. (born 2019)".into(),
            "Convened under section 47, Children Act 1989".into(),
        ],
        blocks: vec![
            Block::Facts(vec![
                ("When".into(), WHEN.into()),
                (
                    "Where".into(),
                    "Room 2, Civic Centre, High Street, and online (Microsoft Teams)".into(),
                ),
                ("Chair".into(), "Rebecca O’Neill, independent chair".into()),
                ("Minutes".into(), "Priya Shah, business support".into()),
            ]),
            Block::Heading("Agenda".into()),
            Block::List {
                numbered: true,
                items: items.iter().map(|s| s.to_string()).collect(),
            },
            Block::Heading("Invited".into()),
            Block::Table {
                headers: vec!["Name".into(), "Role".into(), "Agency".into()],
                rows: invitees
                    .iter()
                    .map(|(n, r, a)| vec![n.to_string(), r.to_string(), a.to_string()])
                    .collect(),
            },
            Block::Notice(
                "Confidential: this agenda contains personal information about a child and family. \
                 Do not forward, copy or share it beyond the people invited. Keep it securely and \
                 destroy it after the conference."
                    .into(),
            ),
        ],
        footer: Some("OFFICIAL–SENSITIVE".into()),
        lang: "en-GB".into(),
    }
}

/// A document far too long for one page.
pub fn long_document() -> Document {
    let mut doc = agenda();
    doc.blocks.push(Block::Heading("Actions from previous meetings".into()));
    doc.blocks.push(Block::List {
        numbered: true,
        items: (1..=80)
            .map(|i| format!("Action {i}: follow up with the family and report back to the core group, noting any change in circumstances"))
            .collect(),
    });
    doc
}
