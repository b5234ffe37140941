//! One window per store. A second launch on the same data asks the first to bring its window
//! forward and exits, on any desktop: the first launch listens on a Unix socket in the data
//! folder (no D-Bus session needed, unlike the single-instance plugin this replaces). Where no
//! socket can be made, the app starts as usual and sled's lock still keeps a second window off
//! the data, with a sentence saying so.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The socket's name in the data folder.
pub const SOCKET: &str = "instance.sock";
const REQUEST: &str = "show-window\n";
const REPLY: &str = "shown\n";
/// How long either side waits for the other: a hung first instance does not hang the second.
const PATIENCE: Duration = Duration::from_secs(5);

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

/// The first instance's socket.
#[derive(Debug)]
pub struct Listener {
    path: PathBuf,
    #[cfg(unix)]
    listener: std::os::unix::net::UnixListener,
}

/// Look for another instance on the data in `dir`, or become the one later launches find.
pub fn claim(dir: &Path) -> Claim {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        use std::os::unix::net::UnixListener;

        if let Err(e) = std::fs::create_dir_all(dir) {
            return Claim::Unchecked(format!("no data folder: {e}"));
        }
        let path = dir.join(SOCKET);
        // Twice: a launch at the same moment may bind between our look and our bind.
        for _ in 0..2 {
            match ask_to_show(&path) {
                Ok(()) => return Claim::Shown,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                // A socket nobody listens on: left by an instance that was killed.
                Err(e) if e.kind() == io::ErrorKind::ConnectionRefused => {
                    let is_socket = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_socket());
                    if !is_socket {
                        return Claim::Unchecked(format!("{} is not a socket", path.display()));
                    }
                    if let Err(e) = std::fs::remove_file(&path) {
                        return Claim::Unchecked(format!("stale socket not removed: {e}"));
                    }
                }
                Err(e) => return Claim::Unchecked(format!("the other instance did not answer: {e}")),
            }
            match UnixListener::bind(&path) {
                Ok(listener) => return Claim::First(Listener { path, listener }),
                Err(e) if e.kind() == io::ErrorKind::AddrInUse => continue,
                Err(e) => return Claim::Unchecked(format!("no socket: {e}")),
            }
        }
        Claim::Unchecked("another launch holds the socket but does not answer".into())
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Claim::Unchecked("single-instance check not built for this platform".into())
    }
}

/// Connect to the first instance and ask it to show its window; Ok once it says it has.
#[cfg(unix)]
fn ask_to_show(path: &Path) -> io::Result<()> {
    let mut stream = std::os::unix::net::UnixStream::connect(path)?;
    stream.set_read_timeout(Some(PATIENCE))?;
    stream.set_write_timeout(Some(PATIENCE))?;
    stream.write_all(REQUEST.as_bytes())?;
    if read_line(&stream)? == REPLY {
        Ok(())
    } else {
        Err(io::Error::new(io::ErrorKind::InvalidData, "unexpected answer"))
    }
}

/// One short line, at most 64 bytes.
fn read_line(stream: impl Read) -> io::Result<String> {
    let mut line = String::new();
    BufReader::new(stream.take(64)).read_line(&mut line)?;
    Ok(line)
}

impl Listener {
    /// Where the socket is (removed when the app exits).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Answer later launches on a thread of its own: each well-formed request runs `show`, then
    /// gets its reply. Anything else connecting is ignored.
    pub fn serve(self, show: impl Fn() + Send + 'static) {
        #[cfg(unix)]
        {
            let Listener { listener, .. } = self;
            let spawned = std::thread::Builder::new()
                .name("convene-instance".into())
                .spawn(move || {
                    for stream in listener.incoming() {
                        let Ok(mut stream) = stream else { continue };
                        let _ = stream.set_read_timeout(Some(PATIENCE));
                        let _ = stream.set_write_timeout(Some(PATIENCE));
                        if read_line(&stream).is_ok_and(|l| l == REQUEST) {
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
    fn a_path_too_long_for_a_socket_starts_unchecked() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("d".repeat(120));
        assert!(matches!(claim(&deep), Claim::Unchecked(_)));
    }
}
