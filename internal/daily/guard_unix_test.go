//go:build unix

package daily

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// guard turns a memory fault into an error: here a read of a mapped page
// past the end of its file (SIGBUS), what bbolt does with a file cut short
// under it.
func TestGuardTurnsAFaultIntoAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kort.db")
	if err := os.WriteFile(path, make([]byte, 100), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	size := 4 * os.Getpagesize()
	mem, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	defer syscall.Munmap(mem)
	var b byte
	err = guard(func() error { b = mem[size-1]; return nil })
	if err == nil || !strings.Contains(err.Error(), "geheugenfout") {
		t.Fatalf("guard(read past the file) = %v (read %d), want a memory-fault error", err, b)
	}
	// Outside guard the goroutine is as before: no panic on fault.
	if err := guard(func() error { return nil }); err != nil {
		t.Errorf("guard(nothing) = %v", err)
	}
}
