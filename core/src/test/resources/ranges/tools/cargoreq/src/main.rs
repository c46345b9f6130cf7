// Answers, for each line "<requirement><TAB><version>" on stdin, the semver crate's verdict on one line of stdout:
// "invalid" when VersionReq::parse fails, else VersionReq::matches as "true" or "false". The first output line
// names the tool. Build offline against Debian's vendored crate, as RangeDifferential's Cargo test does.
use std::io::{self, BufRead, Write};

fn main() {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "semver-1").unwrap();
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let f: Vec<&str> = line.splitn(2, '\t').collect();
        let answer = match semver::VersionReq::parse(f[0]) {
            Err(_) => "invalid".to_string(),
            Ok(req) => match semver::Version::parse(f[1]) {
                Ok(v) => req.matches(&v).to_string(),
                Err(_) => "invalid-version".to_string(),
            },
        };
        writeln!(out, "{}", answer).unwrap();
    }
}
