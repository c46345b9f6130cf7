// Answers "M<TAB>path" (a module path) and "I<TAB>path" (an import path) lines with "valid" or "invalid",
// as golang.org/x/mod/module's CheckPath and CheckImportPath decide.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/module"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		kind, path, _ := strings.Cut(in.Text(), "\t")
		var err error
		if kind == "M" {
			err = module.CheckPath(path)
		} else {
			err = module.CheckImportPath(path)
		}
		if err == nil {
			fmt.Fprintln(out, "valid")
		} else {
			fmt.Fprintln(out, "invalid")
		}
	}
}
