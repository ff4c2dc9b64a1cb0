//! A small JSON reader for feeds and skin profiles.
//!
//! It does one thing: turn text into a [`Json`] tree, with an error that says where and why.
//! Numbers keep their source text and are converted only when a field asks for one, so nothing
//! here formats or rounds a float. Nesting is bounded ([`MAX_DEPTH`]), so hostile input cannot
//! exhaust the stack. Duplicate keys: the last one wins, as in most JSON readers.

/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (validated against the JSON grammar).
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members in source order.
    Object(Vec<(String, Json)>),
}

/// Why a text is not JSON, and where (1-based line and column, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters; one past the end for an unexpected end of text.
    pub column: usize,
    /// What was wrong.
    pub message: &'static str,
}

impl Json {
    /// Parses a complete JSON text.
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        let mut p = Parser::new(text, usize::MAX);
        let value = p.value(0).map_err(|m| p.error(m))?;
        p.skip_space();
        if p.at < p.text.len() {
            return Err(p.error("trailing characters"));
        }
        Ok(value)
    }

    /// The member `key` of an object (the last one, if repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value as a whole number from 0 to `u64::MAX`, if it is written as one.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// The value as a whole number from `i64::MIN` to `i64::MAX`, if it is written as one.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// The value as a double, if it is a number (read by [`crate::core::feed::decimal::parse`]).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => crate::core::feed::decimal::parse(n),
            _ => None,
        }
    }

    /// What kind of value this is, as a phrase for messages ("a string", "null").
    pub fn type_name(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// A short description of the value for messages: numbers as written, strings quoted (up
    /// to 40 characters), other values by their kind.
    pub fn describe(&self) -> String {
        match self {
            Json::Number(n) => n.clone(),
            Json::String(s) => {
                let mut out = String::with_capacity(s.len().min(44) + 2);
                out.push('"');
                out.extend(s.chars().take(40));
                if s.chars().nth(40).is_some() {
                    out.push('…');
                }
                out.push('"');
                out
            }
            Json::Bool(true) => "true".into(),
            Json::Bool(false) => "false".into(),
            other => other.type_name().into(),
        }
    }
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    /// Values the parser may still build; past it, values are checked and dropped
    /// ([`Parser::over`] says so). Bounds the tree whatever the text holds.
    budget: usize,
    /// A value was dropped for the budget.
    over: bool,
}

type Step<T> = Result<T, &'static str>;

impl<'a> Parser<'a> {
    fn error(&self, message: &'static str) -> JsonError {
        let upto = &self.text[..self.at.min(self.text.len())];
        let line = 1 + upto.iter().filter(|&&b| b == b'\n').count();
        let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        // Count characters, not bytes: a UTF-8 continuation byte does not start one.
        let column = 1 + upto[line_start..]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        JsonError {
            line,
            column,
            message,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn new(text: &'a str, budget: usize) -> Self {
        Parser {
            text: text.as_bytes(),
            at: 0,
            budget,
            over: false,
        }
    }

    /// Reads one value. Past the budget it is still read (every error is found where
    /// [`Json::parse`] finds it) but arrays and objects keep nothing and the caller drops it.
    fn value(&mut self, depth: usize) -> Step<Json> {
        self.skip_space();
        match self.budget.checked_sub(1) {
            Some(left) => self.budget = left,
            None => self.over = true,
        }
        match self.peek() {
            None => Err("EOF while parsing a value"),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b't') => self.literal(b"true", Json::Bool(true)),
            Some(b'f') => self.literal(b"false", Json::Bool(false)),
            Some(b'n') => self.literal(b"null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err("expected value"),
        }
    }

    fn literal(&mut self, word: &[u8], value: Json) -> Step<Json> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else if word.starts_with(&self.text[self.at..]) {
            self.at = self.text.len();
            Err("EOF while parsing a value")
        } else {
            Err("expected value")
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Step<Json> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err("invalid number"),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err("invalid number");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err("invalid number");
            }
        }
        let text = std::str::from_utf8(&self.text[start..self.at]).map_err(|_| "invalid number")?;
        Ok(Json::Number(text.to_string()))
    }

