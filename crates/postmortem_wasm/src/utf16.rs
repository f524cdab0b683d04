//! Byte offsets become UTF-16 offsets at this edge, so that in JavaScript
//! `markdown.slice(span.start, span.end)` is the text a span covers.

use serde::ser::{self, Serialize, Serializer};

/// The UTF-16 offsets of one source's byte offsets, built once per call.
pub(crate) struct Utf16Offsets {
    /// For each character outside ASCII, in order: the byte offset just after it, and how many
    /// more UTF-8 bytes than UTF-16 units the source holds up to there.
    shifts: Vec<(u32, u32)>,
}

impl Utf16Offsets {
    pub(crate) fn new(source: &str) -> Self {
        let mut shifts = Vec::new();
        if !source.is_ascii() {
            let mut shift = 0;
            for (index, character) in source.char_indices() {
                let extra = character.len_utf8() - character.len_utf16();
                if extra > 0 {
                    shift += extra;
                    shifts.push((to_u32(index + character.len_utf8()), to_u32(shift)));
                }
            }
        }
        Self { shifts }
    }

    /// The UTF-16 offset of the byte offset `offset`.
    pub(crate) fn of(&self, offset: u32) -> u32 {
        let passed = self.shifts.partition_point(|&(end, _)| end <= offset);
        match passed.checked_sub(1).and_then(|last| self.shifts.get(last)) {
            Some(&(_, shift)) => offset - shift,
            None => offset,
        }
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The struct fields that hold byte offsets into the source, by struct name.
fn offset_fields(name: &str) -> &'static [&'static str] {
    match name {
        "Span" => &["start", "end"],
        "Document" => &["len"],
        _ => &[],
    }
}

/// Serializes a core value as `inner` would, but with every `Span` (and the document's
/// length) in UTF-16 units: the core's model keeps byte offsets, JavaScript indexes strings
/// by UTF-16 unit.
pub(crate) struct Utf16Spans<'o, S> {
    inner: S,
    offsets: &'o Utf16Offsets,
    /// Whether this value is a byte offset to convert.
    is_offset: bool,
}

impl<'o, S> Utf16Spans<'o, S> {
    pub(crate) fn new(inner: S, offsets: &'o Utf16Offsets) -> Self {
        Self {
            inner,
            offsets,
            is_offset: false,
        }
    }
}

/// A value inside a compound, serialized through [`Utf16Spans`] in turn.
struct Nested<'o, 'v, T: ?Sized> {
    value: &'v T,
    offsets: &'o Utf16Offsets,
    is_offset: bool,
}

impl<T: Serialize + ?Sized> Serialize for Nested<'_, '_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Utf16Spans {
            inner: serializer,
            offsets: self.offsets,
            is_offset: self.is_offset,
        })
    }
}

/// A compound (sequence, map, struct…) of the inner serializer.
pub(crate) struct Compound<'o, C> {
    inner: C,
    offsets: &'o Utf16Offsets,
    offset_fields: &'static [&'static str],
}

impl<'o, C> Compound<'o, C> {
    fn new(inner: C, offsets: &'o Utf16Offsets, name: &str) -> Self {
        Self {
            inner,
            offsets,
            offset_fields: offset_fields(name),
        }
    }

    fn nested<'v, T: ?Sized>(&self, value: &'v T, key: &str) -> Nested<'o, 'v, T> {
        Nested {
            value,
            offsets: self.offsets,
            is_offset: self.offset_fields.contains(&key),
        }
    }
}

macro_rules! forward {
    ($($method:ident($type:ty)),* $(,)?) => {
        $(fn $method(self, value: $type) -> Result<Self::Ok, Self::Error> {
            self.inner.$method(value)
        })*
    };
}

