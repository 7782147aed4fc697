//! Every regular file the CLI writes goes through here, so a file the user owns is never lost.
//!
//! - A path that is one of the command's inputs (the same file by canonical path or, on unix,
//!   by device and inode, so symbolic and hard links count) is refused before anything is
//!   opened or created: `wacost bill log.csv --detail log.csv` would otherwise truncate the log
//!   it is about to read.
//! - A regular file is written to a temporary file created beside it (same directory, so the
//!   rename cannot cross file systems) and renamed over it only when the command succeeds. On
//!   failure only that temporary file is removed: the old file stays as it was, and the CLI
//!   never deletes a file it did not create.
//! - Pipes, terminals and devices (an existing target that is not a regular file, or a path
//!   under `/dev` or `/proc` such as `/dev/stdout`) cannot be replaced, so they are written in
//!   place, in append mode: if `/dev/stdout` is redirected to a file, the detail is added after
//!   what is there instead of overwriting it.

use crate::CliError;
use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};

/// The files a command reads, checked against each output before it is created.
#[derive(Debug, Default)]
pub struct Inputs {
    files: Vec<Input>,
}

#[derive(Debug)]
struct Input {
    /// What the file is to the user, as the refusal words it: "the log", "the --settings file".
    what: String,
    /// As the user gave it; `None` for standard input.
    shown: Option<String>,
    identity: Identity,
}

/// Which file a path names: its canonical path and, on unix, its device and inode.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Identity {
    canonical: Option<PathBuf>,
    node: Option<(u64, u64)>,
}

impl Identity {
    fn of(path: &Path) -> Option<Identity> {
        let metadata = fs::metadata(path).ok()?;
        Some(Identity {
            canonical: fs::canonicalize(path).ok(),
            node: node(&metadata),
        })
    }

    fn same_file(&self, other: &Identity) -> bool {
        match (self.node, other.node) {
            (Some(a), Some(b)) => a == b,
            _ => self.canonical.is_some() && self.canonical == other.canonical,
        }
    }
}

#[cfg(unix)]
fn node(metadata: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((metadata.dev(), metadata.ino()))
}

#[cfg(not(unix))]
fn node(_: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

impl Inputs {
    /// Adds a file the command reads. One that does not exist is left out: it cannot be
    /// overwritten, and reading it fails with its own message.
    pub fn file(&mut self, what: &str, path: &str) {
        if let Some(identity) = Identity::of(Path::new(path)) {
            self.files.push(Input {
                what: what.to_string(),
                shown: Some(path.to_string()),
                identity,
            });
        }
    }

    /// Adds standard input when it is a regular file (`wacost bill --detail log.csv < log.csv`);
    /// a terminal or a pipe cannot be overwritten by a path.
    pub fn stdin(&mut self, what: &str) {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            let metadata = io::stdin()
                .as_fd()
                .try_clone_to_owned()
                .map(File::from)
                .and_then(|file| file.metadata());
            if let Ok(metadata) = metadata {
                if metadata.is_file() {
                    self.files.push(Input {
                        what: what.to_string(),
                        shown: None,
                        identity: Identity {
                            canonical: None,
                            node: node(&metadata),
                        },
                    });
                }
            }
        }
        #[cfg(not(unix))]
        let _ = what;
    }
}

/// Where an output goes, checked and decided before anything is created.
#[derive(Debug)]
pub struct Target {
    option: String,
    shown: String,
    place: Place,
}

#[derive(Debug)]
enum Place {
    /// A pipe, terminal or device: opened as it is.
    InPlace(PathBuf),
    /// A regular file, existing or not: replaced by renaming a finished temporary file over it.
    /// `path` is the file itself (a symbolic link is followed, so the link stays a link).
    Replace {
        path: PathBuf,
        permissions: Option<fs::Permissions>,
    },
}

impl Target {
    /// Checks the path given to `--option`: refused if it is one of `inputs`, a directory, or a
    /// symbolic link to nothing. Nothing is opened or created here.
    pub fn check(option: &str, path: &str, inputs: &Inputs) -> Result<Target, CliError> {
        let given = Path::new(path);
        let cannot = |why: String| CliError::usage(format!("cannot write `{path}`: {why}"));
        if let Some(identity) = Identity::of(given) {
            if let Some(input) = inputs
                .files
                .iter()
                .find(|i| i.identity.same_file(&identity))
            {
                let which = match &input.shown {
                    Some(shown) => format!("{} `{shown}`", input.what),
                    None => format!("{} read from standard input", input.what),
                };
                return Err(CliError::usage(format!(
                    "--{option} `{path}` is the same file as {which}: choose another path (nothing was written)"
                )));
            }
        }
        let place = match fs::metadata(given).ok() {
            Some(metadata) if metadata.is_dir() => return Err(cannot("it is a directory".into())),
            Some(metadata) if !metadata.is_file() || is_system_path(given) => {
                Place::InPlace(given.to_path_buf())
            }
            // Replacing it would succeed where writing into it is refused.
            Some(metadata) if metadata.permissions().readonly() => {
                return Err(cannot("it is read-only".into()))
            }
            Some(metadata) => Place::Replace {
                path: fs::canonicalize(given).map_err(|e| cannot(e.to_string()))?,
                permissions: Some(metadata.permissions()),
            },
            None if is_system_path(given) => Place::InPlace(given.to_path_buf()),
            None if fs::symlink_metadata(given).is_ok() => {
                return Err(cannot(
                    "it is a symbolic link to a missing file (name the file itself)".into(),
                ))
            }
            None => Place::Replace {
                path: given.to_path_buf(),
                permissions: None,
            },
        };
        Ok(Target {
            option: option.to_string(),
            shown: path.to_string(),
            place,
        })
    }

