//! The demo families and what has happened to them: referrals, strategy discussions,
//! conferences, plans, core groups, reviews, visits, care. Mostly in timescale, some late,
//! some overdue, some scheduled.

use chrono::{Duration, NaiveDate};

use super::{people, plus, Builder, MeetingSpec};
use crate::ids::*;
use crate::model::*;

mod pathways;

use pathways::{child_in_need, child_protection, looked_after, no_further_action, pre_birth};

const GIVEN: [&str; 40] = [
    "Amelia", "Noah", "Isla", "Leo", "Ava", "Oscar", "Mia", "Arthur", "Ivy", "Theo", "Freya", "Jack", "Poppy", "Alfie",
    "Rosie", "Finley", "Evie", "Harvey", "Daisy", "Reggie", "Lily", "Ezra", "Maya", "Teddy", "Ruby", "Kai", "Willow",
    "Jude", "Elsie", "Rory", "Hallie", "Luca", "Nell", "Ronan", "Edie", "Caleb", "Orla", "Milo", "Zara", "Sonny",
];
const FAMILY: [&str; 36] = [
    "Ashdown",
    "Brackley",
    "Calder",
    "Dunmore",
    "Elsworth",
    "Farrow",
    "Garside",
    "Hawthorne",
    "Ibbotson",
    "Jessop",
    "Kettering",
    "Lowther",
    "Marlowe",
    "Netherby",
    "Oakhurst",
    "Penrose",
    "Quarry",
    "Rushton",
    "Stainton",
    "Thornbury",
    "Underwood",
    "Varley",
    "Wetherall",
    "Yeadon",
    "Ashworth",
    "Brindley",
    "Colborne",
    "Denholm",
    "Edgerton",
    "Fenwick",
    "Greystoke",
    "Holbrook",
    "Ingram",
    "Jarvis",
    "Kirkland",
    "Lockwood",
];
const PARENT_NAMES: [&str; 12] = [
    "Sarah", "Michael", "Kelly", "Craig", "Donna", "Lee", "Natalie", "Dean", "Stacey", "Wayne", "Leanne", "Gary",
];
const CATEGORIES: [CpCategory; 5] = [
    CpCategory::Neglect,
    CpCategory::Neglect,
    CpCategory::Emotional,
    CpCategory::Physical,
    CpCategory::Multiple,
];

struct Family {
    children: Vec<ChildId>,
    sw: PersonId,
    tm: PersonId,
    parent: PersonId,
    /// The school's designated safeguarding lead: invited only where a child is at school
    /// (`spec` leaves them out otherwise).
    dsl: PersonId,
    /// A child of the family is of school age (4 or over).
    school: bool,
    health: PersonId,
    police: PersonId,
}

impl Family {
    fn invite(&self, others: &[PersonId]) -> Vec<(PersonId, bool)> {
        let mut v: Vec<(PersonId, bool)> = vec![(self.sw, true), (self.parent, true)];
        for p in others {
            if !v.iter().any(|(q, _)| q == p) {
                v.push((*p, true));
            }
        }
        v
    }

    /// Where a referral came from, as its note says: the school for a child at school, else
    /// the health visitor, or before a birth the midwife.
    fn referral_note(&self, unborn: bool) -> &'static str {
        if unborn {
            "From the midwife: worries about the home the baby will come to."
        } else if self.school {
            "From school: injuries and worries about home conditions."
        } else {
            "From the health visitor: injuries and worries about home conditions."
        }
    }
}

/// The number of families in the demo (about 60 children).
pub(super) const DEMO_FAMILIES: usize = 42;

