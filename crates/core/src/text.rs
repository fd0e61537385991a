//! Text normalisation shared by the search index, highlighting and the CLI.
//!
//! Searching folds case and Latin diacritics once, so `inmigración`,
//! `Inmigracion` and `inmigracion` are the same word, and the browser never
//! folds a record twice.

/// Folds one character to its lowercase ASCII form where one exists.
/// Returns `None` for characters that separate words.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase());
    }
    if c.is_ascii() {
        return None;
    }
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'ď' | 'đ' | 'Ď' | 'Đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => 'e',
        'ğ' | 'Ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'i',
        'ł' | 'Ł' => 'l',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'o',
        'ř' | 'Ř' => 'r',
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => 's',
        'ť' | 'ţ' | 'Ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => 'z',
        // Other scripts keep their case: Unicode's lowercase tables would
        // add 12 KB to the wasm for letters no catalogue uses yet.
        _ if c.is_alphanumeric() => c,
        _ => return None,
    };
    Some(folded)
}

/// A word found in a text: its folded form and where it sits in the original,
/// as byte offsets, so a match can be highlighted in the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub folded: String,
    pub start: usize,
    pub end: usize,
}

/// Splits a text into folded words, keeping their original byte ranges.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current: Option<Token> = None;
    for (at, c) in text.char_indices() {
        match fold_char(c) {
            Some(f) => {
                let token = current.get_or_insert_with(|| Token { folded: String::new(), start: at, end: at });
                token.folded.push(f);
                token.end = at + c.len_utf8();
            }
            None => {
                if let Some(token) = current.take() {
                    out.push(token);
                }
            }
        }
    }
    out.extend(current);
    out
}

/// Calls `f` with each folded word of `text`, folded into one reused
/// buffer: the index build folds every word of every record, and giving
/// each its own allocation was most of its time.
pub fn each_word(text: &str, mut f: impl FnMut(&str)) {
    let mut word = String::new();
    for c in text.chars() {
        match fold_char(c) {
            Some(folded) => word.push(folded),
            None if !word.is_empty() => {
                f(&word);
                word.clear();
            }
            None => {}
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// The folded words of a text, without positions.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    tokens(text).into_iter().map(|t| t.folded)
}

/// The byte length, in `original`, of the shortest prefix whose folded form
/// covers `folded_chars` characters. Used to highlight a prefix match.
pub fn original_prefix_len(original: &str, folded_chars: usize) -> usize {
    let mut seen = 0;
    for (at, c) in original.char_indices() {
        if seen >= folded_chars {
            return at;
        }
        if fold_char(c).is_some() {
            seen += 1;
        }
    }
    original.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_spanish_and_case() {
        let w: Vec<_> = words("Asesoría de INMIGRACIÓN, niños").collect();
        assert_eq!(w, ["asesoria", "de", "inmigracion", "ninos"]);
    }

    #[test]
    fn keeps_original_ranges() {
        let t = tokens("¡Hola, señora!");
        assert_eq!(t.len(), 2);
        assert_eq!(&"¡Hola, señora!"[t[1].start..t[1].end], "señora");
        assert_eq!(original_prefix_len("señora", 3), "señ".len());
    }

    #[test]
    fn digits_are_words() {
        let w: Vec<_> = words("Call 1-888-373-7888, 24/7").collect();
        assert_eq!(w, ["call", "1", "888", "373", "7888", "24", "7"]);
    }
}

/// A piece of free text: plain words, or a US phone number to link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    /// The number as written, and the digits to dial (`tel:` form).
    Phone(&'a str, String),
}

/// Splits free text ("Call 1-800-656-4673 or text 988") into text and the
/// US phone numbers in it, so each number can become a tap-to-call link. A
/// number is 10 digits (or 11 starting with 1) in the usual groupings
/// (`1-800-656-4673`, `(619) 555-0100`, `619.555.0100`), or 988 / 911 as
/// a word of their own; anything else (dates, ZIP codes, ids) stays text.
pub fn phone_pieces(text: &str) -> Vec<Piece<'_>> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let (mut i, mut plain) = (0, 0);
    while i < bytes.len() {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        match boundary.then(|| phone_at(bytes, i)).flatten() {
            Some((end, dial)) => {
                if plain < i {
                    pieces.push(Piece::Text(&text[plain..i]));
                }
                pieces.push(Piece::Phone(&text[i..end], dial));
                (i, plain) = (end, end);
            }
            None => i += 1,
        }
    }
    if plain < text.len() {
        pieces.push(Piece::Text(&text[plain..]));
    }
    pieces
}

/// A phone number starting at byte `at`: where it ends, and its digits.
fn phone_at(bytes: &[u8], at: usize) -> Option<(usize, String)> {
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let ends_word = |i: usize| !bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    // 988 and 911 as words of their own.
    if digit(at) && digit(at + 1) && digit(at + 2) && ends_word(at + 3) {
        let short = &bytes[at..at + 3];
        if short == b"988" || short == b"911" {
            return Some((at + 3, short.iter().map(|&b| b as char).collect()));
        }
    }
    let mut i = at;
    let mut digits = String::new();
    // An optional leading 1 and separator.
    if bytes.get(i) == Some(&b'1') && matches!(bytes.get(i + 1), Some(b'-' | b' ' | b'.')) {
        digits.push('1');
        i += 2;
    }
    // Area code: 3 digits, or (3 digits).
    let paren = bytes.get(i) == Some(&b'(');
    if paren {
        i += 1;
    }
    for _ in 0..3 {
        if !digit(i) {
            return None;
        }
        digits.push(bytes[i] as char);
        i += 1;
    }
    if paren {
        if bytes.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    } else if matches!(bytes.get(i), Some(b'-' | b' ' | b'.')) {
        i += 1;
    } else {
        return None;
    }
    let group = |i: &mut usize, n: usize, digits: &mut String| -> bool {
        for _ in 0..n {
            if !digit(*i) {
                return false;
            }
            digits.push(bytes[*i] as char);
            *i += 1;
        }
        true
    };
    if !group(&mut i, 3, &mut digits) || !matches!(bytes.get(i), Some(b'-' | b' ' | b'.')) {
        return None;
    }
    i += 1;
    if !group(&mut i, 4, &mut digits) || !ends_word(i) {
        return None;
    }
    Some((i, digits))
}

#[cfg(test)]
mod phone_tests {
    use super::{phone_pieces, Piece};

    #[test]
    fn numbers_in_free_text_become_phone_pieces() {
        assert_eq!(
            phone_pieces("Call 1-800-656-4673 (24/7) or (619) 555-0100."),
            [
                Piece::Text("Call "),
                Piece::Phone("1-800-656-4673", "18006564673".into()),
                Piece::Text(" (24/7) or "),
                Piece::Phone("(619) 555-0100", "6195550100".into()),
                Piece::Text("."),
            ]
        );
        assert_eq!(phone_pieces("Call or text 988."), [Piece::Text("Call or text "), Piece::Phone("988", "988".into()), Piece::Text(".")]);
    }

    #[test]
    fn dates_zips_ids_and_longer_numbers_stay_text() {
        for text in ["Open 2026-11-28", "ZIP 92101", "case 12345678901", "1-800-656-46734", "room 9880", "ref A619-555-0100", "Señor 619.555.010"] {
            assert!(phone_pieces(text).iter().all(|p| matches!(p, Piece::Text(_))), "{text}");
        }
        assert_eq!(phone_pieces(""), []);
        assert_eq!(phone_pieces("Llame al 619.555.0100 ¿sí?")[1], Piece::Phone("619.555.0100", "6195550100".into()));
    }
}
