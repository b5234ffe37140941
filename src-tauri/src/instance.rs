//! One window per store. A second launch on the same data asks the first to bring its window
//! forward and exits, on any Linux desktop: no D-Bus session is needed, unlike the
//! single-instance plugin this replaces. The first launch holds a lock on `instance.lock` in
//! the data folder for its whole life and listens on `instance.sock` beside it; only the lock's
//! holder ever removes or binds the socket, so two launches at the same moment cannot both
//! listen. Where no check is possible the app starts as usual, and sled's lock still keeps a
//! second window off the data, with a sentence saying so.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The socket's name in the data folder.
pub const SOCKET: &str = "instance.sock";
/// The lock held by the first instance.
pub const LOCK: &str = "instance.lock";
const REQUEST: &str = "show-window\n";
const REPLY: &str = "shown\n";
/// How long a later launch keeps trying the first one (which may still be starting).
const PATIENCE: Duration = Duration::from_secs(10);
/// How long the first instance gives one connection to say what it wants.
const HEARING: Duration = Duration::from_secs(1);

/// What a launch found.
#[derive(Debug)]
pub enum Claim {
    /// No other instance has this data: this one listens for later launches.
    First(Listener),
    /// Another instance has this data and has brought its window forward.
    Shown,
    /// No check was possible (the reason, for the log); start as usual.
    Unchecked(String),
}

/// The first instance's lock and socket.
#[derive(Debug)]
pub struct Listener {
    path: PathBuf,
    #[cfg(unix)]
    listener: std::os::unix::net::UnixListener,
    /// Held until the process ends.
    #[cfg(unix)]
    _lock: std::fs::File,
}

/// Look for another instance on the data in `dir`, or become the one later launches find.
pub fn claim(dir: &Path) -> Claim {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, PermissionsExt};
        use std::os::unix::net::UnixListener;

        if let Err(e) = std::fs::create_dir_all(dir) {
            return Claim::Unchecked(format!("no data folder: {e}"));
        }
        let lock = match std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(LOCK))
        {
            Ok(f) => f,
            Err(e) => return Claim::Unchecked(format!("no lock file: {e}")),
        };
        let path = dir.join(SOCKET);
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return ask_until_answered(&path),
            Err(std::fs::TryLockError::Error(e)) => return Claim::Unchecked(format!("no lock: {e}")),
        }
        // We hold the lock: a socket still there was left by an instance that was killed.
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_socket() => {
                if let Err(e) = std::fs::remove_file(&path) {
                    if e.kind() != io::ErrorKind::NotFound {
                        return Claim::Unchecked(format!("stale socket not removed: {e}"));
                    }
                }
            }
            Ok(_) => return Claim::Unchecked(format!("{} is not a socket", path.display())),
            Err(_) => {}
        }
        match UnixListener::bind(&path) {
            Ok(listener) => {
                // Only this user may ask (the data folder may be readable by others).
                let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
                Claim::First(Listener {
                    path,
                    listener,
                    _lock: lock,
                })
            }
            Err(e) if e.kind() == io::ErrorKind::InvalidInput => too_long(&e),
            Err(e) => Claim::Unchecked(format!("no socket: {e}")),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Claim::Unchecked("single-instance check not built for this platform".into())
    }
}