pub(super) fn families(b: &mut Builder, count: usize) {
    let mut child_n = 0usize;
    for f in 0..count {
        // Stories start between ~18 months and ~2 weeks ago.
        let start = b.today - Duration::days(b.rng.range(14, 540));
        let size = match b.rng.range(0, 9) {
            0..=4 => 1,
            5..=8 => 2,
            _ => 3,
        };
        let kind = match f % 20 {
            0..=10 => Story::ChildProtection,
            11..=14 => Story::ChildInNeed,
            15..=17 => Story::LookedAfter,
            18 => Story::PreBirth,
            _ => Story::NoFurtherAction,
        };
        let fam = family(
            b,
            f,
            if kind == Story::LookedAfter || kind == Story::PreBirth {
                1
            } else {
                size
            },
            kind,
            &mut child_n,
        );
        match kind {
            Story::ChildProtection => child_protection(b, &fam, start),
            Story::ChildInNeed => child_in_need(b, &fam, start),
            Story::LookedAfter => looked_after(b, &fam, start),
            Story::PreBirth => pre_birth(b, &fam),
            Story::NoFurtherAction => no_further_action(b, &fam, start),
        }
    }
    // Two stories every demo has, whatever the date: an ICPC already overdue, and one whose
    // strategy discussion was last week, not yet booked, with time left to book it in timescale.
    for (f, days_ago) in [(count, 30), (count + 1, 7)] {
        let fam = family(b, f, 1, Story::ChildProtection, &mut child_n);
        let start = b.cal.sub_working_days(b.today, days_ago).unwrap_or(b.today);
        referral_and_strategy(b, &fam, start);
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Story {
    ChildProtection,
    ChildInNeed,
    LookedAfter,
    PreBirth,
    NoFurtherAction,
}

fn family(b: &mut Builder, f: usize, size: usize, kind: Story, child_n: &mut usize) -> Family {
    let surname = FAMILY[f % FAMILY.len()];
    let parent_given = *b.rng.pick(&PARENT_NAMES);
    let parent = people::parent(b, &format!("{parent_given} {surname}"), "Parent");
    let team_bias = match kind {
        Story::LookedAfter => 8,
        Story::ChildProtection => 4,
        _ => 0,
    };
    let idx = (team_bias + (f % 4)) % b.staff.social_workers.len().max(1);
    let (sw, tm) = b.staff.social_workers[idx];
    let dsl = *b.rng.pick(&b.staff.dsls.clone());
    let visitor = *b.rng.pick(&b.staff.health_visitors.clone());
    let police = *b.rng.pick(&b.staff.police.clone());
    let mut ids = Vec::new();
    for _ in 0..size {
        let id = ChildId(b.rng.uuid());
        let given = if kind == Story::PreBirth {
            "Baby"
        } else {
            GIVEN[*child_n % GIVEN.len()]
        };
        *child_n += 1;
        let birth = if kind == Story::PreBirth {
            Birth::Unborn {
                expected_delivery: b.today + Duration::days(b.rng.range(50, 110)),
            }
        } else {
            Birth::born(b.today - Duration::days(b.rng.range(200, 16 * 365)))
        };
        let mut network = vec![
            NetworkLink {
                person: parent,
                role: NetworkRole::Parent,
            },
            NetworkLink {
                person: dsl,
                role: NetworkRole::School,
            },
            NetworkLink {
                person: police,
                role: NetworkRole::Police,
            },
        ];
        if let Some(gp) = b.staff.gp {
            network.push(NetworkLink {
                person: gp,
                role: NetworkRole::Gp,
            });
        }
        if kind == Story::PreBirth {
            if let Some(mw) = b.staff.midwife {
                network.push(NetworkLink {
                    person: mw,
                    role: NetworkRole::Midwife,
                });
            }
        }
        b.ds.children.push(Child {
            id,
            given_name: given.into(),
            family_name: surname.into(),
            name_display: if (*child_n).is_multiple_of(5) {
                NameDisplay::Initials
            } else {
                NameDisplay::FullName
            },
            birth,
            case_id: format!("DEMO-{:04}", 1000 + *child_n),
            siblings: vec![],
            social_worker: Some(sw),
            network,
        });
        ids.push(id);
    }
    // Health visitors work with the under-fives (and before the birth, with the midwife); a
    // family of school-age children has the school nurse.
    let under_five = |c: &Child| {
        c.birth
            .date_of_birth()
            .is_none_or(|d| b.today - d < Duration::days(5 * 365))
    };
    let young = b.ds.children.iter().filter(|c| ids.contains(&c.id)).any(under_five);
    // A school (and its safeguarding lead) only where a child is 4 or over.
    let at_school = |c: &Child| {
        c.birth
            .date_of_birth()
            .is_some_and(|d| b.today - d >= Duration::days(4 * 365))
    };
    let school = b.ds.children.iter().filter(|c| ids.contains(&c.id)).any(at_school);
    let (health, role) = match b.staff.school_nurse {
        Some(nurse) if !young => (nurse, NetworkRole::SchoolNurse),
        _ => (visitor, NetworkRole::HealthVisitor),
    };
    for c in b.ds.children.iter_mut().filter(|c| ids.contains(&c.id)) {
        c.siblings = ids.iter().copied().filter(|s| *s != c.id).collect();
        c.network.insert(2, NetworkLink { person: health, role });
        if !school {
            c.network.retain(|l| l.role != NetworkRole::School);
        }
    }
    Family {
        children: ids,
        sw,
        tm,
        parent,
        dsl,
        school,
        health,
        police,
    }
}

fn each_child(b: &mut Builder, fam: &Family, kind: EventKind, date: NaiveDate, note: &str) {
    for c in &fam.children {
        b.event(*c, kind, date, note);
    }
}

fn spec(
    kind: MeetingKind,
    fam: &Family,
    date: NaiveDate,
    minutes: i64,
    chair: Option<PersonId>,
    minute_taker: Option<PersonId>,
    invitees: Vec<(PersonId, bool)>,
) -> MeetingSpec {
    MeetingSpec {
        kind,
        children: fam.children.clone(),
        date,
        minutes,
        chair,
        minute_taker,
        invitees,
        left_out: (!fam.school).then_some(fam.dsl),
        cancelled: false,
    }
}

/// Referral, decision (usually next working day) and a strategy discussion.
fn referral_and_strategy(b: &mut Builder, fam: &Family, start: NaiveDate) -> NaiveDate {
    let referral = b.working_on_or_after(start);
    let unborn = fam
        .children
        .iter()
        .any(|c| b.ds.children.iter().any(|x| x.id == *c && x.birth.is_unborn()));
    let note = fam.referral_note(unborn);
    each_child(b, fam, EventKind::Referral, referral, note);
    let decision = plus(&b.cal, referral, if b.rng.chance(85) { 1 } else { 3 });
    each_child(
        b,
        fam,
        EventKind::ReferralDecision,
        decision,
        "Strategy discussion to be convened.",
    );
    // The strategy discussion is what the decision convenes: never before it.
    let strat = plus(&b.cal, referral, b.rng.range(1, 2) as u32).max(decision);
    let inv = fam.invite(&[fam.police, fam.health, fam.dsl]);
    let held = b.meeting(spec(
        MeetingKind::StrategyDiscussion,
        fam,
        strat,
        60,
        Some(fam.tm),
        None,
        inv,
    ));
    each_child(b, fam, EventKind::S47Start, held, "Agreed at the strategy discussion.");
    let days = if b.rng.chance(85) {
        b.rng.range(15, 44)
    } else {
        b.rng.range(46, 55)
    } as u32;
    let assessed = plus(&b.cal, referral, days);
    each_child(
        b,
        fam,
        EventKind::AssessmentCompleted,
        assessed,
        "Child and family assessment completed.",
    );
    held
}

fn conference_paperwork(b: &mut Builder, fam: &Family, conference: NaiveDate, reports_before: u32) {
    let reports = if b.rng.chance(85) {
        b.cal
            .sub_working_days(conference, reports_before + b.rng.range(0, 2) as u32)
            .unwrap_or(conference)
    } else {
        conference
    };
    each_child(
        b,
        fam,
        EventKind::ReportsShared,
        reports,
        "Social work report shared with parents.",
    );
    let letter = plus(&b.cal, conference, if b.rng.chance(90) { 1 } else { 2 });
    if letter < b.today {
        each_child(
            b,
            fam,
            EventKind::DecisionLetterSent,
            letter,
            "To both parents, with the outline plan.",
        );
    }
    let minutes = plus(
        &b.cal,
        conference,
        if b.rng.chance(80) {
            b.rng.range(8, 15) as u32
        } else {
            18
        },
    );
    if minutes < b.today {
        each_child(
            b,
            fam,
            EventKind::MinutesDistributed,
            minutes,
            "To everyone invited, and to the parents.",
        );
    }
}

fn visits(b: &mut Builder, fam: &Family, from: NaiveDate, until: NaiveDate, every: (i64, i64)) {
    let mut d = from;
    loop {
        let step = b.rng.range(every.0, every.1) as u32;
        d = plus(&b.cal, d, step);
        if d > until || d >= b.today {
            break;
        }
        each_child(
            b,
            fam,
            EventKind::Visit,
            d,
            "At home; child seen (and seen alone where old enough).",
        );
    }
}

fn conference_invitees(b: &Builder, fam: &Family) -> Vec<(PersonId, bool)> {
    let mut others = vec![fam.tm, fam.police, fam.health, fam.dsl];
    if let Some(gp) = b.staff.gp {
        others.push(gp);
    }
    fam.invite(&others)
}
