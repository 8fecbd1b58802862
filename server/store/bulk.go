package store

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"
)

// bulkPair is one entry of the JSON that `wrangler kv bulk put` takes.
type bulkPair struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Base64 bool   `json:"base64"`
}

// BulkJSON encodes a flat snapshot for `wrangler kv bulk put`:
// [{"key": ..., "value": base64, "base64": true}], ordered by key.
func BulkJSON(kv map[string][]byte) ([]byte, error) {
	pairs := make([]bulkPair, 0, len(kv))
	for k, v := range kv {
		pairs = append(pairs, bulkPair{k, base64.StdEncoding.EncodeToString(v), true})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Key < pairs[j].Key })
	return json.MarshalIndent(pairs, "", " ")
}

// ParseBulkJSON decodes what BulkJSON writes (values may also be plain
// text, without "base64").
func ParseBulkJSON(data []byte) (map[string][]byte, error) {
	var pairs []bulkPair
	if err := json.Unmarshal(data, &pairs); err != nil {
		return nil, fmt.Errorf("KV bulk JSON: %v", err)
	}
	kv := make(map[string][]byte, len(pairs))
	for _, p := range pairs {
		v := []byte(p.Value)
		if p.Base64 {
			var err error
			if v, err = base64.StdEncoding.DecodeString(p.Value); err != nil {
				return nil, fmt.Errorf("KV bulk JSON: key %q: %v", p.Key, err)
			}
		}
		kv[p.Key] = v
	}
	return kv, nil
}

// MapReader is a Reader over a flat snapshot held in memory.
func MapReader(kv map[string][]byte) Flat {
	return Flat{Get: func(k string) ([]byte, error) {
		if v, ok := kv[k]; ok {
			return v, nil
		}
		return nil, fmt.Errorf("key %q: %w", k, ErrNotFound)
	}}
}
