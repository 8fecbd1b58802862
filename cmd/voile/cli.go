package main

import (
	"errors"
	"flag"
	"fmt"
)

// errUsage is returned after a command printed its usage for bad
// arguments: main exits with status 2 and prints nothing more.
var errUsage = errors.New("usage")

// newFlags returns a command's flag set, whose -h prints the command's
// positional arguments (args), what it does (about) and its flags.
func newFlags(name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "usage: voile %s %s\n", name, args)
		if about != "" {
			fmt.Fprintf(w, "\n%s\n", about)
		}
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(w, "\nflags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// usage prints fs's usage and returns errUsage.
func usage(fs *flag.FlagSet) error {
	fs.Usage()
	return errUsage
}