    fn hex4(&mut self) -> Step<u32> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .ok_or("EOF while parsing a string")?;
        let mut value = 0;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or("invalid escape")?;
            value = value * 16 + v;
        }
        self.at += 4;
        Ok(value)
    }

    fn string(&mut self) -> Step<String> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The input is a &str and we stopped on ASCII, so this slice is valid UTF-8.
            out.push_str(
                std::str::from_utf8(&self.text[start..self.at]).map_err(|_| "invalid UTF-8")?,
            );
            match self.peek() {
                None => return Err("EOF while parsing a string"),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escape = self.peek().ok_or("EOF while parsing a string")?;
                    self.at += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => {
                            self.at -= 1;
                            return Err("invalid escape");
                        }
                    }
                }
                Some(_) => return Err("control character in string"),
            }
        }
    }

    fn unicode_escape(&mut self) -> Step<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.at..].starts_with(b"\\u") {
                    return Err("lone leading surrogate in hex escape");
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err("lone leading surrogate in hex escape");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err("lone trailing surrogate in hex escape"),
            c => c,
        };
        char::from_u32(code).ok_or("invalid unicode code point")
    }

    fn array(&mut self, depth: usize) -> Step<Json> {
        if depth > MAX_DEPTH {
            return Err("nesting deeper than 128 levels");
        }
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Array(items));
        }
        loop {
            let item = self.value(depth)?;
            // Past the budget nothing more is kept, not even a placeholder.
            if !self.over {
                items.push(item);
            }
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err("EOF while parsing a list"),
                Some(_) => return Err("expected `,` or `]`"),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Step<Json> {
        let mut members = Vec::new();
        self.members(depth, |p, key| {
            let value = p.value(depth)?;
            if !p.over {
                members.push((key, value));
            }
            Ok(())
        })?;
        Ok(Json::Object(members))
    }

    /// The object at the cursor: each member's key is read and handed to `member`, which
    /// reads the value (the cursor is just past the `:`).
    fn members(
        &mut self,
        depth: usize,
        mut member: impl FnMut(&mut Self, String) -> Step<()>,
    ) -> Step<()> {
        if depth > MAX_DEPTH {
            return Err("nesting deeper than 128 levels");
        }
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            self.skip_space();
            let key = match self.peek() {
                Some(b'"') => self.string()?,
                None => return Err("EOF while parsing an object"),
                Some(_) => return Err("key must be a string"),
            };
            self.skip_space();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err("EOF while parsing an object"),
                Some(_) => return Err("expected `:`"),
            }
            member(self, key)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(());
                }
                None => return Err("EOF while parsing an object"),
                Some(_) => return Err("expected `,` or `}`"),
            }
        }
    }
}

/// What [`read_document`] hands out for one item of the streamed array.
#[derive(Debug)]
pub enum Item {
    /// The item, built.
    Value(Json),
    /// The item had more values than its budget: it was checked and dropped.
    TooLarge,
}

/// A document read by [`read_document`], apart from its streamed array.
#[derive(Debug)]
pub struct Document {
    /// Whether the text is an object (else nothing was built, and no item handed out).
    pub is_object: bool,
    /// The other members, each value bounded by the budget (past it, a member's arrays and
    /// objects are left empty).
    pub members: Json,
    /// Whether the streamed key was there and held an array.
    pub has_array: bool,
    /// How many items that array had (the last one, if the key was repeated).
    pub items: usize,
}

/// Reads a JSON document whose bulk is one array under `key` of its top-level object — a feed
/// and its `cards` — in memory proportional to what the caller keeps: each of the first
/// `max_items` items is built (at most `budget` values) and handed to `item` with its
/// position, then dropped; the items past them, and any value anywhere past its budget, are
/// checked and never built. A repeated `key` starts the array again (`item` gets position 0
/// again: the last array wins, as the last member does in [`Json::parse`]). Errors are
/// [`Json::parse`]'s, at the same places.
pub fn read_document(
    text: &str,
    key: &str,
    max_items: usize,
    budget: usize,
    mut item: impl FnMut(usize, Item),
) -> Result<Document, JsonError> {
    let mut p = Parser::new(text, budget);
    let result = (|| -> Step<Document> {
        let mut doc = Document {
            is_object: false,
            members: Json::Object(Vec::new()),
            has_array: false,
            items: 0,
        };
        p.skip_space();
        if p.peek() != Some(b'{') {
            p.budget = 0;
            p.value(0)?;
            return Ok(doc);
        }
        doc.is_object = true;
        let mut members = Vec::new();
        p.members(1, |p, name| {
            p.skip_space();
            if name == key && p.peek() == Some(b'[') {
                doc.has_array = true;
                doc.items = p.stream_array(max_items, budget, &mut item)?;
                members.retain(|(k, _): &(String, Json)| k != key);
            } else {
                p.budget = budget;
                p.over = false;
                let value = p.value(1)?;
                if name == key {
                    doc.has_array = false;
                }
                members.push((name, value));
            }
            Ok(())
        })?;
        doc.members = Json::Object(members);
        Ok(doc)
    })();
    let doc = result.map_err(|m| p.error(m))?;
    p.skip_space();
    if p.at < p.text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(doc)
}

