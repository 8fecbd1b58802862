package main

func console(args []string) error {
	fs := newFlags("console", "[flags] -key NAME.key [LIST.yaml]", "A local web page to write, test and publish a list.")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return usage(fs)
}
