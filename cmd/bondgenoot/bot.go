package main

import (
	"context"
	"fmt"
	"io"
)

// runBot starts the Discord bot, or the console when no token is set.
func runBot(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	fmt.Fprint(stdout, usage)
	return exitOK, nil
}