impl Parser<'_> {
    /// The array at the cursor, its first `max_items` items built and handed out one by one.
    fn stream_array(
        &mut self,
        max_items: usize,
        budget: usize,
        item: &mut impl FnMut(usize, Item),
    ) -> Step<usize> {
        self.at += 1;
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(0);
        }
        let mut count = 0;
        loop {
            if count < max_items {
                self.budget = budget;
                self.over = false;
                let value = self.value(2)?;
                item(
                    count,
                    if self.over {
                        Item::TooLarge
                    } else {
                        Item::Value(value)
                    },
                );
            } else {
                self.budget = 0;
                self.value(2)?;
            }
            count += 1;
            self.skip_space();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(count);
                }
                None => return Err("EOF while parsing a list"),
                Some(_) => return Err("expected `,` or `]`"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Json {
        Json::Number(s.into())
    }

    #[test]
    fn values() {
        let cases = [
            ("null", Json::Null),
            (" true ", Json::Bool(true)),
            ("false", Json::Bool(false)),
            ("0", num("0")),
            ("-12.5e+3", num("-12.5e+3")),
            (
                r#""a\"b\\c\/\n\t\u00e9\ud83d\ude00""#,
                Json::String("a\"b\\c/\n\té😀".into()),
            ),
            ("\"हिन्दी اردو\"", Json::String("हिन्दी اردو".into())),
            ("[]", Json::Array(vec![])),
            (
                "[1, [2]]",
                Json::Array(vec![num("1"), Json::Array(vec![num("2")])]),
            ),
            (
                r#"{"a": 1, "b": {"c": null}}"#,
                Json::Object(vec![
                    ("a".into(), num("1")),
                    ("b".into(), Json::Object(vec![("c".into(), Json::Null)])),
                ]),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Json::parse(text), Ok(want), "{text}");
        }
    }

    #[test]
    fn accessors() {
        let v = Json::parse(r#"{"n": 7, "f": 0.25, "big": 1e400, "k": 1, "k": 2, "s": "x"}"#)
            .expect("valid");
        assert_eq!(v.get("n").and_then(Json::as_u64), Some(7));
        assert_eq!(v.get("f").and_then(Json::as_u64), None);
        assert_eq!(v.get("f").and_then(Json::as_f64), Some(0.25));
        assert_eq!(v.get("big").and_then(Json::as_f64), Some(f64::INFINITY));
        assert_eq!(
            v.get("k").and_then(Json::as_u64),
            Some(2),
            "the last duplicate wins"
        );
        assert_eq!(v.get("s").and_then(Json::as_str), Some("x"));
        assert_eq!(v.get("missing"), None);
        assert_eq!(num("-1").as_u64(), None);
        assert_eq!(Json::String("a".repeat(50)).describe().chars().count(), 43);
    }

    #[test]
    fn errors_say_where_and_why() {
        let cases = [
            ("", 1, 1, "EOF while parsing a value"),
            ("   ", 1, 4, "EOF while parsing a value"),
            ("<html>", 1, 1, "expected value"),
            ("{\"a\":1} x", 1, 9, "trailing characters"),
            ("{\"a\" 1}", 1, 6, "expected `:`"),
            ("{\"a\":1,}", 1, 8, "key must be a string"),
            ("[1 2]", 1, 4, "expected `,` or `]`"),
            ("[1,", 1, 4, "EOF while parsing a value"),
            ("{\"a\":[1", 1, 8, "EOF while parsing a list"),
            ("{\"a\":\"b", 1, 8, "EOF while parsing a string"),
            ("\"a\nb\"", 1, 3, "control character in string"),
            ("\"\\x\"", 1, 3, "invalid escape"),
            ("\"\\ud800\"", 1, 8, "lone leading surrogate in hex escape"),
            ("\"\\udc00\"", 1, 8, "lone trailing surrogate in hex escape"),
            ("01", 1, 2, "trailing characters"),
            ("-", 1, 2, "invalid number"),
            ("1.", 1, 3, "invalid number"),
            ("1e", 1, 3, "invalid number"),
            ("tru", 1, 4, "EOF while parsing a value"),
            ("nul!", 1, 1, "expected value"),
            ("{\n  \"मौसम\": x\n}", 2, 11, "expected value"),
        ];
        for (text, line, column, message) in cases {
            assert_eq!(
                Json::parse(text),
                Err(JsonError {
                    line,
                    column,
                    message
                }),
                "{text:?}"
            );
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(Json::parse(&ok).is_ok());
        let deep = "[".repeat(100_000);
        let err = Json::parse(&deep).expect_err("too deep");
        assert_eq!(
            (err.column, err.message),
            (MAX_DEPTH + 1, "nesting deeper than 128 levels")
        );
    }
}
