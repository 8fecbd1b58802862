package errwrap

// Wrap returns an error whose message is prefix, err's message, then
// suffix, and which wraps err: fmt.Errorf(prefix+"%w"+suffix, err).
func Wrap(prefix string, err error, suffix string) error {
	return &wrapped{msg: prefix + err.Error() + suffix, err: err}
}

type wrapped struct {
	msg string
	err error
}

func (w *wrapped) Error() string { return w.msg }
func (w *wrapped) Unwrap() error { return w.err }
