// Answers V/C lines (see ../README.md) with the semver crate's Version::parse and Ord.
use std::cmp::Ordering;
use std::io::{self, BufRead, Write};

fn main() {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == "V" {
            let ok = semver::Version::parse(f[1]).is_ok();
            writeln!(out, "{}", if ok { "valid" } else { "invalid" }).unwrap();
            continue;
        }
        match (semver::Version::parse(f[1]), semver::Version::parse(f[2])) {
            (Ok(a), Ok(b)) => {
                let c = match a.cmp(&b) {
                    Ordering::Less => -1,
                    Ordering::Equal => 0,
                    Ordering::Greater => 1,
                };
                writeln!(out, "{}", c).unwrap();
            }
            _ => writeln!(out, "invalid").unwrap(),
        }
    }
}
