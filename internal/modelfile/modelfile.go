// Package modelfile frames the files of sayso's embedded models: gzip over
// a magic line naming the format and its version, then the model's own
// bytes; reading is bounded, so a corrupt or hostile file cannot exhaust
// memory, and gives the file's SHA-256, which names a model.
package modelfile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
)

// Write writes a model file to w: gzip at level over magic, then what body
// writes. It returns the number of bytes written to w.
func Write(w io.Writer, level int, magic string, body func(*bufio.Writer) error) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, level)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	if err := body(bw); err != nil {
		return cw.n, err
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Read reads a model file written by Write whose content, magic included,
// holds at most max bytes. It returns the bytes after magic and the hex
// SHA-256 of the file as read. It fails on a file that is not gzip, too
// large, or of another magic (another format or version).
func Read(r io.Reader, magic string, max int) (body []byte, sum string, err error) {
	h := sha256.New()
	zr, err := gzip.NewReader(io.TeeReader(r, h))
	if err != nil {
		return nil, "", err
	}
	raw, err := io.ReadAll(io.LimitReader(zr, int64(max)+1))
	if err != nil {
		return nil, "", err
	}
	if len(raw) > max {
		return nil, "", fmt.Errorf("larger than %d bytes", max)
	}
	if !bytes.HasPrefix(raw, []byte(magic)) {
		return nil, "", errors.New("not a model of this format and version")
	}
	return raw[len(magic):], hex.EncodeToString(h.Sum(nil)), nil
}
