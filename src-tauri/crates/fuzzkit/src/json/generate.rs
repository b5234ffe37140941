//! Generated values: the hostile value a mutation puts in, documents built from the dictionary,
//! and what an input starts from.

use proptest::prelude::*;
use serde_json::Value;

use super::corpus::Corpus;

#[derive(Debug, Clone)]
pub enum Nasty {
    Fixed(usize),
    DictString(usize),
    DictNumber(usize),
    DictKey(usize),
    Int(i64),
    Text(String),
}

pub fn nasty() -> impl Strategy<Value = Nasty> {
    prop_oneof![
        4 => any::<usize>().prop_map(Nasty::Fixed),
        3 => any::<usize>().prop_map(Nasty::DictString),
        1 => any::<usize>().prop_map(Nasty::DictNumber),
        1 => any::<usize>().prop_map(Nasty::DictKey),
        1 => any::<i64>().prop_map(Nasty::Int),
        1 => "\\PC{0,16}".prop_map(Nasty::Text),
    ]
}

/// A JSON document built from the dictionary, for inputs that start from nothing.
#[derive(Debug, Clone)]
pub enum Gen {
    Leaf(Nasty),
    Arr(Vec<Gen>),
    Obj(Vec<(usize, Gen)>),
}

impl Gen {
    pub fn value(&self, c: &Corpus) -> Value {
        match self {
            Gen::Leaf(n) => c.nasty(n),
            Gen::Arr(items) => Value::Array(items.iter().map(|g| g.value(c)).collect()),
            Gen::Obj(fields) => Value::Object(fields.iter().map(|(k, g)| (c.key(*k), g.value(c))).collect()),
        }
    }
}

pub fn gen() -> impl Strategy<Value = Gen> {
    nasty().prop_map(Gen::Leaf).prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Gen::Arr),
            prop::collection::vec((any::<usize>(), inner), 0..8).prop_map(Gen::Obj),
        ]
    })
}

#[derive(Debug, Clone)]
pub enum Base {
    Corpus(usize),
    Generated(Gen),
    Bytes(Vec<u8>),
}

pub fn base() -> impl Strategy<Value = Base> {
    prop_oneof![
        12 => any::<usize>().prop_map(Base::Corpus),
        1 => gen().prop_map(Base::Generated),
        1 => prop::collection::vec(any::<u8>(), 0..300).prop_map(Base::Bytes),
    ]
}
