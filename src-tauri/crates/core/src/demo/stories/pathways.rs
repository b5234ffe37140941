//! How each kind of story unfolds after the referral: child protection, child in need, looked
//! after, pre-birth, and no further action.

use chrono::{Duration, Months, NaiveDate};

use super::{
    conference_invitees, conference_paperwork, each_child, referral_and_strategy, spec, visits, Family, CATEGORIES,
};
use crate::demo::{plus, Builder};
use crate::model::*;

pub(super) fn child_protection(b: &mut Builder, fam: &Family, start: NaiveDate) {
    let strat = referral_and_strategy(b, fam, start);
    let chair = Some(*b.rng.pick(&b.staff.chairs.clone()));
    let mt = b.staff.minute_taker;
    // Most ICPCs inside 15 working days, some late; a recent one may not be held yet.
    let offset = if b.rng.chance(75) {
        b.rng.range(8, 15)
    } else {
        b.rng.range(16, 24)
    } as u32;
    let icpc_due = plus(&b.cal, strat, offset);
    if icpc_due >= b.today && b.rng.chance(50) {
        // Not yet booked: the dashboard shows it due soon or overdue.
        return;
    }
    if b.rng.chance(8) {
        let mut cancelled = spec(
            MeetingKind::Icpc,
            fam,
            plus(&b.cal, strat, 6),
            120,
            chair,
            mt,
            conference_invitees(b, fam),
        );
        cancelled.cancelled = true;
        b.meeting(cancelled);
    }
    let inv = conference_invitees(b, fam);
    let icpc = b.meeting(spec(MeetingKind::Icpc, fam, icpc_due, 120, chair, mt, inv));
    if icpc >= b.today {
        return;
    }
    conference_paperwork(b, fam, icpc, 2);
    let category = *b.rng.pick(&CATEGORIES);
    // A plan lasts a few months to over a year; some have ended.
    let plan_end = if b.rng.chance(30) {
        Some(icpc + Duration::days(b.rng.range(120, 400)))
    } else {
        None
    };
    for c in &fam.children {
        b.episode(*c, EpisodeKind::ChildProtection { category }, icpc, plan_end);
    }
    let end = plan_end
        .unwrap_or(b.today + Duration::days(60))
        .min(b.today + Duration::days(60));
    // Core groups: first within 10 working days (mostly), then about every 4 weeks.
    let mut cg = plus(
        &b.cal,
        icpc,
        if b.rng.chance(80) { b.rng.range(5, 10) } else { 13 } as u32,
    );
    let core_inv = fam.invite(&[fam.health, fam.dsl]);
    let mut booked_future = false;
    while cg <= end && !booked_future {
        let held = b.meeting(spec(
            MeetingKind::CoreGroup,
            fam,
            cg,
            60,
            Some(fam.sw),
            None,
            core_inv.clone(),
        ));
        booked_future = held >= b.today;
        cg = held
            + Duration::days(if b.rng.chance(80) {
                b.rng.range(21, 28)
            } else {
                b.rng.range(30, 38)
            });
    }
    // Reviews: first within 3 months, then every 6 months.
    let mut due = icpc.checked_add_months(Months::new(3)).unwrap_or(icpc);
    while due <= end {
        let date = if b.rng.chance(80) {
            due - Duration::days(b.rng.range(1, 10))
        } else {
            due + Duration::days(b.rng.range(3, 12))
        };
        if date > b.today + Duration::days(30) {
            break;
        }
        let inv = conference_invitees(b, fam);
        let held = b.meeting(spec(MeetingKind::ReviewConference, fam, date, 90, chair, mt, inv));
        if held < b.today {
            conference_paperwork(b, fam, held, 5);
        }
        due = held.checked_add_months(Months::new(6)).unwrap_or(held);
    }
    if b.rng.chance(50) {
        let inv = fam.invite(&[fam.dsl, fam.health]);
        let date = plus(&b.cal, icpc, b.rng.range(10, 25) as u32);
        b.meeting(spec(
            MeetingKind::FamilyNetworkMeeting,
            fam,
            date,
            120,
            Some(fam.sw),
            None,
            inv,
        ));
    }
    // Professionals meetings between conferences, about every three months.
    let mut pm = icpc + Duration::days(b.rng.range(40, 70));
    while pm < end && pm < b.today + Duration::days(20) {
        let inv = vec![
            (fam.sw, true),
            (fam.tm, false),
            (fam.health, true),
            (fam.dsl, true),
            (fam.police, false),
        ];
        b.meeting(spec(
            MeetingKind::ProfessionalsMeeting,
            fam,
            pm,
            60,
            Some(fam.tm),
            None,
            inv,
        ));
        pm += Duration::days(b.rng.range(80, 110));
    }
    visits(b, fam, icpc, end, (6, 12));
    if let Some(e) = plan_end.filter(|e| *e < b.today) {
        // Stepped down to a child-in-need plan.
        for c in &fam.children {
            b.episode(*c, EpisodeKind::ChildInNeed, e + Duration::days(1), None);
        }
        let inv = fam.invite(&[fam.dsl, fam.health]);
        let review = e.checked_add_months(Months::new(3)).unwrap_or(e) - Duration::days(b.rng.range(0, 15));
        if review < b.today + Duration::days(20) {
            b.meeting(spec(MeetingKind::CinReview, fam, review, 60, Some(fam.sw), None, inv));
        }
        visits(b, fam, e, b.today, (12, 22));
    }
}

