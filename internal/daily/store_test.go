package daily

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// writeGoodStore makes a real store file with n servers, big enough to need
// branch pages, and returns its bytes.
func writeGoodStore(t *testing.T, path string, n int) []byte {
	t.Helper()
	data, err := writeGoodStoreErr(t, path, n)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeGoodStoreErr(_ *testing.T, path string, n int) ([]byte, error) {
	st, err := Open(path)
	if err != nil {
		return nil, err
	}
	err = st.DB().Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketServers)
		for i := range n {
			id := fmt.Sprintf("12000000000000%05d", i)
			v, _ := json.Marshal(Settings{Server: id, ChannelID: "c" + id, Time: "09:00", Enabled: true, LastError: strings.Repeat("x", 150)})
			if err := b.Put([]byte(id), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := st.Close(); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}

// metaOf reads meta page 0 of a store file's bytes.
func metaOf(t *testing.T, data []byte) boltMeta {
	t.Helper()
	m, err := parseMeta(data)
	if err != nil {
		t.Fatalf("meta page 0 of a good file: %v", err)
	}
	return m
}

// firstBranch returns the offset of the first branch page of the file.
func firstBranch(t *testing.T, data []byte, pageSize int) int {
	t.Helper()
	for off := 2 * pageSize; off+pageSize <= len(data); off += pageSize {
		if binary.NativeEndian.Uint16(data[off+8:])&0x01 != 0 && binary.NativeEndian.Uint16(data[off+10:]) > 0 {
			return off
		}
	}
	t.Fatal("no branch page in the file")
	return 0
}

// Damaged store files are refused with a StoreError that names the file,
// and never crash the process (a truncated file used to make bbolt read
// past the end of its mapping: SIGBUS); the file is left as it was. A good
// file, and one whose newest meta page was torn (bbolt falls back to the
// other), open with their records.
func TestOpenDamagedStoreFiles(t *testing.T) {
	dir := t.TempDir()
	good := writeGoodStore(t, filepath.Join(dir, "bron.db"), 300)
	meta := metaOf(t, good)
	ps := int(meta.pageSize)
	// bbolt keeps two meta pages and writes the older one at each commit;
	// when the newest is torn it falls back to the transaction before.
	meta1, err := parseMeta(good[ps:])
	if err != nil {
		t.Fatalf("meta page 1 of a good file: %v", err)
	}
	newest, older, hwm := 0, ps, meta.pgid
	if meta1.txid > meta.txid {
		newest, older, hwm = ps, 0, meta1.pgid
	}
	if len(good)/2 >= int(hwm)*ps || len(good) == int(hwm)*ps {
		t.Fatalf("good file of %d bytes for %d pages: the cases below would not cut into used pages", len(good), hwm)
	}
	garbage := make([]byte, len(good))
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.Uint32())
	}
	mutate := func(f func([]byte)) []byte {
		d := bytes.Clone(good)
		f(d)
		return d
	}
	tests := []struct {
		name string
		data []byte
		want string // in the error; "" means the file opens
	}{
		{"good", good, ""},
		{"empty", nil, "leeg"},
		{"truncated to half", good[:len(good)/2], "afgekapt"},
		{"truncated to the meta pages", good[:2*ps], "afgekapt"},
		{"truncated inside meta page 1", good[:ps+40], "afgekapt"},
		{"a few bytes", good[:10], "metapagina"},
		{"garbage", garbage, "metapagina"},
		{"text", bytes.Repeat([]byte("dit is geen bbolt-bestand "), 1000), "metapagina"},
		{"both meta checksums wrong", mutate(func(d []byte) { d[16+20]++; d[ps+16+20]++ }), "controlegetal"},
		{"older meta page torn", mutate(func(d []byte) { d[older+16+50]++ }), ""},
		{"newest meta page torn", mutate(func(d []byte) { d[newest+16+50]++ }), "previous"},
		{"branch points past the file", mutate(func(d []byte) {
			off := firstBranch(t, d, ps)
			binary.NativeEndian.PutUint64(d[off+16+8:], uint64(len(d)/ps+5000))
		}), "beschadigd"},
		// Cut to exactly its used pages, the file is still whole, but bbolt
		// maps a power of two: a page between the end of the file and the
		// end of the mapping is a memory fault (SIGBUS), caught by guard.
		{"branch points past the end, inside the mapping", mutate(func(d []byte) {
			off := firstBranch(t, d, ps)
			binary.NativeEndian.PutUint64(d[off+16+8:], hwm+3)
		})[:int(hwm)*ps], "buiten het bestand"},
		{"branch key out of its page", mutate(func(d []byte) {
			off := firstBranch(t, d, ps)
			binary.NativeEndian.PutUint32(d[off+16:], 0xC8FFFF17) // pos
		}), "buiten de pagina"},
		{"keys out of order", mutate(func(d []byte) {
			off := firstBranch(t, d, ps)
			e1, e2 := d[off+16:off+32], d[off+32:off+48]
			k1 := d[off+16+int(binary.NativeEndian.Uint32(e1)):][:binary.NativeEndian.Uint32(e1[4:])]
			k2 := d[off+32+int(binary.NativeEndian.Uint32(e2)):][:binary.NativeEndian.Uint32(e2[4:])]
			k1[len(k1)-1], k2[len(k2)-1] = k2[len(k2)-1], k1[len(k1)-1]
		}), "volgorde"},
		{"branch points to a meta page", mutate(func(d []byte) {
			off := firstBranch(t, d, ps)
			binary.NativeEndian.PutUint64(d[off+16+8:], 1)
		}), "beschadigd"},
		{"leaf page overwritten", mutate(func(d []byte) {
			off := firstBranch(t, d, ps)
			leaf := int(binary.NativeEndian.Uint64(d[off+16+8:])) * ps
			copy(d[leaf+8:leaf+ps], garbage)
		}), "beschadigd"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bondgenoot.db")
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			st, err := Open(path)
			if tt.want == "previous" {
				if err != nil {
					t.Fatalf("Open = %v, want the store as of the transaction before", err)
				}
				st.Close()
				return
			}
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Open = %v, want the store", err)
				}
				defer st.Close()
				all, err := st.All()
				if err != nil || len(all) != 300 {
					t.Fatalf("All() = %d records, %v; want 300", len(all), err)
				}
				return
			}
			if err == nil {
				st.Close()
				t.Fatalf("Open(%s) opened a damaged file", tt.name)
			}
			var se *StoreError
			if !errors.As(err, &se) || se.Path != path {
				t.Fatalf("Open = %v, want a StoreError naming %s", err, path)
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || !strings.Contains(msg, tt.want) || !strings.Contains(msg, "beschadigd") {
				t.Errorf("message %q: want the file, %q and the documented text", msg, tt.want)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, tt.data) {
				t.Errorf("the damaged file was changed")
			}
		})
	}
}

