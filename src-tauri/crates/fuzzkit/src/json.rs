//! The mutation engine for JSON importers: a corpus with a dictionary of its keys, strings and
//! numbers; generated values; mutations of the parsed tree (replace, delete, duplicate, nest,
//! swap types, tweak numbers and dates) and of the bytes (splice tokens, cut, flip, duplicate
//! keys); and [`render_json`], which turns a recipe into the bytes an importer is given.

mod bytes;
mod corpus;
mod generate;
mod tree;

use serde_json::Value;

pub use self::bytes::{apply_bytes, byte_mut, key_ends, string_start, value_span, ByteMut};
pub use self::corpus::{fixed_values, harvest, tokens, Corpus};
pub use self::generate::{base, gen, nasty, Base, Gen, Nasty};
pub use self::tree::{
    apply_json, at, at_mut, count_nodes, json_mut, path_of, paths_with_key, set, tweak, JsonMut, Seg,
};
use crate::pick;

pub fn render_json(base: &Base, json_muts: &[JsonMut], byte_muts: &[ByteMut], pretty: bool, c: &Corpus) -> Vec<u8> {
    let mut bytes = match base {
        Base::Corpus(i) => pick(&c.files, *i).map(|(_, b)| b.clone()).unwrap_or_default(),
        Base::Generated(g) => serde_json::to_vec(&g.value(c)).unwrap_or_default(),
        Base::Bytes(b) => b.clone(),
    };
    if !json_muts.is_empty() {
        if let Ok(mut v) = serde_json::from_slice::<Value>(&bytes) {
            for m in json_muts {
                apply_json(&mut v, m, c);
            }
            let written = if pretty {
                serde_json::to_vec_pretty(&v)
            } else {
                serde_json::to_vec(&v)
            };
            bytes = written.unwrap_or_default();
        }
    }
    for m in byte_muts {
        apply_bytes(&mut bytes, m, c);
    }
    bytes
}
