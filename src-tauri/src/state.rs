//! The app's state: the store it opened (or why it could not), behind a mutex.

use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use convene_store::{data_dir, Store};

use crate::error::IpcError;

pub struct AppState {
    store: Mutex<Result<Store, IpcError>>,
    dir: Option<std::path::PathBuf>,
}

impl AppState {
    /// Open the store where the CLI would ($CONVENE_DATA_DIR or the platform data dir). A store
    /// that cannot be opened is kept as an error to show, never replaced by an empty one.
    pub fn open_default() -> Self {
        let store = data_dir::resolve(None)
            .and_then(|dir| Store::open(&dir))
            .map_err(IpcError::from);
        AppState {
            store: Mutex::new(store),
        }
    }

    /// Run `f` with the store.
    pub fn with_store<R>(
        &self,
        f: impl FnOnce(&Store) -> Result<R, IpcError>,
    ) -> Result<R, IpcError> {
        let guard: MutexGuard<'_, Result<Store, IpcError>> = self.store.lock().map_err(|_| {
            IpcError::new(
                "internal",
                "Convene hit an internal error; please restart it.",
            )
        })?;
        match &*guard {
            Ok(store) => f(store),
            Err(e) => Err(IpcError(e.0.clone())),
        }
    }
}

/// Today in the UK: the app's only clock read.
pub fn today() -> NaiveDate {
    convene_core::time::uk_date_of(chrono::Utc::now())
}
