package evalfiles

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// MaxPageBytes bounds one decompressed page. The largest real page in the
// sets is about 1.5 MB, so the bound only stops a corrupt archive.
const MaxPageBytes = 64 << 20

// ReadJSON decodes the JSON file name into v. Its errors name the file.
func ReadJSON(name string, v any) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("parse %s: %w", name, err)
	}
	return nil
}

// ReadGzip returns the decompressed content of the gzip file name. It
// fails when the file is missing or not gzip data, and when it holds more
// than MaxPageBytes.
func ReadGzip(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", name, err)
	}
	defer zr.Close()
	b, err := io.ReadAll(io.LimitReader(zr, MaxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", name, err)
	}
	if len(b) > MaxPageBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, MaxPageBytes)
	}
	return b, nil
}