// Other buckets in the same file (statistics, later) live next to the
// settings: DB gives them, and Open walks and keeps them.
func TestStoreExtraBuckets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bondgenoot.db")
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	err = st.DB().Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte("stats"))
		if err != nil {
			return err
		}
		day, err := b.CreateBucketIfNotExists([]byte("2026-12-01"))
		if err != nil {
			return err
		}
		return day.Put([]byte("zoek"), []byte("7"))
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Update("g", func(s *Settings) error { s.ChannelID = "c"; return nil }); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st, err = Open(path)
	if err != nil {
		t.Fatalf("reopen with a stats bucket: %v", err)
	}
	defer st.Close()
	var got string
	_ = st.DB().View(func(tx *bolt.Tx) error {
		got = string(tx.Bucket([]byte("stats")).Bucket([]byte("2026-12-01")).Get([]byte("zoek")))
		return nil
	})
	if s, ok, _ := st.Get("g"); got != "7" || !ok || s.ChannelID != "c" {
		t.Errorf("after reopen: stats %q, settings %+v %v", got, s, ok)
	}
}

// goodStore is a store file with 300 servers, made once.
var goodStore = sync.OnceValues(func() ([]byte, error) {
	dir, err := os.MkdirTemp("", "bondgenoot-store")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	return writeGoodStoreErr(nil, filepath.Join(dir, "bron.db"), 300)
})

// openDamaged writes good with data at off and opens it: a damaged file
// must be a StoreError, never a crash.
func openDamaged(t *testing.T, good []byte, off int, data []byte) {
	d := bytes.Clone(good)
	copy(d[off%len(d):], data)
	path := filepath.Join(t.TempDir(), "bondgenoot.db")
	if err := os.WriteFile(path, d, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err := Open(path)
	if err != nil {
		var se *StoreError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), path) {
			t.Fatalf("Open = %v, want a StoreError naming the file", err)
		}
		return
	}
	defer st.Close()
	if _, err := st.All(); err != nil {
		return
	}
	_ = st.Update("1200000000000000042", func(s *Settings) error { s.ChannelID = "c"; return nil })
}

// Random damage to the pages of a store file (not its meta pages) is
// refused, or the file opens and reads; it never crashes the process. (The
// case "branch key out of its page" above is the one that crashed before
// the page check: bbolt's own check read the key in a goroutine of its own,
// past any recover.)
func TestOpenRandomlyDamagedStores(t *testing.T) {
	good, err := goodStore()
	if err != nil {
		t.Fatal(err)
	}
	m, err := parseMeta(good)
	if err != nil {
		t.Fatal(err)
	}
	m1, err := parseMeta(good[m.pageSize:])
	if err == nil && m1.txid > m.txid {
		m = m1
	}
	ps, hwm := int(m.pageSize), m.pgid
	rng := rand.New(rand.NewPCG(7, 9))
	for range 100 {
		n := 1 + rng.IntN(8)
		d := make([]byte, n)
		for i := range d {
			d[i] = byte(rng.Uint32())
		}
		// Mostly in the headers and elements at the start of a page in
		// use, where the pointers are.
		off := 8192 + rng.IntN(len(good)-8192)
		if rng.IntN(4) > 0 {
			off = (2+rng.IntN(int(hwm)-2))*ps + rng.IntN(256)
		}
		openDamaged(t, good, off, d)
	}
}

// FuzzOpenDamagedStore: bytes written anywhere past the meta pages of a
// good store file make Open refuse it or open it, never crash. Seeds are in
// testdata/fuzz/FuzzOpenDamagedStore.
func FuzzOpenDamagedStore(f *testing.F) {
	f.Add(uint32(8192+16), []byte{0xff, 0xff, 0xff, 0xc8})
	f.Add(uint32(12288+8), []byte{0x03})
	f.Fuzz(func(t *testing.T, off uint32, data []byte) {
		good, err := goodStore()
		if err != nil {
			t.Fatal(err)
		}
		if len(data) > 64 {
			data = data[:64]
		}
		openDamaged(t, good, 8192+int(off)%(len(good)-8192), data)
	})
}

func BenchmarkOpenStore(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "bondgenoot.db")
	st, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	st.Close()
	for b.Loop() {
		st, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
	}
}
