//! A table of values by string, for the two places that look strings up by the thousand: the
//! feed's duplicate ids and the measured text widths. The standard `HashMap` would do, but it
//! brings SipHash, its random keys and hashbrown's generic table into the module (about 6 KB
//! of Wasm); this is one open-addressing table with FNV-1a and linear probing, grown by
//! doubling, with no removal (a table starts over with [`Table::clear`]).
//!
//! A key is a string and a `tag` (a number the caller packs, such as a font), so a lookup
//! borrows the string and never builds a key.

/// Values by (tag, string). See the module documentation.
#[derive(Debug, Clone)]
pub struct Table<K, V> {
    /// Entry index + 1 per slot, 0 for an empty one; a power of two long (or empty).
    slots: Vec<u32>,
    entries: Vec<(u64, K, V)>,
}

impl<K, V> Default for Table<K, V> {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            entries: Vec::new(),
        }
    }
}

/// FNV-1a over the tag's bytes, then the string's.
fn hash(tag: u64, key: &str) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in tag.to_le_bytes().iter().chain(key.as_bytes()) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(PRIME);
    }
    h
}

impl<K: AsRef<str>, V> Table<K, V> {
    /// An empty table with room for `n` entries before it grows.
    pub fn with_capacity(n: usize) -> Self {
        let mut table = Self::default();
        if n > 0 {
            table.entries.reserve(n);
            table.slots = vec![0; (n * 4 / 3 + 1).next_power_of_two()];
        }
        table
    }

    /// Entries kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no entry is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Forgets every entry (the room stays).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.slots.fill(0);
    }

    /// The slot where (`tag`, `key`) is, or the empty one where it would go.
    fn slot(&self, tag: u64, key: &str) -> usize {
        let mask = self.slots.len() - 1;
        // The low bits of FNV-1a mix less than the high ones: fold them in.
        let h = hash(tag, key);
        let mut i = ((h ^ (h >> 32)) as usize) & mask;
        loop {
            let Some(e) = self.slots[i].checked_sub(1) else {
                return i;
            };
            let (t, k, _) = &self.entries[e as usize];
            if *t == tag && k.as_ref() == key {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value kept for (`tag`, `key`).
    pub fn get(&self, tag: u64, key: &str) -> Option<&V> {
        if self.slots.is_empty() {
            return None;
        }
        let e = self.slots[self.slot(tag, key)].checked_sub(1)?;
        Some(&self.entries[e as usize].2)
    }

    /// Keeps `value` for (`tag`, `key`); returns the value it replaced, if any.
    pub fn insert(&mut self, tag: u64, key: K, value: V) -> Option<V> {
        // At most three quarters full, so every probe ends at an empty slot.
        if (self.entries.len() + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let i = self.slot(tag, key.as_ref());
        if let Some(e) = self.slots[i].checked_sub(1) {
            return Some(std::mem::replace(&mut self.entries[e as usize].2, value));
        }
        self.entries.push((tag, key, value));
        self.slots[i] = self.entries.len() as u32;
        None
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(8);
        self.slots = vec![0; size];
        for e in 0..self.entries.len() {
            let (tag, key, _) = &self.entries[e];
            let i = self.slot(*tag, key.as_ref());
            self.slots[i] = e as u32 + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A small deterministic generator (a 64-bit LCG).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }
    }

    #[test]
    fn agrees_with_the_standard_hash_map_over_random_inserts_and_lookups() {
        let mut rng = Lcg(7);
        let mut table: Table<String, u64> = Table::default();
        let mut oracle: HashMap<(u64, String), u64> = HashMap::new();
        for round in 0..20_000u64 {
            // Few tags and a small key space, so repeats and near-collisions are common.
            let tag = rng.next() % 3;
            let key = format!("w{}", rng.next() % 3_000);
            if rng.next() % 3 == 0 {
                let before = oracle.insert((tag, key.clone()), round);
                assert_eq!(table.insert(tag, key, round), before);
            } else {
                assert_eq!(table.get(tag, &key), oracle.get(&(tag, key.clone())));
            }
            assert_eq!(table.len(), oracle.len());
        }
        for ((tag, key), value) in &oracle {
            assert_eq!(table.get(*tag, key), Some(value));
        }
        assert_eq!(table.get(9, "w1"), None, "another tag is another key");
    }

    #[test]
    fn an_empty_or_cleared_table_finds_nothing_and_fills_again() {
        let mut table: Table<&str, usize> = Table::with_capacity(0);
        assert_eq!(table.get(0, ""), None);
        assert!(table.is_empty());
        let words = ["", "a", "ab", "ना", "ครับ", "あ"];
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.insert(0, w, i), None);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.get(0, w), Some(&i));
        }
        table.clear();
        assert!(table.is_empty());
        assert_eq!(table.get(0, "a"), None);
        assert_eq!(table.insert(0, "a", 5), None);
        assert_eq!(table.get(0, "a"), Some(&5));
    }

    #[test]
    fn a_table_made_for_n_entries_does_not_grow_before_n() {
        let mut table: Table<String, ()> = Table::with_capacity(1000);
        let slots = table.slots.len();
        for i in 0..1000 {
            table.insert(0, i.to_string(), ());
        }
        assert_eq!(table.slots.len(), slots);
        assert_eq!(table.len(), 1000);
    }
}