/// Another instance holds the lock: ask it to show its window, trying again while it starts.
#[cfg(unix)]
fn ask_until_answered(path: &Path) -> Claim {
    let until = Instant::now() + PATIENCE;
    loop {
        match ask_to_show(path) {
            Ok(()) => return Claim::Shown,
            Err(e) if e.kind() == io::ErrorKind::InvalidInput => return too_long(&e),
            Err(e) if Instant::now() >= until => {
                return Claim::Unchecked(format!("the other instance did not answer: {e}"))
            }
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

/// The socket's path is longer than a Unix socket address allows (binding or connecting).
#[cfg(unix)]
fn too_long(e: &io::Error) -> Claim {
    Claim::Unchecked(format!("the data folder's path is too long for a socket: {e}"))
}

/// Connect to the first instance and ask it to show its window; Ok once it says it has.
#[cfg(unix)]
fn ask_to_show(path: &Path) -> io::Result<()> {
    let mut stream = std::os::unix::net::UnixStream::connect(path)?;
    stream.set_read_timeout(Some(PATIENCE))?;
    stream.set_write_timeout(Some(PATIENCE))?;
    stream.write_all(REQUEST.as_bytes())?;
    if read_line(&stream, Instant::now() + PATIENCE)? == REPLY {
        Ok(())
    } else {
        Err(io::Error::new(io::ErrorKind::InvalidData, "unexpected answer"))
    }
}

/// One short line (at most 64 bytes), read by `deadline` (each read also has the stream's timeout).
fn read_line(stream: impl Read, deadline: Instant) -> io::Result<String> {
    let mut line = Vec::new();
    let mut reader = BufReader::new(stream.take(64));
    while !line.ends_with(b"\n") {
        if Instant::now() >= deadline {
            return Err(io::Error::new(io::ErrorKind::TimedOut, "too slow"));
        }
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            break;
        }
        let n = chunk.iter().position(|&b| b == b'\n').map_or(chunk.len(), |i| i + 1);
        line.extend_from_slice(&chunk[..n]);
        reader.consume(n);
    }
    Ok(String::from_utf8_lossy(&line).into_owned())
}

impl Listener {
    /// Where the socket is (removed when the app exits, while this instance still holds the lock).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Answer later launches on a thread of its own: each well-formed request runs `show`, then
    /// gets its reply. Anything else connecting is heard for a second at most, then ignored.
    pub fn serve(self, show: impl Fn() + Send + 'static) {
        #[cfg(unix)]
        {
            let spawned = std::thread::Builder::new()
                .name("convene-instance".into())
                .spawn(move || {
                    // The lock lives as long as this thread, which is as long as the process.
                    let Listener { listener, _lock, .. } = self;
                    for stream in listener.incoming() {
                        let Ok(mut stream) = stream else {
                            // Out of file descriptors, say: wait rather than spin.
                            std::thread::sleep(Duration::from_millis(100));
                            continue;
                        };
                        let _ = stream.set_read_timeout(Some(HEARING));
                        let _ = stream.set_write_timeout(Some(HEARING));
                        if read_line(&stream, Instant::now() + HEARING).is_ok_and(|l| l == REQUEST) {
                            show();
                            let _ = stream.write_all(REPLY.as_bytes());
                        }
                    }
                });
            if let Err(e) = spawned {
                eprintln!("Convene will not bring its window forward for a second launch: {e}");
            }
        }
        #[cfg(not(unix))]
        let _ = (self, show);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::sync::mpsc;

    fn first(dir: &Path) -> (mpsc::Receiver<()>, PathBuf) {
        let claimed = claim(dir);
        assert!(matches!(claimed, Claim::First(_)), "not first: {claimed:?}");
        let Claim::First(listener) = claimed else {
            unreachable!()
        };
        let path = listener.path().to_path_buf();
        let (tx, rx) = mpsc::channel();
        listener.serve(move || {
            let _ = tx.send(());
        });
        (rx, path)
    }

    #[test]
    fn a_second_launch_shows_the_first_window_and_a_third_does_too() {
        let dir = tempfile::tempdir().unwrap();
        let (shown, path) = first(dir.path());
        assert_eq!(path, dir.path().join(SOCKET));
        assert!(matches!(claim(dir.path()), Claim::Shown));
        assert!(matches!(claim(dir.path()), Claim::Shown));
        assert_eq!(shown.try_iter().count(), 2);
    }

    #[test]
    fn another_data_folder_is_another_instance() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let (_shown, _) = first(a.path());
        assert!(matches!(claim(b.path()), Claim::First(_)));
    }

    #[test]
    fn a_socket_left_by_a_killed_instance_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        drop(std::os::unix::net::UnixListener::bind(dir.path().join(SOCKET)).unwrap());
        assert!(dir.path().join(SOCKET).exists());
        let (shown, _) = first(dir.path());
        assert!(matches!(claim(dir.path()), Claim::Shown));
        assert_eq!(shown.try_iter().count(), 1);
    }

    #[test]
    fn a_file_that_is_not_a_socket_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(SOCKET), "notes").unwrap();
        assert!(matches!(claim(dir.path()), Claim::Unchecked(_)));
        assert_eq!(std::fs::read_to_string(dir.path().join(SOCKET)).unwrap(), "notes");
    }

    #[test]
    fn junk_on_the_socket_shows_nothing_and_stops_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let (shown, path) = first(dir.path());
        let mut junk = std::os::unix::net::UnixStream::connect(&path).unwrap();
        junk.write_all(b"GET / HTTP/1.1\r\n").unwrap();
        drop(junk);
        // A client that connects and says nothing, then leaves.
        drop(std::os::unix::net::UnixStream::connect(&path).unwrap());
        assert!(matches!(claim(dir.path()), Claim::Shown));
        assert_eq!(shown.try_iter().count(), 1);
    }

    #[test]
    fn a_launch_while_the_first_is_still_starting_waits_for_it() {
        let dir = tempfile::tempdir().unwrap();
        let claimed = claim(dir.path());
        assert!(matches!(claimed, Claim::First(_)), "not first: {claimed:?}");
        let Claim::First(listener) = claimed else {
            unreachable!()
        };
        let (tx, shown) = mpsc::channel();
        // The first instance only answers once its window exists.
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(500));
            listener.serve(move || {
                let _ = tx.send(());
            });
        });
        assert!(matches!(claim(dir.path()), Claim::Shown));
        assert_eq!(shown.try_iter().count(), 1);
    }

    #[test]
    fn the_socket_is_only_for_this_user() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (_shown, path) = first(dir.path());
        assert_eq!(std::fs::metadata(path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn a_path_too_long_for_a_socket_starts_unchecked() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("d".repeat(120));
        let claimed = claim(&deep);
        assert!(
            matches!(&claimed, Claim::Unchecked(why) if why.contains("too long")),
            "{claimed:?}"
        );
    }
}
