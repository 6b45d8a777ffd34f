package modelfile

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	n, err := Write(&buf, gzip.BestCompression, "MAGIC-1\n", func(w *bufio.Writer) error {
		_, err := w.WriteString("payload")
		return err
	})
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("Write: %d bytes, %v; buffer holds %d", n, err, buf.Len())
	}
	file := append([]byte(nil), buf.Bytes()...)
	body, sum, err := Read(bytes.NewReader(file), "MAGIC-1\n", 100)
	if err != nil || string(body) != "payload" || len(sum) != 64 {
		t.Fatalf("Read: %q, %q, %v", body, sum, err)
	}
	if _, _, err := Read(bytes.NewReader(file), "MAGIC-2\n", 100); err == nil {
		t.Error("another magic must fail")
	}
	if _, _, err := Read(bytes.NewReader(file), "MAGIC-1\n", 10); err == nil {
		t.Error("a file over the bound must fail")
	}
	if _, _, err := Read(bytes.NewReader([]byte("plain")), "MAGIC-1\n", 100); err == nil {
		t.Error("a file that is not gzip must fail")
	}
}
