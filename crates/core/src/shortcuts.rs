//! The staff console's keyboard shortcuts as a table from key to command,
//! decided from the key alone so it is tested natively; the console's
//! keyboard handler (`ui/components/staff/keyboard.rs`) carries them out.
//!
//! Letters act only when the focus is not in a text box; with Alt they act
//! from anywhere, read by their physical place on the keyboard (`code`),
//! because Alt+letter types accented characters on some layouts.

/// What a key does, decided from the key alone (no DOM), so it reads as a
/// table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    FocusSearch,
    FocusPlace,
    OpenNow,
    Free,
    Domain(Option<u16>),
    Sort,
    Density,
    Copy,
    Select,
    Print,
    Shortcuts,
}

pub fn command(key: &str, code: &str, alt: bool) -> Option<Command> {
    // With Alt, the key's place on the keyboard; without, the character.
    let letter = if alt {
        code.strip_prefix("Key")
            .or_else(|| code.strip_prefix("Digit"))
            .map(str::to_ascii_lowercase)?
    } else {
        key.to_ascii_lowercase()
    };
    Some(match letter.as_str() {
        "/" => Command::FocusSearch,
        "n" => Command::FocusPlace,
        "o" => Command::OpenNow,
        "f" => Command::Free,
        "s" => Command::Sort,
        "d" => Command::Density,
        "c" => Command::Copy,
        "a" => Command::Select,
        "p" => Command::Print,
        "?" => Command::Shortcuts,
        "0" => Command::Domain(None),
        d if d.len() == 1 && d.as_bytes()[0].is_ascii_digit() => {
            Command::Domain(Some(u16::from(d.as_bytes()[0] - b'1')))
        }
        _ => return None,
    })
}

/// The console's list of shortcuts, in the order shown: each names its
/// key in its `keys.<entry>` string. "move" (the arrows), "back" (Escape)
/// and "exit" (Shift ×3) are handled beside this table.
pub const LISTED: [&str; 14] = [
    "search",
    "place",
    "move",
    "back",
    "open_now",
    "free",
    "domains",
    "sort",
    "density",
    "copy",
    "select",
    "print",
    "shortcuts",
    "exit",
];

/// The entry of `LISTED` that tells of a command.
pub fn listed_as(command: Command) -> &'static str {
    match command {
        Command::FocusSearch => "search",
        Command::FocusPlace => "place",
        Command::OpenNow => "open_now",
        Command::Free => "free",
        Command::Domain(_) => "domains",
        Command::Sort => "sort",
        Command::Density => "density",
        Command::Copy => "copy",
        Command::Select => "select",
        Command::Print => "print",
        Command::Shortcuts => "shortcuts",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_table_accepts_is_in_the_list() {
        for byte in 0x21u8..0x7f {
            let key = (byte as char).to_string();
            if let Some(c) = command(&key, "", false) {
                assert!(
                    LISTED.contains(&listed_as(c)),
                    "{key:?} does {c:?}, which the list does not show"
                );
            }
        }
    }

    #[test]
    fn keys_map_to_commands() {
        assert_eq!(command("/", "Slash", false), Some(Command::FocusSearch));
        assert_eq!(command("O", "KeyO", false), Some(Command::OpenNow));
        assert_eq!(command("ø", "KeyO", true), Some(Command::OpenNow));
        assert_eq!(
            command("1", "Digit1", false),
            Some(Command::Domain(Some(0)))
        );
        assert_eq!(command("0", "Digit0", false), Some(Command::Domain(None)));
        assert_eq!(command("x", "KeyX", false), None);
    }
}
