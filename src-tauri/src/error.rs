//! Every error that reaches the window goes through here, once, into `UiError {kind, message}`.

use convene_core::views::UiError;
use convene_core::{CalendarError, RuleError, ValidationError};
use convene_store::StoreError;

#[derive(Debug)]
pub struct IpcError(pub UiError);

impl IpcError {
    pub fn new(kind: &str, message: impl Into<String>) -> Self {
        IpcError(UiError {
            kind: kind.to_string(),
            message: message.into(),
        })
    }
}

impl serde::Serialize for IpcError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl From<StoreError> for IpcError {
    fn from(e: StoreError) -> Self {
        IpcError::new(e.kind(), e.to_string())
    }
}

impl From<RuleError> for IpcError {
    fn from(e: RuleError) -> Self {
        IpcError::new("rules", e.to_string())
    }
}

impl From<CalendarError> for IpcError {
    fn from(e: CalendarError) -> Self {
        IpcError::new("calendar", e.to_string())
    }
}

impl From<ValidationError> for IpcError {
    fn from(e: ValidationError) -> Self {
        IpcError::new("invalid", e.to_string())
    }
}

impl From<convene_core::whatif::WhatIfError> for IpcError {
    fn from(e: convene_core::whatif::WhatIfError) -> Self {
        IpcError::new("what-if", e.to_string())
    }
}

impl From<convene_core::agenda::AgendaError> for IpcError {
    fn from(e: convene_core::agenda::AgendaError) -> Self {
        match e {
            convene_core::agenda::AgendaError::Validation(v) => v.into(),
            convene_core::agenda::AgendaError::Calendar(c) => c.into(),
        }
    }
}

impl From<convene_pdf::PdfError> for IpcError {
    fn from(e: convene_pdf::PdfError) -> Self {
        IpcError::new("pdf", format!("The agenda could not be made into a PDF: {e}."))
    }
}

impl From<convene_core::outcome::OutcomeError> for IpcError {
    fn from(e: convene_core::outcome::OutcomeError) -> Self {
        IpcError::new("outcome", e.to_string())
    }
}

impl From<convene_core::schedule::moving::MoveError> for IpcError {
    fn from(e: convene_core::schedule::moving::MoveError) -> Self {
        use convene_core::schedule::moving::MoveError;
        match e {
            MoveError::UnknownMeeting(_) => IpcError::new("not-found", e.to_string()),
            MoveError::Invalid(v) => v.into(),
            MoveError::Calendar(c) => c.into(),
            MoveError::NotPlanned { .. } | MoveError::InThePast { .. } => IpcError::new("invalid", e.to_string()),
        }
    }
}

impl From<convene_core::schedule::cancelling::CancelError> for IpcError {
    fn from(e: convene_core::schedule::cancelling::CancelError) -> Self {
        use convene_core::schedule::cancelling::CancelError;
        match e {
            CancelError::Invalid(v) => v.into(),
            CancelError::AlreadyCancelled | CancelError::Held | CancelError::ReasonNeeded => {
                IpcError::new("invalid", e.to_string())
            }
        }
    }
}

impl From<convene_core::schedule::after_birth::HoldAsIcpcError> for IpcError {
    fn from(e: convene_core::schedule::after_birth::HoldAsIcpcError) -> Self {
        use convene_core::schedule::after_birth::HoldAsIcpcError;
        match e {
            HoldAsIcpcError::Invalid(v) => v.into(),
            HoldAsIcpcError::NotPreBirth { .. } | HoldAsIcpcError::NotBornYet { .. } => {
                IpcError::new("invalid", e.to_string())
            }
        }
    }
}

impl From<convene_core::schedule::editing::EditError> for IpcError {
    fn from(e: convene_core::schedule::editing::EditError) -> Self {
        use convene_core::schedule::editing::EditError;
        match e {
            EditError::UnknownMeeting(_) => IpcError::new("not-found", e.to_string()),
            EditError::Calendar(c) => c.into(),
            EditError::NotPlanned { .. }
            | EditError::NobodyRequired
            | EditError::NotInvited { .. }
            | EditError::InvitedTwice { .. } => IpcError::new("invalid", e.to_string()),
        }
    }
}

impl From<convene_core::settings::SettingsError> for IpcError {
    fn from(e: convene_core::settings::SettingsError) -> Self {
        IpcError::new("settings", e.to_string())
    }
}
