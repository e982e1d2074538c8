package daily

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"
)

// The layout of a bbolt meta page (go.etcd.io/bbolt, internal/common): a
// 16-byte page header, then magic, version, page size, flags, the root
// bucket (root page, sequence), the freelist page, the high-water mark
// (pgid), the transaction id and an FNV-64a checksum over everything before
// it. bbolt writes the fields in the machine's byte order.
const (
	boltMagic         = 0xED0CDAED
	boltVersion       = 2
	boltPageHeader    = 16
	boltMetaSize      = 64
	boltChecksumOff   = 56
	boltNoFreelist    = ^uint64(0)
	boltMinPageSize   = 512
	boltMaxPageSize   = 1 << 24
	boltMetaPageFlags = 0x04
)

// boltMeta is what the store check needs from one meta page.
type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64 // high-water mark: pages in use
	txid     uint64
}

// parseMeta decodes and validates the meta page whose header starts at buf[0].
func parseMeta(buf []byte) (boltMeta, error) {
	if len(buf) < boltPageHeader+boltMetaSize {
		return boltMeta{}, errors.New("te kort")
	}
	e := binary.NativeEndian
	m := buf[boltPageHeader : boltPageHeader+boltMetaSize]
	if e.Uint16(buf[8:10])&boltMetaPageFlags == 0 {
		return boltMeta{}, errors.New("geen metapagina")
	}
	if e.Uint32(m[0:4]) != boltMagic {
		return boltMeta{}, errors.New("geen bbolt-bestand")
	}
	if v := e.Uint32(m[4:8]); v != boltVersion {
		return boltMeta{}, fmt.Errorf("onbekende bbolt-versie %d", v)
	}
	h := fnv.New64a()
	h.Write(m[:boltChecksumOff])
	if h.Sum64() != e.Uint64(m[boltChecksumOff:]) {
		return boltMeta{}, errors.New("controlegetal klopt niet")
	}
	meta := boltMeta{
		pageSize: e.Uint32(m[8:12]),
		root:     e.Uint64(m[16:24]),
		freelist: e.Uint64(m[32:40]),
		pgid:     e.Uint64(m[40:48]),
		txid:     e.Uint64(m[48:56]),
	}
	switch {
	case meta.pageSize < boltMinPageSize || meta.pageSize > boltMaxPageSize || meta.pageSize&(meta.pageSize-1) != 0:
		return boltMeta{}, fmt.Errorf("onmogelijke paginagrootte %d", meta.pageSize)
	case meta.pgid < 4 || meta.root < 2 || meta.root >= meta.pgid:
		return boltMeta{}, fmt.Errorf("onmogelijke paginanummers (wortel %d, hoogste %d)", meta.root, meta.pgid)
	case meta.freelist != boltNoFreelist && (meta.freelist < 2 || meta.freelist >= meta.pgid):
		return boltMeta{}, fmt.Errorf("onmogelijke vrije lijst op pagina %d (hoogste %d)", meta.freelist, meta.pgid)
	}
	return meta, nil
}

// checkFile checks an existing store file before bbolt maps it: it must not
// be empty, at least one of its two meta pages must be valid, and the file
// must be as long as the newest valid meta page says (high-water mark ×
// page size). A file that fails is refused, never taken as a new store and
// never read past its end. A missing file is fine: Open creates it.
func checkFile(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return errors.New("het is geen gewoon bestand")
	}
	size := info.Size()
	if size == 0 {
		return errors.New("het bestand is leeg (0 bytes)")
	}
	readAt := func(off int64) []byte {
		buf := make([]byte, boltPageHeader+boltMetaSize)
		n, err := f.ReadAt(buf, off)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil
		}
		return buf[:n]
	}
	m0, err0 := parseMeta(readAt(0))
	var m1 boltMeta
	err1 := errors.New("niet gevonden")
	if err0 == nil {
		m1, err1 = parseMeta(readAt(int64(m0.pageSize)))
	} else {
		// Meta page 0 is damaged, so its page size is unknown: look for
		// meta page 1 at every page size bbolt may have used.
		for ps := int64(1024); ps <= boltMaxPageSize && ps < size; ps <<= 1 {
			if m, err := parseMeta(readAt(ps)); err == nil && int64(m.pageSize) == ps {
				m1, err1 = m, nil
				break
			}
		}
	}
	var m boltMeta
	switch {
	case err0 != nil && err1 != nil:
		return fmt.Errorf("geen geldige metapagina: %v", err0)
	case err0 != nil:
		m = m1
	case err1 != nil:
		m = m0
	case m1.txid > m0.txid:
		m = m1
	default:
		m = m0
	}
	if want := int64(m.pgid) * int64(m.pageSize); size < want {
		return fmt.Errorf("het bestand is %d bytes, maar volgens zijn metapagina hoort het minstens %d bytes te zijn (%d pagina's van %d bytes): het is afgekapt", size, want, m.pgid, m.pageSize)
	}
	return nil
}

// guard runs fn with memory faults turned into panics, and any panic into
// an error, so that a damaged mapped file is an error and not a crash.
func guard(fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer debug.SetPanicOnFault(old)
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if _, ok := r.(interface{ Addr() uintptr }); ok {
			err = errors.New("geheugenfout bij het lezen: het bestand is beschadigd of tijdens het lezen ingekort")
			return
		}
		err = fmt.Errorf("beschadigde inhoud: %v", r)
	}()
	return fn()
}
