//! Where in a scenario a problem is: a typed path (`lines[3].utility`, `bsp.markup`) that every
//! front end can match on, and whose text is the one users and scripts have always seen.

use super::schema::{LineField, Setting};
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt::{self, Write};

/// One step into the scenario's JSON: an object's field or a list's position.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    /// A field name: one of the schema's, or one the user wrote (an unknown field).
    Key(Cow<'static, str>),
    Index(usize),
}

/// What a path starts from when it has no segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Root {
    /// The text as a whole, before it is JSON: `(input)`.
    Input,
    /// The scenario object: `(scenario)`.
    Scenario,
}

/// A place in a scenario. `Display` writes it as JSON paths are usually written:
/// `lines[3].utility`, `custom_tiers[0].bands[1].to`, and `(scenario)` or `(input)` for the
/// whole scenario or the whole text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldPath {
    root: Root,
    segments: Vec<Segment>,
}

impl FieldPath {
    /// The text as a whole (it is not JSON).
    pub fn input() -> FieldPath {
        FieldPath {
            root: Root::Input,
            segments: Vec::new(),
        }
    }

    /// The scenario object itself.
    pub fn scenario() -> FieldPath {
        FieldPath {
            root: Root::Scenario,
            segments: Vec::new(),
        }
    }

    /// A top-level field of the scenario.
    pub fn top(key: impl Into<Cow<'static, str>>) -> FieldPath {
        FieldPath::scenario().key(key)
    }

    /// `lines[index]`.
    pub fn line(index: usize) -> FieldPath {
        FieldPath::top("lines").index(index)
    }

    /// `lines[index].field`.
    pub fn line_field(index: usize, field: LineField) -> FieldPath {
        FieldPath::line(index).key(field.name())
    }

    /// The path one field further down.
    pub fn key(mut self, key: impl Into<Cow<'static, str>>) -> FieldPath {
        self.segments.push(Segment::Key(key.into()));
        self
    }

    /// The path one list position further down.
    pub fn index(mut self, index: usize) -> FieldPath {
        self.segments.push(Segment::Index(index));
        self
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The setting this path names, if it names one (`bsp.markup` → `Setting::BspMarkup`).
    pub fn setting(&self) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| *self == s.path())
    }

    /// The line this path is in (`lines[3]`, `lines[3].utility` → 3).
    pub fn line_index(&self) -> Option<usize> {
        match self.segments.as_slice() {
            [Segment::Key(lines), Segment::Index(index), ..] if lines == "lines" => Some(*index),
            _ => None,
        }
    }

    /// The field of a line this path names, when it is one of the schema's
    /// (`lines[3].utility` → (3, `LineField::Utility`)).
    pub fn line_field_of(&self) -> Option<(usize, LineField)> {
        match self.segments.as_slice() {
            [Segment::Key(lines), Segment::Index(index), Segment::Key(field)]
                if lines == "lines" =>
            {
                LineField::ALL
                    .into_iter()
                    .find(|f| f.name() == field)
                    .map(|f| (*index, f))
            }
            _ => None,
        }
    }

    /// The field name a path ends with, if it ends with one (`lines[3].foo` → `foo`).
    pub fn last_key(&self) -> Option<&str> {
        match self.segments.last() {
            Some(Segment::Key(key)) => Some(key),
            _ => None,
        }
    }

    /// The path without its last segment (`lines[3].utility` → `lines[3]`).
    pub fn parent(&self) -> FieldPath {
        let mut parent = self.clone();
        parent.segments.pop();
        parent
    }
}

impl From<Setting> for FieldPath {
    fn from(setting: Setting) -> FieldPath {
        setting.path()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return f.write_str(match self.root {
                Root::Input => "(input)",
                Root::Scenario => "(scenario)",
            });
        }
        for (at, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(key) => {
                    if at > 0 {
                        f.write_char('.')?;
                    }
                    f.write_str(key)?;
                }
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Compares the path's text with `text` without writing it out: the page and tests look
/// errors up by the path they show.
impl PartialEq<str> for FieldPath {
    fn eq(&self, text: &str) -> bool {
        struct Rest<'t>(&'t str);
        impl Write for Rest<'_> {
            fn write_str(&mut self, part: &str) -> fmt::Result {
                match self.0.strip_prefix(part) {
                    Some(rest) => {
                        self.0 = rest;
                        Ok(())
                    }
                    None => Err(fmt::Error),
                }
            }
        }
        let mut rest = Rest(text);
        write!(rest, "{self}").is_ok() && rest.0.is_empty()
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, text: &&str) -> bool {
        *self == **text
    }
}

impl PartialEq<FieldPath> for str {
    fn eq(&self, path: &FieldPath) -> bool {
        *path == *self
    }
}

impl PartialEq<FieldPath> for &str {
    fn eq(&self, path: &FieldPath) -> bool {
        *path == **self
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_json_paths_are_written() {
        let tests = &[
            (FieldPath::input(), "(input)"),
            (FieldPath::scenario(), "(scenario)"),
            (FieldPath::top("month"), "month"),
            (Setting::BspMarkup.path(), "bsp.markup"),
            (
                Setting::PerConversationService.path(),
                "per_conversation.service",
            ),
            (FieldPath::line(3), "lines[3]"),
            (
                FieldPath::line_field(3, LineField::Utility),
                "lines[3].utility",
            ),
            (FieldPath::line(0).key("foo"), "lines[0].foo"),
            (
                FieldPath::top("custom_rates").index(2).key("rate"),
                "custom_rates[2].rate",
            ),
            (
                FieldPath::top("custom_tiers")
                    .index(0)
                    .key("bands")
                    .index(1)
                    .key("to"),
                "custom_tiers[0].bands[1].to",
            ),
            (FieldPath::top("lines").key("marketing"), "lines.marketing"),
        ];
        for (path, expected) in tests {
            assert_eq!(path.to_string(), *expected);
            assert_eq!(path, expected, "{path:?}");
            assert_eq!(*expected, path);
            assert_eq!(serde_json::to_value(path).unwrap(), *expected);
        }
    }

    #[test]
    fn a_path_equals_only_its_own_text() {
        let path = FieldPath::line_field(12, LineField::Service);
        for other in [
            "",
            "lines",
            "lines[12]",
            "lines[1].service",
            "lines[12].service ",
            "lines[12].services",
            "(scenario)",
        ] {
            assert_ne!(path, other);
        }
        assert_ne!(FieldPath::input(), "(scenario)");
    }

    #[test]
    fn paths_tell_their_setting_and_line() {
        for setting in Setting::ALL {
            assert_eq!(setting.path().setting(), Some(setting));
            assert_eq!(setting.path().line_index(), None);
        }
        let count = FieldPath::line_field(7, LineField::Authentication);
        assert_eq!(count.setting(), None);
        assert_eq!(count.line_index(), Some(7));
        assert_eq!(count.line_field_of(), Some((7, LineField::Authentication)));
        assert_eq!(count.parent(), FieldPath::line(7));
        assert_eq!(count.last_key(), Some("authentication"));
        let unknown = FieldPath::line(2).key("marketting");
        assert_eq!(unknown.line_index(), Some(2));
        assert_eq!(unknown.line_field_of(), None);
        assert_eq!(FieldPath::top("bsp").key("fee").setting(), None);
    }
}
