// Package pgtest gives tests a fresh PostgreSQL database on the server
// named by $SAYSO_TEST_POSTGRES, dropped when the test ends.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// EnvVar names the environment variable holding the server's URL, for
// example postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable.
const EnvVar = "SAYSO_TEST_POSTGRES"

// ServerURL returns $SAYSO_TEST_POSTGRES, skipping the test with a message
// saying how to run it when the variable is unset.
func ServerURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(EnvVar)
	if u == "" {
		t.Skip("PostgreSQL tests skipped: set " + EnvVar + " to a server URL (e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable) whose user may create databases")
	}
	return u
}

// NewDatabase creates an empty database on the server named by
// $SAYSO_TEST_POSTGRES and returns its URL; the database is dropped when
// the test ends. Without the variable the test is skipped.
func NewDatabase(t testing.TB) string {
	t.Helper()
	return newDatabase(t, "")
}

// NewPrepared returns a new database made as a copy of one that prepare
// (say, a schema migration) was run on once per test binary: copying a
// template is quicker than preparing every database. Call Main from the
// package's TestMain so that templates are dropped at the end.
func NewPrepared(t testing.TB, prepare func(ctx context.Context, dsn string) error) string {
	t.Helper()
	server := ServerURL(t)
	tmpl.Lock()
	if tmpl.name == "" {
		name := randomName("sayso_tmpl_")
		if err := exec(server, "CREATE DATABASE "+name); err != nil {
			tmpl.Unlock()
			t.Fatalf("pgtest: create template: %v", err)
		}
		tmpl.server = server
		tmpl.name = name
		if err := prepare(context.Background(), withDatabase(t, server, name)); err != nil {
			tmpl.Unlock()
			t.Fatalf("pgtest: prepare template: %v", err)
		}
	}
	name := tmpl.name
	tmpl.Unlock()
	return newDatabase(t, name)
}

// tmpl is this process's template database.
var tmpl struct {
	sync.Mutex
	server, name string
}

// Main runs the tests, then drops the template database NewPrepared made.
func Main(m *testing.M) {
	code := m.Run()
	tmpl.Lock()
	if tmpl.name != "" {
		if err := exec(tmpl.server, "DROP DATABASE IF EXISTS "+tmpl.name+" WITH (FORCE)"); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
	}
	tmpl.Unlock()
	os.Exit(code)
}

func newDatabase(t testing.TB, template string) string {
	t.Helper()
	server := ServerURL(t)
	name := randomName("sayso_test_")
	create := "CREATE DATABASE " + name
	if template != "" {
		create += " TEMPLATE " + template
	}
	if err := exec(server, create); err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	t.Cleanup(func() {
		if err := exec(server, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: %v", err)
		}
	})
	return withDatabase(t, server, name)
}

func randomName(prefix string) string {
	var b [6]byte
	rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}

// withDatabase returns the server URL naming database name.
func withDatabase(t testing.TB, server, name string) string {
	u, err := url.Parse(server)
	if err != nil {
		t.Fatalf("pgtest: %s is not a URL: %v", EnvVar, err)
	}
	u.Path = "/" + name
	return u.String()
}

// exec runs one statement on a short-lived connection to dsn.
func exec(dsn, stmt string) error {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(context.Background(), stmt); err != nil {
		return fmt.Errorf("%s: %w", stmt, err)
	}
	return nil
}

// MustExec runs statements on the database at dsn, failing the test on
// an error.
func MustExec(t testing.TB, dsn string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(fmt.Errorf("%s: %w", s, err))
		}
	}
}
