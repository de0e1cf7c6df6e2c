//! Sizes for people: "820 bytes", "12 KB", "1.2 MB", "10 GB" (powers of 1,024, as browsers and
//! file managers count). Integer arithmetic only: float formatting would add about 11 KB of code
//! to every download for a few messages.

const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];

pub fn size_text(bytes: u64) -> String {
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut unit = 0;
    let mut divisor: u64 = 1024;
    while bytes / divisor >= 1024 && unit + 1 < UNITS.len() {
        divisor *= 1024;
        unit += 1;
    }
    // Tenths of the unit, rounded half up; u128 so that even petabytes cannot overflow.
    let tenths = ((bytes as u128 * 10 + divisor as u128 / 2) / divisor as u128) as u64;
    if tenths < 100 {
        format!("{}.{} {}", tenths / 10, tenths % 10, UNITS[unit])
    } else {
        format!("{} {}", (tenths + 5) / 10, UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::size_text;

    #[test]
    fn sizes_read_the_way_people_say_them() {
        assert_eq!(size_text(0), "0 bytes");
        assert_eq!(size_text(820), "820 bytes");
        assert_eq!(size_text(1024), "1.0 KB");
        assert_eq!(size_text(1536), "1.5 KB");
        assert_eq!(size_text(12 * 1024), "12 KB");
        assert_eq!(size_text(1_258_291), "1.2 MB");
        assert_eq!(size_text(2_485_183), "2.4 MB");
        assert_eq!(size_text(21 * 1024 * 1024), "21 MB");
        assert_eq!(size_text(10_241 * 1024 * 1024), "10 GB");
        assert_eq!(size_text(u64::MAX), "16777216 TB");
    }
}
