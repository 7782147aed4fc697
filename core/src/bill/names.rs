//! Interned business phone numbers and WABA ids: a log names a handful of them millions of
//! times, so each row carries a small integer and the text is kept once.

use rustc_hash::FxHashMap as HashMap;

/// Interned business phone numbers and WABA ids, to print them back.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub(super) phones: Interner,
    pub(super) wabas: Interner,
}

impl Names {
    pub fn phone(&self, id: u32) -> &str {
        self.phones.list.get(id as usize).map_or("", String::as_str)
    }

    pub fn waba(&self, id: u32) -> &str {
        self.wabas.list.get(id as usize).map_or("", String::as_str)
    }
}

/// Short names (up to 15 bytes, the usual case) are keyed by their packed integer (`pack`),
/// and the previous row's name is checked first: logs come from few phone numbers and WABAs,
/// and comparing integers is much cheaper than hashing and comparing text.
#[derive(Debug, Clone, Default)]
pub(super) struct Interner {
    list: Vec<String>,
    short: HashMap<u128, u32>,
    long: HashMap<String, u32>,
    /// The previous name and its id, compared as text before any packing or hashing.
    last: Option<(String, u32)>,
}

impl Interner {
    #[inline]
    pub(super) fn intern(&mut self, text: &str) -> u32 {
        if let Some((last, id)) = &self.last {
            if same_text(last.as_bytes(), text.as_bytes()) {
                return *id;
            }
        }
        self.intern_new(text)
    }

    fn intern_new(&mut self, text: &str) -> u32 {
        let id = self.lookup(text);
        let last = self.last.get_or_insert_with(|| (String::new(), id));
        last.0.clear();
        last.0.push_str(text);
        last.1 = id;
        id
    }

    fn lookup(&mut self, text: &str) -> u32 {
        // Ids are u32: 2^32 distinct names would hold over 100 GB of them in memory, so an
        // allocation fails long before an id could run out (none wraps all the same).
        let next = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        let key = pack_fast(text);
        if key != u128::MAX {
            let id = *self.short.entry(key).or_insert(next);
            if id == next {
                self.list.push(text.to_string());
            }
            return id;
        }
        if let Some(id) = self.long.get(text) {
            return *id;
        }
        self.list.push(text.to_string());
        self.long.insert(text.to_string(), next);
        next
    }
}

/// Text equality with a byte loop for short names: a call to `memcmp` cost more than the
/// comparison of the usual three-byte phone number label.
#[inline]
fn same_text(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    if a.len() > 16 {
        return a == b;
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// A name of at most 15 bytes as one integer (its length, then its bytes; `u128::MAX` for
/// longer ones), so interning compares and hashes integers rather than text.
#[inline]
fn pack_fast(text: &str) -> u128 {
    let bytes = text.as_bytes();
    if bytes.len() > 15 {
        return u128::MAX;
    }
    let mut word = [0u8; 16];
    word[0] = bytes.len() as u8;
    word[1..=bytes.len()].copy_from_slice(bytes);
    u128::from_le_bytes(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_names_differ_when_the_names_do() {
        let names = [
            "",
            "a",
            "a\0",
            "\0",
            "PN1",
            "PN10",
            "fifteen_bytes_x",
            "ümlaut",
        ];
        for a in names {
            for b in names {
                assert_eq!(pack_fast(a) == pack_fast(b), a == b, "{a:?} {b:?}");
            }
        }
        assert_eq!(pack_fast("sixteen_bytes_xy"), u128::MAX);
        assert_eq!(pack_fast("in"), 0x6e_69_02);
    }
}
