package sqlite

import (
	"container/list"
	"context"
	"database/sql/driver"
	"errors"
	"reflect"
)

// stmtCacheSize bounds the prepared queries kept per connection. The store
// asks a few dozen distinct queries (IN lists come in fixed-size chunks);
// the bound only matters for ad hoc SQL, whose oldest entries are evicted.
const stmtCacheSize = 128

// connector opens SQLite connections that keep their prepared read
// queries. Parsing and planning a query is a large share of a short read
// (a sixth of the article page's time): the pages and commands ask the
// same few dozen queries again and again, so each connection prepares
// each once. database/sql re-prepares a query text on every
// QueryContext; PostgreSQL's driver (pgx) keeps such a cache itself, this
// gives SQLite the same.
type connector struct {
	dsn string
	drv driver.Driver
}

// Connect opens a connection through the SQLite driver and wraps it.
func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return newCachingConn(conn)
}

// Driver returns the SQLite driver.
func (c *connector) Driver() driver.Driver { return c.drv }

// sqliteConn is what the SQLite driver's connections provide and the
// cache relies on.
type sqliteConn interface {
	driver.Conn
	driver.ConnBeginTx
	driver.ConnPrepareContext
	driver.ExecerContext
	driver.QueryerContext
	driver.Pinger
	driver.SessionResetter
	driver.Validator
}

// cachingConn is a SQLite connection whose QueryContext runs a prepared
// statement kept by query text (least recently used evicted). database/sql
// uses a connection from one goroutine at a time, so it needs no lock.
type cachingConn struct {
	sqliteConn
	lru   *list.List // of *cachedStmt, most recent first
	stmts map[string]*list.Element
}

// cachedStmt is a prepared query; busy while its rows are open, when the
// same query asked again (a nested read) is prepared afresh instead.
type cachedStmt struct {
	query string
	stmt  driver.Stmt
	busy  bool
	// evicted: close the statement when its rows close.
	evicted bool
}

func newCachingConn(conn driver.Conn) (driver.Conn, error) {
	c, ok := conn.(sqliteConn)
	if !ok {
		conn.Close()
		return nil, errors.New("sqlite: the driver's connection lacks a method the store needs")
	}
	return &cachingConn{sqliteConn: c, lru: list.New(), stmts: map[string]*list.Element{}}, nil
}

// QueryContext runs query through its cached prepared statement,
// preparing and caching it on first use.
func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	e, ok := c.stmts[query]
	if ok && e.Value.(*cachedStmt).busy {
		return c.sqliteConn.QueryContext(ctx, query, args)
	}
	if !ok {
		st, err := c.sqliteConn.PrepareContext(ctx, query)
		if err != nil {
			return nil, err
		}
		e = c.lru.PushFront(&cachedStmt{query: query, stmt: st})
		c.stmts[query] = e
		c.evict()
	} else {
		c.lru.MoveToFront(e)
	}
	cs := e.Value.(*cachedStmt)
	rows, err := cs.stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	cs.busy = true
	return &cachedRows{Rows: rows, stmt: cs}, nil
}

// evict closes the least recently used statements beyond the bound; one
// whose rows are open is closed when they close.
func (c *cachingConn) evict() {
	for c.lru.Len() > stmtCacheSize {
		e := c.lru.Back()
		cs := c.lru.Remove(e).(*cachedStmt)
		delete(c.stmts, cs.query)
		if cs.busy {
			cs.evicted = true
		} else {
			cs.stmt.Close()
		}
	}
}

// Close closes the cached statements, then the connection.
func (c *cachingConn) Close() error {
	for e := c.lru.Front(); e != nil; e = e.Next() {
		e.Value.(*cachedStmt).stmt.Close()
	}
	c.lru.Init()
	clear(c.stmts)
	return c.sqliteConn.Close()
}

// cachedRows releases its statement for reuse when closed.
type cachedRows struct {
	driver.Rows
	stmt *cachedStmt
}

// Close closes the rows (the driver resets the statement for its next
// use) and frees the statement.
func (r *cachedRows) Close() error {
	err := r.Rows.Close()
	if r.stmt != nil {
		r.stmt.busy = false
		if r.stmt.evicted {
			r.stmt.stmt.Close()
		}
		r.stmt = nil
	}
	return err
}

// The column-type methods forward to the driver's rows, so that
// sql.Rows.ColumnTypes reports what SQLite declares.

// ColumnTypeDatabaseTypeName implements driver.RowsColumnTypeDatabaseTypeName.
func (r *cachedRows) ColumnTypeDatabaseTypeName(index int) string {
	if t, ok := r.Rows.(driver.RowsColumnTypeDatabaseTypeName); ok {
		return t.ColumnTypeDatabaseTypeName(index)
	}
	return ""
}

// ColumnTypeScanType implements driver.RowsColumnTypeScanType.
func (r *cachedRows) ColumnTypeScanType(index int) reflect.Type {
	if t, ok := r.Rows.(driver.RowsColumnTypeScanType); ok {
		return t.ColumnTypeScanType(index)
	}
	return reflect.TypeFor[any]()
}

// ColumnTypeNullable implements driver.RowsColumnTypeNullable.
func (r *cachedRows) ColumnTypeNullable(index int) (nullable, ok bool) {
	if t, ok := r.Rows.(driver.RowsColumnTypeNullable); ok {
		return t.ColumnTypeNullable(index)
	}
	return false, false
}
