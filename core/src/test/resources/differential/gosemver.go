// Answers V/C lines (see README.md) with golang.org/x/mod/semver. OSV writes Go versions without the "v"
// that x/mod requires, so a missing "v" is added, as our Go scheme accepts both spellings.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/semver"
)

func withV(s string) string {
	if strings.HasPrefix(s, "v") {
		return s
	}
	return "v" + s
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		f := strings.Split(in.Text(), "\t")
		if f[0] == "V" {
			if semver.IsValid(withV(f[1])) {
				fmt.Fprintln(out, "valid")
			} else {
				fmt.Fprintln(out, "invalid")
			}
			continue
		}
		a, b := withV(f[1]), withV(f[2])
		if !semver.IsValid(a) || !semver.IsValid(b) {
			fmt.Fprintln(out, "invalid")
			continue
		}
		fmt.Fprintln(out, semver.Compare(a, b))
	}
}