pub(super) fn child_in_need(b: &mut Builder, fam: &Family, start: NaiveDate) {
    let referral = b.working_on_or_after(start);
    each_child(
        b,
        fam,
        EventKind::Referral,
        referral,
        "From health services: worries about the family's circumstances.",
    );
    each_child(
        b,
        fam,
        EventKind::ReferralDecision,
        plus(&b.cal, referral, 1),
        "Child and family assessment to start.",
    );
    let assessment = plus(
        &b.cal,
        referral,
        if b.rng.chance(80) {
            b.rng.range(25, 45)
        } else {
            b.rng.range(46, 60)
        } as u32,
    );
    if assessment >= b.today {
        return; // still being assessed: due soon, upcoming or overdue
    }
    each_child(
        b,
        fam,
        EventKind::AssessmentCompleted,
        assessment,
        "Child and family assessment: a child in need plan.",
    );
    for c in &fam.children {
        b.episode(*c, EpisodeKind::ChildInNeed, assessment, None);
    }
    let inv = fam.invite(&[fam.dsl, fam.health]);
    if b.rng.chance(30) {
        b.meeting(spec(
            MeetingKind::FamilyNetworkMeeting,
            fam,
            plus(&b.cal, assessment, 10),
            120,
            Some(fam.sw),
            None,
            inv.clone(),
        ));
    }
    let mut due = assessment.checked_add_months(Months::new(3)).unwrap_or(assessment);
    while due <= b.today + Duration::days(21) {
        let date = if b.rng.chance(75) {
            due - Duration::days(b.rng.range(0, 12))
        } else {
            due + Duration::days(b.rng.range(4, 20))
        };
        let recent = due >= b.today - Duration::days(42);
        if date > b.today + Duration::days(21) || (date < b.today && due < b.today && b.rng.chance(8) && recent) {
            break; // a review that was never booked: overdue, by weeks (a manager would have seen a year)
        }
        let held = b.meeting(spec(
            MeetingKind::CinReview,
            fam,
            date,
            60,
            Some(fam.sw),
            None,
            inv.clone(),
        ));
        due = held.checked_add_months(Months::new(3)).unwrap_or(held);
    }
    visits(b, fam, assessment, b.today, (12, 22));
}

pub(super) fn looked_after(b: &mut Builder, fam: &Family, start: NaiveDate) {
    let became = b.working_on_or_after(start);
    for c in &fam.children {
        b.episode(*c, EpisodeKind::LookedAfter, became, None);
    }
    each_child(
        b,
        fam,
        EventKind::BecameLookedAfter,
        became,
        "Section 20 agreement with the parents.",
    );
    each_child(b, fam, EventKind::PlacementStart, became, "Placed with foster carers.");
    let chair = Some(*b.rng.pick(&b.staff.chairs.clone()));
    let inv = fam.invite(&[fam.dsl]);
    let first = plus(
        &b.cal,
        became,
        if b.rng.chance(85) { b.rng.range(12, 20) } else { 24 } as u32,
    );
    let mut held = b.meeting(spec(MeetingKind::LacReview, fam, first, 90, chair, None, inv.clone()));
    let mut gap = 3;
    while held < b.today {
        let due = held.checked_add_months(Months::new(gap)).unwrap_or(held);
        let date = if b.rng.chance(85) {
            due - Duration::days(b.rng.range(0, 14))
        } else {
            due + Duration::days(b.rng.range(3, 15))
        };
        if date > b.today + Duration::days(45) {
            break;
        }
        held = b.meeting(spec(MeetingKind::LacReview, fam, date, 90, chair, None, inv.clone()));
        gap = 6;
    }
    let first_visit = became + Duration::days(b.rng.range(2, 8));
    each_child(
        b,
        fam,
        EventKind::Visit,
        first_visit,
        "At the placement; child seen alone.",
    );
    let mut v = first_visit;
    loop {
        v += Duration::days(b.rng.range(25, 44));
        if v >= b.today {
            break;
        }
        each_child(b, fam, EventKind::Visit, v, "Seen alone at the placement.");
    }
}

pub(super) fn pre_birth(b: &mut Builder, fam: &Family) {
    let referral = b.today - Duration::days(b.rng.range(30, 60));
    let strat = referral_and_strategy(b, fam, referral);
    let chair = Some(*b.rng.pick(&b.staff.chairs.clone()));
    let mut inv = conference_invitees(b, fam);
    if let Some(mw) = b.staff.midwife {
        inv.push((mw, true));
    }
    let date = plus(&b.cal, strat.max(b.today), b.rng.range(3, 10) as u32);
    b.meeting(spec(
        MeetingKind::PreBirthConference,
        fam,
        date,
        120,
        chair,
        b.staff.minute_taker,
        inv,
    ));
}

pub(super) fn no_further_action(b: &mut Builder, fam: &Family, start: NaiveDate) {
    let strat = referral_and_strategy(b, fam, start);
    let nfa = plus(&b.cal, strat, b.rng.range(3, 12) as u32);
    each_child(
        b,
        fam,
        EventKind::NoFurtherAction,
        nfa,
        "Section 47 enquiry concluded: no further action under child protection procedures.",
    );
    if b.rng.chance(50) {
        let inv = fam.invite(&[fam.dsl, fam.health]);
        b.meeting(spec(
            MeetingKind::ProfessionalsMeeting,
            fam,
            plus(&b.cal, nfa, 5),
            60,
            Some(fam.tm),
            None,
            inv,
        ));
    }
}
