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
	"testing"

	bolt "go.etcd.io/bbolt"
)

// writeGoodStore makes a real store file with n servers, big enough to need
// branch pages, and returns its bytes.
func writeGoodStore(t *testing.T, path string, n int) []byte {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
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
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
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
		})[:int(hwm)*ps], "geheugenfout"},
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