    /// Opens the output: the device itself, or a new temporary file beside the regular file.
    pub fn create(self) -> Result<OutputFile, CliError> {
        let cannot = |e: io::Error| CliError::usage(format!("cannot write `{}`: {e}", self.shown));
        let (file, temp) = match &self.place {
            Place::InPlace(path) => (
                OpenOptions::new().append(true).open(path).map_err(cannot)?,
                None,
            ),
            Place::Replace { path, .. } => {
                let (file, temp) = create_beside(path).map_err(|e| {
                    CliError::usage(format!(
                        "cannot write `{}`: cannot create a temporary file in its directory: {e}",
                        self.shown
                    ))
                })?;
                (file, Some(temp))
            }
        };
        Ok(OutputFile {
            target: self,
            writer: Some(BufWriter::with_capacity(1 << 20, file)),
            temp,
        })
    }
}

/// `/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: names of open files or devices, which may lead
/// to a regular file (standard output redirected to one) that must not be replaced.
fn is_system_path(path: &Path) -> bool {
    cfg!(unix) && (path.starts_with("/dev") || path.starts_with("/proc"))
}

/// Creates a file that did not exist, in the directory of `path`: `.NAME.PID-N.wacost-tmp`.
fn create_beside(path: &Path) -> io::Result<(File, PathBuf)> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("the path names no file"))?;
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut attempt = 0u32;
    loop {
        let mut temp_name = OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}-{attempt}.wacost-tmp", std::process::id()));
        let temp = directory.join(temp_name);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 1000 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

/// An output being written. Dropped without `commit`, it removes its temporary file and leaves
/// the target as it was.
#[derive(Debug)]
pub struct OutputFile {
    target: Target,
    /// `None` only once committed or dropped.
    writer: Option<BufWriter<File>>,
    /// The temporary file while it is ours to remove; `None` when writing in place.
    temp: Option<PathBuf>,
}

impl OutputFile {
    /// The path as the user gave it, for messages.
    pub fn shown(&self) -> &str {
        &self.target.shown
    }

    fn writer(&mut self) -> io::Result<&mut BufWriter<File>> {
        self.writer
            .as_mut()
            .ok_or_else(|| io::Error::other("the file is already closed"))
    }

    /// Empties what was written so far, to write it again from the start. Only the temporary
    /// file of a regular target can be emptied; a pipe or a device cannot take back its bytes.
    pub fn restart(&mut self) -> io::Result<()> {
        if self.temp.is_none() {
            return Err(io::Error::other(format!(
                "the log is not in time order, so it is billed again sorted and --{} must be written again, which a pipe or a device cannot take; give a file",
                self.target.option
            )));
        }
        let writer = self.writer()?;
        writer.flush()?;
        let file = writer.get_mut();
        file.set_len(0)?;
        file.rewind()
    }

    /// Finishes the output: everything written and, for a regular file, the temporary file
    /// stored and renamed over the target (with the old file's permissions).
    pub fn commit(mut self) -> Result<(), CliError> {
        let shown = self.target.shown.clone();
        let cannot = |e: io::Error| CliError::usage(format!("cannot write `{shown}`: {e}"));
        let mut writer = self
            .writer
            .take()
            .ok_or_else(|| cannot(io::Error::other("the file is already closed")))?;
        writer.flush().map_err(cannot)?;
        let file = writer.into_inner().map_err(|e| cannot(e.into_error()))?;
        let (Some(temp), Place::Replace { path, permissions }) = (&self.temp, &self.target.place)
        else {
            return Ok(());
        };
        if let Some(permissions) = permissions {
            file.set_permissions(permissions.clone()).map_err(cannot)?;
        }
        // Stored before the rename, so a crash never leaves the target replaced by a file
        // whose contents were not yet on disk.
        file.sync_all().map_err(cannot)?;
        drop(file);
        fs::rename(temp, path).map_err(cannot)?;
        self.temp = None;
        Ok(())
    }
}

impl Write for OutputFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.writer()?.write(bytes)
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.writer()?.write_all(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer()?.flush()
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        // Closed first, without writing what is buffered: the file is abandoned.
        if let Some(writer) = self.writer.take() {
            drop(writer.into_parts());
        }
        if let Some(temp) = self.temp.take() {
            let _ = fs::remove_file(temp);
        }
    }
}
