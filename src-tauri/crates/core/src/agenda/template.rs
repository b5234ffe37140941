//! Agenda templates: the default items per meeting kind and variant, local edits kept in the
//! settings, and their reset.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Variant;
use crate::error::ValidationError;
use crate::model::*;
use crate::settings::Settings;

/// Most items a template may have: the agenda is meant to fit one page.
pub const MAX_ITEMS: usize = 20;
/// Longest item, in characters.
pub const MAX_ITEM_CHARS: usize = 200;

/// A locally edited template: the items of one variant of one kind's agenda. Kinds and variants
/// with no edit use the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgendaTemplate {
    pub kind: MeetingKind,
    pub variant: Variant,
    pub items: Vec<String>,
}

/// One kind's template as the settings screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TemplateView {
    pub kind: MeetingKind,
    pub kind_title: String,
    pub variant: Variant,
    pub items: Vec<String>,
    pub edited: bool,
}

/// The default items, from AGENDAS.md for professionals and in plain words for families.
pub fn default_items(kind: MeetingKind, variant: Variant) -> Vec<String> {
    let items: &[&str] = match (kind, variant) {
        (MeetingKind::StrategyDiscussion, Variant::Professional) => &[
            "Introductions, purpose, confidentiality",
            "Family details, other children in the household",
            "Reason for the meeting and the concerns",
            "Information from each agency",
            "Worries, what's working well, emerging danger statement",
            "Decision: section 47 enquiry / single or joint investigation / assessment / no further action",
            "Achieving best evidence interview, medical, legal advice",
            "Immediate safety plan and actions (who, what, by when)",
            "Date of next strategy discussion or ICPC (deadline: 15 working days)",
        ],
        (MeetingKind::StrategyDiscussion, Variant::Family) => &[
            "Who is here and why we are meeting",
            "Your family and the children who live with you",
            "What people are worried about",
            "What each service knows",
            "What is going well, and what worries us",
            "What happens next, and who will talk to you about it",
            "How the children will be kept safe now",
            "When we will meet again",
        ],
        // AGENDAS.md: "As the ICPC, with the expected date of delivery, birth plan, and the
        // review or core group after birth."
        (MeetingKind::PreBirthConference, Variant::Professional) => &[
            "Introductions, purpose, confidentiality, apologies",
            "Reports received and shared (social work, agency and midwifery reports)",
            "Family details, expected date of delivery, reason for the conference",
            "What's working well; what are we worried about (past harm, future danger, complicating factors)",
            "Parents' views; the views of other children in the household",
            "Danger statement, safety goals, scaling",
            "Decision: child protection plan needed from birth? Category (neglect, physical, emotional, sexual, multiple)",
            "Birth plan: where the baby will be born, who is told of the birth, discharge arrangements",
            "Outline plan: what needs to happen before and after the birth",
            "Core group membership; the core group and review after the birth",
        ],
        (MeetingKind::PreBirthConference, Variant::Family) => &[
            "Who is here, and why we are meeting",
            "The reports you have been given",
            "Why we are worried about your baby",
            "What is going well for your family",
            "What we are worried about",
            "What you think, and what any other children want",
            "What needs to change to keep your baby safe",
            "Deciding if your baby needs a child protection plan",
            "The birth plan: where your baby will be born, and what happens straight after",
            "Who will meet with you to help, and when we meet again after the birth",
        ],
        (MeetingKind::Icpc, Variant::Professional) => &[
            "Introductions, purpose, confidentiality, apologies",
            "Reports received and shared (social work report, agency reports)",
            "Family details and reason for the conference",
            "What's working well",
            "What are we worried about (past harm, future danger, complicating factors)",
            "The child's wishes and views; parents' views",
            "Danger statement, safety goals, scaling",
            "Decision: child protection plan needed? Category (neglect, physical, emotional, sexual, multiple)",
            "Outline plan: what needs to happen",
            "Core group membership; first core group (within 10 working days); first review (within 3 months)",
        ],
        (MeetingKind::Icpc, Variant::Family) => &[
            "Who is here, and why we are meeting",
            "The reports you have been given",
            "Why we are worried",
            "What is going well for your family",
            "What we are worried about",
            "What your child wants, and what you think",
            "What needs to change to keep your child safe",
            "Deciding if your child needs a child protection plan",
            "What will happen next",
            "Who will meet with you to help, and when we meet again",
        ],
        (MeetingKind::ReviewConference, Variant::Professional) => &[
            "Introductions, purpose, apologies",
            "Progress against the plan's outcomes since the last conference",
            "Child's views; parents' views",
            "Current worries and strengths; scaling",
            "Are agencies coordinating well? Further assessment needed?",
            "Decision: continue, change, or end the plan (step down to a child-in-need plan); category",
            "Next review (within 6 months)",
        ],
        (MeetingKind::ReviewConference, Variant::Family) => &[
            "Who is here, and why we are meeting",
            "What has changed since the last meeting",
            "What your child wants, and what you think",
            "What is going well, and what still worries us",
            "Is everyone helping in the right way?",
            "Deciding if the plan should carry on, change, or end",
            "When we meet again",
        ],
        (MeetingKind::CoreGroup, Variant::Professional) => &[
            "Apologies; membership check",
            "The children and categories of the plan",
            "Visits since the last meeting (child seen, seen alone)",
            "Updates from each agency and the family",
            "Review and update the plan: actions, owners, deadlines",
            "Safeguarding check: any new worries?",
            "Next core group date",
        ],
        (MeetingKind::CoreGroup, Variant::Family) => &[
            "Who is here",
            "The plan for your children",
            "Visits since we last met",
            "News from you and from each service",
            "What needs doing next, who will do it, and by when",
            "Any new worries",
            "When we meet again",
        ],
        (MeetingKind::CinReview, Variant::Professional) => &[
            "The child's needs and priorities; child's and parents' views",
            "Services provided and their effect; how often the child is seen",
            "Outcomes achieved; who is responsible for what",
            "Decision: continue, step down to early help, close, or escalate to a strategy discussion",
            "Next review date",
        ],
        (MeetingKind::CinReview, Variant::Family) => &[
            "What your child needs, what they want, and what you think",
            "The help you are getting, and whether it is working",
            "What has got better, and who is doing what",
            "Deciding what happens next",
            "When we meet again",
        ],
        (MeetingKind::FamilyNetworkMeeting, Variant::Professional) => &[
            "Information sharing: the worries and what must change",
            "Private family time",
            "Agree the family plan: tasks, deadlines, checks, back-up plan",
            "Agree the safe network of adults around the child",
        ],
        (MeetingKind::FamilyNetworkMeeting, Variant::Family) => &[
            "What people are worried about, and what must change",
            "Time for your family to talk on your own",
            "Your family's plan: who does what, by when, and what happens if it does not work",
            "The adults who will help keep your child safe",
        ],
        (MeetingKind::LacReview, Variant::Professional) => &[
            "Child's views; parents' and carers' views",
            "Care plan and placement stability",
            "Health, education (personal education plan), contact",
            "Permanence plan",
            "Decisions and next review (first within 20 working days of becoming looked after, second within 3 months, then every 6 months)",
        ],
        (MeetingKind::LacReview, Variant::Family) => &[
            "What the child wants, and what parents and carers think",
            "Where the child lives, and how settled they are",
            "Health, school, and time with family",
            "Plans for the longer term",
            "What we decide, and when we meet again",
        ],
        (MeetingKind::ProfessionalsMeeting, Variant::Professional) => &[
            "Introductions, purpose, confidentiality",
            "Information from each agency",
            "Worries and what is working well",
            "Actions (who, what, by when)",
            "Next meeting",
        ],
        (MeetingKind::ProfessionalsMeeting, Variant::Family) => &[
            "Who is here and why",
            "What each service knows",
            "What is going well, and what worries us",
            "What happens next",
        ],
    };
    items.iter().map(|s| s.to_string()).collect()
}

