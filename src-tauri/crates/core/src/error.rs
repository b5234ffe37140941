//! The core's typed errors. Every message is a sentence a practitioner can act on.

use chrono::NaiveDate;
use thiserror::Error;

/// A record or input that breaks a rule of the domain.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ValidationError {
    #[error("'{text}' is not a valid id (expected a UUID such as 6f1c2a9e-...).")]
    BadId { text: String },
    #[error("'{text}' is not a valid date; use YYYY-MM-DD, for example 2026-05-12.")]
    BadDate { text: String },
    #[error("'{text}' is not a valid time; use YYYY-MM-DDTHH:MM, for example 2026-05-12T10:00.")]
    BadTime { text: String },
    #[error("{when} does not exist in the UK: the clocks go forward that night. Choose a time outside {gap}.")]
    NonexistentLocalTime { when: String, gap: String },
    #[error("{when} happens twice in the UK: the clocks go back that night. Say which one you mean by adding +01:00 (BST, the first) or +00:00 (GMT, the second).")]
    AmbiguousLocalTime { when: String },
    #[error("{when} does not carry the UK's offset for that date (expected {expected}).")]
    WrongOffset { when: String, expected: String },
    #[error("It ends ({end}) before or when it starts ({start}).")]
    EndNotAfterStart { start: String, end: String },
    #[error("The meeting lasts more than 12 hours ({start} to {end}); check the dates.")]
    MeetingTooLong { start: String, end: String },
    #[error("The duration must be between 1 and {max} minutes.")]
    BadDuration { max: u32 },
    #[error("{what} {id} does not exist.")]
    UnknownReference { what: &'static str, id: String },
    #[error("A meeting needs at least one child.")]
    NoChildren,
    #[error("{field} must not be empty.")]
    Empty { field: &'static str },
    #[error("{field} must be between {min} and {max}, not {value}.")]
    OutOfRange {
        field: &'static str,
        min: u32,
        max: u32,
        value: u32,
    },
    #[error("{field} is too long ({len} characters; at most {max}).")]
    TooLong {
        field: &'static str,
        len: usize,
        max: usize,
    },
    #[error("{field} has too many items ({count}; at most {max}).")]
    TooMany {
        field: &'static str,
        count: usize,
        max: usize,
    },
    #[error("The episode ends on {end} before it starts on {start}.")]
    EpisodeEndsBeforeStart { start: NaiveDate, end: NaiveDate },
    #[error("A cancelled meeting needs a reason.")]
    CancelWithoutReason,
    #[error("The same {what} appears twice: {id}.")]
    Duplicate { what: &'static str, id: String },
    #[error("'{text}' is not a known {what}. Known: {known}.")]
    UnknownName {
        what: &'static str,
        text: String,
        known: String,
    },
    #[error("A child cannot be their own sibling.")]
    OwnSibling,
    #[error("The working pattern for {day} ends before it starts.")]
    BadWorkingHours { day: String },
    #[error("'{text}' is not a time of day for {day}; use HH:MM, for example 09:00.")]
    BadTimeOfDay { day: String, text: String },
    #[error("{what} {when} is outside the dates Convene handles ({first} to {last}); check the year.")]
    OutsideSupportedDates {
        what: &'static str,
        when: String,
        first: NaiveDate,
        last: NaiveDate,
    },
    #[error("This meeting has been changed too many times ({count}) for calendars to follow another change; add a new meeting instead.")]
    ChangedTooManyTimes { count: u32 },
    #[error("This meeting is {status}: it is a record of what happened and can no longer be changed. Add a new meeting instead.")]
    NotChangeable { status: &'static str },
    #[error("A booked meeting keeps its kind and children: to meet about something else, add a new meeting.")]
    IdentityChanged,
    #[error("{date} is after today: record something once it has happened.")]
    EventInFuture { date: String },
    #[error("The date of birth {date} is after today: for an unborn child give the expected date of delivery.")]
    BirthInFuture { date: String },
    #[error("{what} is already open for this child (since {since}): end it first, or record what happens within it.")]
    EpisodeAlreadyOpen { what: String, since: String },
    #[error(
        "{what} from {start} to {end} overlaps that day: start the new one after it, or remove it if it was a mistake."
    )]
    EpisodeOverlaps { what: String, start: String, end: String },
    #[error("This child has a child protection plan (since {since}): a child in need plan follows it when a review conference steps it down.")]
    ChildInNeedDuringPlan { since: String },
    #[error("The expected date of delivery {date} is {reason}.")]
    UnlikelyDueDate { date: String, reason: &'static str },
    #[error(
        "{name} does not hold cases: a child is allocated to a social worker in one of children's social care's teams."
    )]
    NotASocialWorker { name: String },
    #[error("{name} is recorded as {from} and cannot become {to}: add them as a new person instead.")]
    FamilyOrProfessional {
        name: String,
        from: &'static str,
        to: &'static str,
    },
    #[error(
        "{name} has {children} allocated, and would no longer hold cases: allocate them to another social worker first."
    )]
    StillAllocated { name: String, children: String },
    #[error("{name} manages {team}, a team of their agency: choose another manager for it first.")]
    StillManages { name: String, team: String },
    #[error("{name} is a member of a child's family: only a professional is recorded as leaving.")]
    FamilyDoNotLeave { name: String },
    #[error("The last working day {date} is more than a year from today: check the date.")]
    UnlikelyLastDay { date: String },
    #[error("{name} has {children} allocated: allocate them to another social worker before recording that they are leaving.")]
    LeavingWithChildren { name: String, children: String },
    #[error("{name} manages {team}: choose another manager for it before recording that they are leaving.")]
    LeavingAsManager { name: String, team: String },
    #[error(
        "{name} is part of {meetings} after that day ({first}, the first): invite someone else in their place first."
    )]
    LeavingWithMeetings {
        name: String,
        meetings: String,
        first: String,
    },
    #[error(
        "{name}'s last working day is {last_day}, before this meeting on {date}: invite someone else in their place."
    )]
    AfterLastDay {
        name: String,
        last_day: String,
        date: String,
    },
    #[error("{name}'s last working day is {last_day}: choose someone who is staying.")]
    HasLeft { name: String, last_day: String },
    #[error("There is already {what} called {name}.")]
    NameTaken { what: &'static str, name: String },
    #[error("{name} has people in it, so what kind of agency it is cannot change: add a new agency instead.")]
    AgencyKindFixed { name: String },
    #[error("Teams belong to a professional agency, not to a family.")]
    FamilyHasNoTeams,
    #[error("{name} has people in it, so it cannot move to another agency: add a new team instead.")]
    TeamAgencyFixed { name: String },
    #[error("{name} does not work for {agency}, so cannot manage its team.")]
    ManagerOfAnotherAgency { name: String, agency: String },
    #[error("This episode has already ended ({end}).")]
    EpisodeAlreadyEnded { end: String },
    #[error("A child protection plan starts and ends at a conference: record the conference's outcome.")]
    PlanStartsAtConference,
    #[error("This child's birth is already recorded ({date}).")]
    AlreadyBorn { date: String },
    #[error("Being looked after is an episode, which starts the looked-after reviews: start it on the child's record (Episodes), or with `convene episode start --kind looked-after`.")]
    LookedAfterIsAnEpisode,
    #[error("{a} and {b} are already recorded as brother or sister.")]
    AlreadySiblings { a: String, b: String },
    #[error("{a} and {b} are not recorded as brother or sister.")]
    NotSiblings { a: String, b: String },
    #[error("{name} is {which}: {why}")]
    RoleDoesNotFit {
        name: String,
        which: &'static str,
        why: &'static str,
    },
    #[error("The team {team} is not part of {agency}.")]
    TeamOfAnotherAgency { team: String, agency: String },
    #[error("The date of birth {date} is {reason}.")]
    UnlikelyBirthDate { date: String, reason: &'static str },
    #[error("{name} is already in this child's network as {role}.")]
    AlreadyLinked { name: String, role: String },
    #[error("{name} is not in this child's network as {role}.")]
    NotLinked { name: String, role: String },
}

/// A date that the working-day calendar cannot answer for.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CalendarError {
    #[error("{date} is outside the dates Convene can count working days for ({first} to {last}).")]
    OutOfRange {
        date: NaiveDate,
        first: NaiveDate,
        last: NaiveDate,
    },
}

/// A bank-holiday file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HolidayError {
    #[error("The bank-holiday file is not in GOV.UK's bank-holidays.json format: {detail}")]
    Malformed { detail: String },
    #[error("The bank-holiday file has no '{division}' division.")]
    MissingDivision { division: String },
    #[error("The bank-holiday file has a bad date '{text}' in '{division}'.")]
    BadDate { division: String, text: String },
    #[error(
        "The bank-holiday file has a date '{text}' in '{division}' outside the years Convene covers ({first}–{last})."
    )]
    OutOfRange {
        division: String,
        text: String,
        first: i32,
        last: i32,
    },
}

/// A rule pack, override or query that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    #[error("There is no rule '{id}'. Known rules: {known}.")]
    UnknownRule { id: String, known: String },
    #[error("There is no rule pack '{name}'. Known packs: {known}.")]
    UnknownPack { name: String, known: String },
    #[error("The rule pack is malformed: {detail}")]
    Malformed { detail: String },
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}
