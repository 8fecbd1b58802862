package bolt

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	bbolt "go.etcd.io/bbolt"

	"voile/server/store"
)

var (
	bucketPublishers = []byte("publishers")
	bucketLists      = []byte("lists")
	bucketVersions   = []byte("versions") // one nested bucket per list
	bucketAdapters   = []byte("adapters") // publisher ID -> store.Adapters
)

// DB is a store.Store in a bbolt file.
type DB struct {
	db *bbolt.DB
}

var _ store.Store = (*DB)(nil)

// Open opens or creates the store file at path. It fails after a second
// if another process has the file open: bbolt allows one writer process.
func Open(path string) (*DB, error) {
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		if errors.Is(err, bbolt.ErrTimeout) {
			return nil, fmt.Errorf("open store %s: in use by another process", path)
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		for _, b := range [][]byte{bucketPublishers, bucketLists, bucketVersions, bucketAdapters} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return &DB{db: db}, nil
}

// Close closes the file.
func (d *DB) Close() error { return d.db.Close() }

func versionKey(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

type record interface {
	MarshalMsg([]byte) ([]byte, error)
	UnmarshalMsg([]byte) ([]byte, error)
}

func put(b *bbolt.Bucket, key []byte, r record) error {
	data, err := r.MarshalMsg(nil)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

func get(b *bbolt.Bucket, key []byte, r record) (bool, error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	// UnmarshalMsg copies what it keeps, so the record outlives the
	// transaction's memory map.
	if _, err := r.UnmarshalMsg(data); err != nil {
		return true, fmt.Errorf("store record %q: %w", key, err)
	}
	return true, nil
}

func (d *DB) PutPublisher(p *store.Publisher) error {
	if p.ID == "" {
		return fmt.Errorf("put publisher: empty id")
	}
	return d.db.Update(func(tx *bbolt.Tx) error {
		return put(tx.Bucket(bucketPublishers), []byte(p.ID), p)
	})
}

func (d *DB) Publisher(id string) (*store.Publisher, error) {
	var p store.Publisher
	err := d.db.View(func(tx *bbolt.Tx) error {
		ok, err := get(tx.Bucket(bucketPublishers), []byte(id), &p)
		if err == nil && !ok {
			err = fmt.Errorf("publisher %q: %w", id, store.ErrNotFound)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &p, nil
}

func (d *DB) Publishers() ([]store.Publisher, error) {
	var out []store.Publisher
	err := d.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketPublishers).ForEach(func(k, v []byte) error {
			var p store.Publisher
			if _, err := p.UnmarshalMsg(v); err != nil {
				return fmt.Errorf("store publisher %q: %w", k, err)
			}
			out = append(out, p)
			return nil
		})
	})
	return out, err
}

func (d *DB) Lists() ([]store.ListInfo, error) {
	var out []store.ListInfo
	err := d.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketLists).ForEach(func(k, v []byte) error {
			var l store.ListInfo
			if _, err := l.UnmarshalMsg(v); err != nil {
				return fmt.Errorf("store list %q: %w", k, err)
			}
			out = append(out, l)
			return nil
		})
	})
	return out, err
}

func (d *DB) Append(v *store.Version, info *store.ListInfo) error {
	if err := store.CheckAppend(v, info); err != nil {
		return err
	}
	key := []byte(store.Key(v.Publisher, v.List))
	return d.db.Update(func(tx *bbolt.Tx) error {
		lists := tx.Bucket(bucketLists)
		var cur store.ListInfo
		if _, err := get(lists, key, &cur); err != nil {
			return err
		}
		if v.Version <= cur.Latest {
			return fmt.Errorf("list %s: version %d is not above the latest, %d: %w", key, v.Version, cur.Latest, store.ErrStale)
		}
		vb, err := tx.Bucket(bucketVersions).CreateBucketIfNotExists(key)
		if err != nil {
			return err
		}
		if err := put(vb, versionKey(v.Version), v); err != nil {
			return err
		}
		return put(lists, key, info)
	})
}

func (d *DB) Version(publisher, list string, version uint64) (*store.Version, error) {
	key := store.Key(publisher, list)
	var v store.Version
	err := d.db.View(func(tx *bbolt.Tx) error {
		vb := tx.Bucket(bucketVersions).Bucket([]byte(key))
		if vb == nil {
			return fmt.Errorf("list %s: %w", key, store.ErrNotFound)
		}
		if version == 0 {
			k, data := vb.Cursor().Last()
			if k == nil {
				return fmt.Errorf("list %s: %w", key, store.ErrNotFound)
			}
			_, err := v.UnmarshalMsg(data)
			return err
		}
		ok, err := get(vb, versionKey(version), &v)
		if err == nil && !ok {
			err = fmt.Errorf("list %s version %d: %w", key, version, store.ErrNotFound)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &v, nil
}

func (d *DB) History(publisher, list string) ([]store.Version, error) {
	key := store.Key(publisher, list)
	var out []store.Version
	err := d.db.View(func(tx *bbolt.Tx) error {
		vb := tx.Bucket(bucketVersions).Bucket([]byte(key))
		if vb == nil {
			return fmt.Errorf("list %s: %w", key, store.ErrNotFound)
		}
		return vb.ForEach(func(k, data []byte) error {
			var v store.Version
			if _, err := v.UnmarshalMsg(data); err != nil {
				return fmt.Errorf("list %s version record %x: %w", key, k, err)
			}
			v.Bundle = nil
			out = append(out, v)
			return nil
		})
	})
	return out, err
}

func (d *DB) PutAdapters(a *store.Adapters) error {
	if a.Publisher == "" || len(a.Document) == 0 {
		return fmt.Errorf("put adapters: without publisher or document")
	}
	return d.db.Update(func(tx *bbolt.Tx) error {
		return put(tx.Bucket(bucketAdapters), []byte(a.Publisher), a)
	})
}

func (d *DB) AllAdapters() ([]store.Adapters, error) {
	var out []store.Adapters
	err := d.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketAdapters).ForEach(func(k, v []byte) error {
			var a store.Adapters
			if _, err := a.UnmarshalMsg(v); err != nil {
				return fmt.Errorf("store adapters %q: %w", k, err)
			}
			out = append(out, a)
			return nil
		})
	})
	return out, err
}