/// The items in force: the local edit if there is one, else the default.
pub fn items(settings: &Settings, kind: MeetingKind, variant: Variant) -> Vec<String> {
    settings
        .agendas
        .iter()
        .find(|t| t.kind == kind && t.variant == variant)
        .map(|t| t.items.clone())
        .unwrap_or_else(|| default_items(kind, variant))
}

/// Every kind's template in both variants, for the settings screen.
pub fn templates(settings: &Settings) -> Vec<TemplateView> {
    MeetingKind::ALL
        .into_iter()
        .flat_map(|kind| {
            Variant::ALL.into_iter().map(move |variant| TemplateView {
                kind,
                kind_title: kind.title().to_string(),
                variant,
                items: items(settings, kind, variant),
                edited: settings.agendas.iter().any(|t| t.kind == kind && t.variant == variant),
            })
        })
        .collect()
}

/// Checks and tidies an edited list of items (blank lines dropped, spaces trimmed).
pub fn clean_items(items: &[String]) -> Result<Vec<String>, ValidationError> {
    let items: Vec<String> = items
        .iter()
        .map(|i| i.trim().to_string())
        .filter(|i| !i.is_empty())
        .collect();
    if items.is_empty() {
        return Err(ValidationError::Empty { field: "The agenda" });
    }
    if items.len() > MAX_ITEMS {
        return Err(ValidationError::TooMany {
            field: "The agenda",
            count: items.len(),
            max: MAX_ITEMS,
        });
    }
    for i in &items {
        let len = i.chars().count();
        if len > MAX_ITEM_CHARS {
            return Err(ValidationError::TooLong {
                field: "An agenda item",
                len,
                max: MAX_ITEM_CHARS,
            });
        }
    }
    Ok(items)
}

/// Stores an edited template in the settings (replacing an earlier edit).
pub fn set_template(
    settings: &mut Settings,
    kind: MeetingKind,
    variant: Variant,
    items: &[String],
) -> Result<(), ValidationError> {
    let items = clean_items(items)?;
    settings.agendas.retain(|t| !(t.kind == kind && t.variant == variant));
    if items != default_items(kind, variant) {
        settings.agendas.push(AgendaTemplate { kind, variant, items });
        settings.agendas.sort_by_key(|t| (t.kind, t.variant));
    }
    Ok(())
}

/// Back to the default items.
pub fn reset_template(settings: &mut Settings, kind: MeetingKind, variant: Variant) {
    settings.agendas.retain(|t| !(t.kind == kind && t.variant == variant));
}
