package daily

import (
	"bytes"
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
	want := int64(m.pgid) * int64(m.pageSize)
	if size < want {
		return fmt.Errorf("het bestand is %d bytes, maar volgens zijn metapagina hoort het minstens %d bytes te zijn (%d pagina's van %d bytes): het is afgekapt", size, want, m.pgid, m.pageSize)
	}
	// The store is small (kilobytes): read the pages in use and check them.
	data := make([]byte, want)
	if _, err := f.ReadAt(data, 0); err != nil {
		return err
	}
	return checkPages(data, m)
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

// Page flags and sizes of bbolt's file format.
const (
	boltBranchPage   = 0x01
	boltLeafPage     = 0x02
	boltFreelistPage = 0x10
	boltBucketLeaf   = 0x01 // leaf element flag: the value is a bucket
	boltElementSize  = 16   // branch and leaf elements alike
	boltBucketHeader = 16   // root page id, sequence
)

// pageChecker checks the b+trees of a bbolt file from its bytes, with the
// bounds checks of Go slices: every page in use must lie below the
// high-water mark, name itself, be a branch or leaf page reached once, and
// hold its keys and values inside itself, in order. bbolt reads these
// structures through unsafe pointers and asserts in goroutines of its own
// (tx.Check), where a damaged page is a crash that no recover can catch;
// after this check they are sound.
type pageChecker struct {
	data []byte
	ps   int
	hwm  uint64
	seen map[uint64]bool
}

// checkPages checks the pages of data that meta m uses: its freelist and
// every bucket, nested ones included.
func checkPages(data []byte, m boltMeta) error {
	c := &pageChecker{data: data, ps: int(m.pageSize), hwm: m.pgid, seen: map[uint64]bool{}}
	if m.freelist != boltNoFreelist {
		if err := c.freelist(m.freelist); err != nil {
			return err
		}
	}
	return c.tree(m.root, nil, nil, 0)
}

// page returns the bytes of page id with its overflow pages.
func (c *pageChecker) page(id uint64) ([]byte, error) {
	e := binary.NativeEndian
	if id < 2 || id >= c.hwm {
		return nil, fmt.Errorf("pagina %d ligt buiten het bestand (hoogste %d)", id, c.hwm)
	}
	off := int(id) * c.ps
	if off+boltPageHeader > len(c.data) {
		return nil, fmt.Errorf("pagina %d ligt buiten het bestand", id)
	}
	if got := e.Uint64(c.data[off:]); got != id {
		return nil, fmt.Errorf("pagina %d noemt zich %d", id, got)
	}
	overflow := uint64(e.Uint32(c.data[off+12:]))
	if id+overflow >= c.hwm {
		return nil, fmt.Errorf("pagina %d loopt door tot voorbij het bestand", id)
	}
	for i := id; i <= id+overflow; i++ {
		if c.seen[i] {
			return nil, fmt.Errorf("pagina %d wordt twee keer gebruikt", i)
		}
		c.seen[i] = true
	}
	return c.data[off : off+int(overflow+1)*c.ps], nil
}

func (c *pageChecker) freelist(id uint64) error {
	e := binary.NativeEndian
	p, err := c.page(id)
	if err != nil {
		return fmt.Errorf("vrije lijst: %w", err)
	}
	if e.Uint16(p[8:])&boltFreelistPage == 0 {
		return fmt.Errorf("vrije lijst: pagina %d is geen vrije lijst", id)
	}
	start, count := boltPageHeader, uint64(e.Uint16(p[10:]))
	if count == 0xFFFF {
		if len(p) < start+8 {
			return errors.New("vrije lijst: te kort")
		}
		count = e.Uint64(p[start:])
		start += 8
	}
	if count > uint64(len(p)-start)/8 {
		return fmt.Errorf("vrije lijst: %d pagina's passen niet in pagina %d", count, id)
	}
	for i := range count {
		if free := e.Uint64(p[start+int(i)*8:]); free < 2 || free >= c.hwm {
			return fmt.Errorf("vrije lijst: pagina %d ligt buiten het bestand", free)
		}
	}
	return nil
}

// tree checks the b+tree at page id; its keys must lie in [lo, hi) (nil:
// open).
func (c *pageChecker) tree(id uint64, lo, hi []byte, depth int) error {
	if depth > 64 {
		return errors.New("de boom is te diep: een lus")
	}
	p, err := c.page(id)
	if err != nil {
		return err
	}
	return c.node(p, lo, hi, depth)
}

// node checks one branch or leaf page (p starts at its header).
func (c *pageChecker) node(p []byte, lo, hi []byte, depth int) error {
	e := binary.NativeEndian
	if len(p) < boltPageHeader {
		return errors.New("pagina te kort")
	}
	id, flags, count := e.Uint64(p), e.Uint16(p[8:]), int(e.Uint16(p[10:]))
	if boltPageHeader+count*boltElementSize > len(p) {
		return fmt.Errorf("pagina %d: %d elementen passen er niet in", id, count)
	}
	elem := func(i int) []byte { return p[boltPageHeader+i*boltElementSize:] }
	slice := func(i int, pos, n uint32) ([]byte, error) {
		start := boltPageHeader + i*boltElementSize + int(pos)
		if int(pos) < 0 || start+int(n) > len(p) || start+int(n) < start {
			return nil, fmt.Errorf("pagina %d: element %d wijst buiten de pagina", id, i)
		}
		return p[start : start+int(n)], nil
	}
	var prev []byte
	inRange := func(i int, k []byte) error {
		switch {
		case prev != nil && bytes.Compare(prev, k) >= 0:
			return fmt.Errorf("pagina %d: sleutels niet op volgorde bij element %d", id, i)
		case lo != nil && bytes.Compare(k, lo) < 0, hi != nil && bytes.Compare(k, hi) >= 0:
			return fmt.Errorf("pagina %d: sleutel %d hoort niet op deze pagina", id, i)
		}
		prev = k
		return nil
	}
	switch {
	case flags&boltBranchPage != 0:
		if count == 0 {
			return fmt.Errorf("pagina %d: lege tak", id)
		}
		keys := make([][]byte, count)
		for i := range count {
			el := elem(i)
			k, err := slice(i, e.Uint32(el), e.Uint32(el[4:]))
			if err != nil {
				return err
			}
			if err := inRange(i, k); err != nil {
				return err
			}
			keys[i] = k
		}
		for i := range count {
			next := hi
			if i+1 < count {
				next = keys[i+1]
			}
			if err := c.tree(e.Uint64(elem(i)[8:]), keys[i], next, depth+1); err != nil {
				return err
			}
		}
		return nil
	case flags&boltLeafPage != 0:
		for i := range count {
			el := elem(i)
			kv, err := slice(i, e.Uint32(el[4:]), e.Uint32(el[8:])+e.Uint32(el[12:]))
			if err != nil {
				return err
			}
			k, v := kv[:e.Uint32(el[8:])], kv[e.Uint32(el[8:]):]
			if err := inRange(i, k); err != nil {
				return err
			}
			if e.Uint32(el)&boltBucketLeaf == 0 {
				continue
			}
			if len(v) < boltBucketHeader {
				return fmt.Errorf("pagina %d: bucket %q te kort", id, k)
			}
			if root := e.Uint64(v); root != 0 {
				err = c.tree(root, nil, nil, depth+1)
			} else {
				err = c.node(v[boltBucketHeader:], nil, nil, depth+1) // inline bucket
			}
			if err != nil {
				return fmt.Errorf("bucket %q: %w", k, err)
			}
		}
		return nil
	}
	return fmt.Errorf("pagina %d is geen tak of blad (vlaggen %#x)", id, flags)
}