impl<'o, S: Serializer> Serializer for Utf16Spans<'o, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<'o, S::SerializeSeq>;
    type SerializeTuple = Compound<'o, S::SerializeTuple>;
    type SerializeTupleStruct = Compound<'o, S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<'o, S::SerializeTupleVariant>;
    type SerializeMap = Compound<'o, S::SerializeMap>;
    type SerializeStruct = Compound<'o, S::SerializeStruct>;
    type SerializeStructVariant = Compound<'o, S::SerializeStructVariant>;

    forward!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_u32(self, value: u32) -> Result<Self::Ok, Self::Error> {
        let value = if self.is_offset {
            self.offsets.of(value)
        } else {
            value
        };
        self.inner.serialize_u32(value)
    }

    fn serialize_none(self) -> Result<Self::Ok, Self::Error> {
        self.inner.serialize_none()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok, Self::Error> {
        self.inner.serialize_some(&Nested {
            value,
            offsets: self.offsets,
            is_offset: self.is_offset,
        })
    }

    fn serialize_unit(self) -> Result<Self::Ok, Self::Error> {
        self.inner.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Self::Error> {
        self.inner.serialize_unit_variant(name, index, variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Self::Error> {
        let nested = Nested {
            value,
            offsets: self.offsets,
            is_offset: false,
        };
        self.inner.serialize_newtype_struct(name, &nested)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Self::Error> {
        let nested = Nested {
            value,
            offsets: self.offsets,
            is_offset: false,
        };
        self.inner
            .serialize_newtype_variant(name, index, variant, &nested)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, Self::Error> {
        Ok(Compound::new(
            self.inner.serialize_seq(len)?,
            self.offsets,
            "",
        ))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Self::Error> {
        Ok(Compound::new(
            self.inner.serialize_tuple(len)?,
            self.offsets,
            "",
        ))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, Self::Error> {
        let inner = self.inner.serialize_tuple_struct(name, len)?;
        Ok(Compound::new(inner, self.offsets, ""))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, Self::Error> {
        let inner = self
            .inner
            .serialize_tuple_variant(name, index, variant, len)?;
        Ok(Compound::new(inner, self.offsets, ""))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, Self::Error> {
        Ok(Compound::new(
            self.inner.serialize_map(len)?,
            self.offsets,
            "",
        ))
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, Self::Error> {
        let inner = self.inner.serialize_struct(name, len)?;
        Ok(Compound::new(inner, self.offsets, name))
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, Self::Error> {
        let inner = self
            .inner
            .serialize_struct_variant(name, index, variant, len)?;
        Ok(Compound::new(inner, self.offsets, ""))
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

macro_rules! elements {
    ($($trait:ident::$method:ident),* $(,)?) => {
        $(impl<C: ser::$trait> ser::$trait for Compound<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
                let nested = self.nested(value, "");
                self.inner.$method(&nested)
            }

            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        })*
    };
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl<C: ser::SerializeMap> ser::SerializeMap for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), C::Error> {
        let nested = self.nested(key, "");
        self.inner.serialize_key(&nested)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), C::Error> {
        let nested = self.nested(value, "");
        self.inner.serialize_value(&nested)
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.inner.end()
    }
}

macro_rules! fields {
    ($($trait:ident),* $(,)?) => {
        $(impl<C: ser::$trait> ser::$trait for Compound<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), C::Error> {
                let nested = self.nested(value, key);
                self.inner.serialize_field(key, &nested)
            }

            fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
                self.inner.skip_field(key)
            }

            fn end(self) -> Result<C::Ok, C::Error> {
                self.inner.end()
            }
        })*
    };
}

fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::Utf16Offsets;

    #[test]
    fn counts_utf16_units_before_each_byte_offset() {
        let source = "aé😀b\nc";
        let offsets = Utf16Offsets::new(source);
        let utf16 = |text: &str| u32::try_from(text.encode_utf16().count()).unwrap();
        for (byte, _) in source.char_indices().chain([(source.len(), ' ')]) {
            let byte_u32 = u32::try_from(byte).unwrap();
            assert_eq!(
                offsets.of(byte_u32),
                utf16(&source[..byte]),
                "at byte {byte}"
            );
        }
    }

    #[test]
    fn leaves_ascii_alone() {
        assert_eq!(Utf16Offsets::new("plain").of(3), 3);
    }
}
