//! Decimal numbers read without the standard library's float parser, whose correctly rounded
//! slow path (a table of powers of five and big-number arithmetic) is about 11 KiB of the
//! Wasm module, for numbers a feed or a skin never holds.
//!
//! Every number of up to 19 significant digits whose decimal exponent is within ±22 once the
//! digits are an integer (`0.35`, `720`, `1.3`, `-12.5e-3`) is read exactly as `str::parse`
//! reads it: the digits and the power of ten are both exact doubles, so one multiplication or
//! division rounds once, correctly (Clinger's fast path). Longer or larger numbers are read to
//! within a few units in the last place; past the range of a double they are infinite or zero.

/// The powers of ten a double holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of `text`, a decimal number in the syntax of JSON (an optional `+` is also taken,
/// as CSS writes some): `None` for anything else.
pub fn parse(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    let mut exponent: i64 = 0;
    let mut any = false;
    let mut digit = |d: u8, fraction: bool, mantissa: &mut u64, exponent: &mut i64| {
        if significant < 19 {
            *mantissa = *mantissa * 10 + u64::from(d);
            if *mantissa != 0 {
                significant += 1;
            }
            if fraction {
                *exponent -= 1;
            }
        } else if !fraction {
            // Digits past the 19th of the integer part only scale it.
            *exponent += 1;
        }
    };
    while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
        digit(b - b'0', false, &mut mantissa, &mut exponent);
        any = true;
        i += 1;
    }
    if !any {
        return None;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            digit(b - b'0', true, &mut mantissa, &mut exponent);
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        let sign = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                -1
            }
            Some(b'+') => {
                i += 1;
                1
            }
            _ => 1,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            e = (e * 10 + i64::from(b - b'0')).min(100_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += sign * e;
    }
    if i != bytes.len() {
        return None;
    }
    let value = scale(mantissa, exponent);
    Some(if negative { -value } else { value })
}

/// `mantissa` × 10^`exponent`.
fn scale(mantissa: u64, exponent: i64) -> f64 {
    if mantissa == 0 {
        return 0.0;
    }
    let m = mantissa as f64;
    let exact = mantissa <= 1 << 53;
    match exponent {
        0..=22 if exact => m * POW10[exponent as usize],
        -22..=-1 if exact => m / POW10[(-exponent) as usize],
        e if e > 330 => f64::INFINITY,
        e if e < -345 => 0.0,
        // Out of the exact range: in steps that neither overflow nor underflow on the way.
        e if e < -300 => m * 10f64.powi((e + 300) as i32) * 1e-300,
        e => m * 10f64.powi(e as i32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers a feed and a skin hold, and the edges of the syntax, against `str::parse`.
    #[test]
    fn reads_as_the_standard_library_does() {
        for text in [
            "0",
            "-0",
            "1",
            "720",
            "1280",
            "0.5",
            "0.35",
            "1.3",
            "1.45",
            "0.25",
            "0.12",
            "19",
            "30",
            "26",
            "22.5",
            "0.1",
            "0.2",
            "0.3",
            "0.7",
            "0.999999999999999",
            "123456789",
            "9007199254740992",
            "1e22",
            "1e-22",
            "-12.5e-3",
            "4.5E+2",
            "1234.5678e-10",
            "0.000001",
            "100000000000000000000",
            "+24",
            "24.0",
            "1E0",
            "7e1",
        ] {
            let want: f64 = text.trim_start_matches('+').parse().expect("a number");
            assert_eq!(
                parse(text).map(f64::to_bits),
                Some(want.to_bits()),
                "{text}"
            );
        }
        assert_eq!(parse("1e400"), Some(f64::INFINITY));
        assert_eq!(parse("-1e400"), Some(f64::NEG_INFINITY));
        assert_eq!(parse("1e-400"), Some(0.0));
        for bad in [
            "", "-", "+", ".", "1.", ".5", "-.5", "1e", "1e+", "e5", "1,5", "0x10", "1 ", " 1",
            "px", "1px", "NaN", "inf", "--1",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    /// A quarter of a million numbers of every shape (1 to 22 digits, the point anywhere,
    /// exponents from −40 to 40), against the standard library's correctly rounded parser:
    /// equal to the bit in the exact range (up to 15 significant digits without an exponent
    /// always is), within 4 units in the last place beyond it.
    #[test]
    fn agrees_with_the_correctly_rounded_parser() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut exact, mut near) = (0, 0);
        for _ in 0..250_000 {
            let digits = 1 + (next() % 22) as usize;
            let mut text: String = (0..digits)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            let point = (next() % (digits as u64 + 1)) as usize;
            if point < digits {
                text.insert(point, '.');
                if point == 0 {
                    text.insert(0, '0');
                }
            }
            let trimmed = text.trim_start_matches('0');
            if trimmed.starts_with(|c: char| c.is_ascii_digit()) && trimmed.len() < text.len() {
                text = trimmed.to_string();
            }
            if text.starts_with('.') {
                text.insert(0, '0');
            }
            if next() % 2 == 0 {
                let e = (next() % 81) as i64 - 40;
                text.push_str(&format!("e{e}"));
            }
            let want: f64 = text.parse().expect("a number");
            let got = parse(&text).unwrap_or_else(|| panic!("{text} is read"));
            let significant = text
                .split(['e', 'E'])
                .next()
                .unwrap_or_default()
                .replace('.', "")
                .trim_start_matches('0')
                .len();
            if got.to_bits() == want.to_bits() {
                exact += 1;
                continue;
            }
            let ulps = (got.to_bits() as i64 - want.to_bits() as i64).abs();
            // Up to 15 significant digits and no exponent is always the exact range.
            let in_exact_range = significant <= 15 && !text.contains('e');
            assert!(!in_exact_range, "{text}: {got} for {want}");
            assert!(ulps <= 4, "{text}: {got} for {want}, {ulps} ulps");
            near += 1;
        }
        assert!(exact > near * 4, "{exact} exact, {near} near");
    }
}
